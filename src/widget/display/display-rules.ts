import type { AutoTrigger, Condition, Display, UrlRule } from '../../shared/display-schema';

const DAY_MS = 86_400_000;

/** What this browser remembers of one survey for one visitor (see visitor-store). */
export interface VisitorRecord {
  /** When the survey was last on screen, however it was opened (ms). */
  shownAt?: number;
  /** When the visitor last sent a response (ms). */
  answeredAt?: number;
}

export interface ShowContext {
  now: number;
  url: string;
  /** The visitor's stable position in 0-100 for this survey (sampleBucket). */
  bucket: number;
}

/** True when the page URL matches one of the rules, or there are none. A bad regex matches nothing. */
export function urlMatches(rules: readonly UrlRule[], url: string): boolean {
  return !rules.length || rules.some(({ match, value }) => {
    if (match === 'exact') return url === value;
    if (match === 'contains') return url.includes(value);
    if (match === 'starts_with') return url.startsWith(value);
    try {
      return new RegExp(value).test(url);
    } catch {
      return false;
    }
  });
}

/** True when the event trigger names this event and every condition holds for its properties. */
export function eventMatches(trigger: AutoTrigger, name: string, properties: Record<string, unknown>): boolean {
  return trigger.on === 'event' && trigger.name === name && Object.entries(trigger.where ?? {}).every(([key, condition]) => meets(properties[key], condition));
}

function meets(value: unknown, condition: Condition): boolean {
  if (typeof condition !== 'object') return value === condition;
  return typeof value === 'number' && (condition.gte === undefined || value >= condition.gte) && (condition.lte === undefined || value <= condition.lte);
}

/**
 * The visitor's place in 0-100 for one survey: fixed for a visitor (from
 * their stored seed), independent between surveys, evenly spread.
 *
 * @example
 * sampleBucket(0.42, 'post-purchase') < 25 // in a 25% sample, the same answer on every visit
 */
export function sampleBucket(seed: number, survey: string): number {
  // FNV-1a over the survey code, mixed with the seed: cheap and evenly spread.
  let hash = 2166136261 ^ Math.floor(seed * 2 ** 32);
  for (let i = 0; i < survey.length; i++) hash = Math.imul(hash ^ survey.charCodeAt(i), 16777619);
  return ((hash >>> 0) % 10000) / 100;
}

/**
 * Whether an automatic trigger may show the survey now: the URL rules, the
 * sample and the frequency with its recontact period. Pure, so the rules are
 * tested with any clock and any visitor.
 */
export function mayShowAutomatically(display: Display, visitor: VisitorRecord, { now, url, bucket }: ShowContext): boolean {
  if (!urlMatches(display.urls, url) || bucket >= display.sample_percent) return false;
  if (display.frequency === 'always') return true;
  const last = display.frequency === 'once' ? visitor.shownAt : visitor.answeredAt;
  return last === undefined || (display.recontact_days !== undefined && now - last >= display.recontact_days * DAY_MS);
}
