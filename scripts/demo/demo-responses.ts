/**
 * One demo response at a time: the body a visitor's widget posts for acme's
 * post-purchase survey (1484) or support survey (2166), with answers that fit
 * the survey files in demo/surveys/acme and the story in demo-story.ts.
 */
import type { Answer } from '../../src/shared/answer';
import type { ResponsePayload } from '../../src/shared/response-schema';
import type { SeededRandom } from '../bench/seeded-random';
import { AFTERTHOUGHTS, FOREIGN_COMMENTS, ORDER_COMMENTS, STRUGGLING_STORE_COMMENTS, SUPPORT_COMMENTS, type Mood } from './demo-comments';
import type { DemoCustomer } from './demo-customers';
import { SITE_STORIES, STRUGGLING_SITE, SUPPORT_STORIES, moodOf, pickSite, recentLift } from './demo-story';

/** Who answered, when, about which order. */
export interface ResponseContext {
  customer: DemoCustomer;
  at: Date;
  daysAgo: number;
  /** The order number: `INV-{invoice}`. */
  invoice: number;
  /** A text answer to use instead of a drawn one (the CSV-awkward ones). */
  text?: string;
}

/** The options of post-purchase question 3 (a store dropdown, segment site_code); York is too new to be listed. */
const STORE_OPTIONS = new Set(['newcastle', 'leeds', 'online']);
const CHANNELS = ['Live chat', 'Email', 'Phone'];
const PLANS = ['Starter', 'Growth', 'Enterprise'];
const IMPROVEMENTS = ['Response time', 'Friendliness', 'Knowledge', 'Follow-up'];
/** Share of text questions answered. */
const TEXT_SHARE = 0.55;

/**
 * A post-purchase response: NPS by the site's story, a reason for about half,
 * the store from the page's params or the visitor's dropdown (or both, agreeing).
 */
export function orderResponse(rng: SeededRandom, ctx: ResponseContext): ResponsePayload {
  const { customer, invoice } = ctx;
  const site = pickSite(rng);
  const story = SITE_STORIES[site] ?? { promoters: 0.5, detractors: 0.2, staff: [], share: 0 };
  const nps = npsScore(rng, story.promoters, story.detractors, recentLift(ctx.daysAgo));
  // York is not in the dropdown, so its pages always name it; elsewhere a quarter of pages leave it to the visitor.
  const named = site === 'york' || rng.chance(0.75);
  const chosen = STORE_OPTIONS.has(site) && (!named || rng.chance(0.25));
  const text = ctx.text ?? (rng.chance(TEXT_SHARE) ? comment(rng, moodOf(nps, 'nps'), customer, ORDER_COMMENTS, site) : '');
  const store = site !== 'online';
  return {
    ...envelope(rng, ctx, 'post-purchase'),
    answers: answers([1, nps], [2, text], [3, chosen ? site : '']),
    customer: given({
      name: rng.chance(0.9) ? `${customer.firstName} ${customer.surname}` : undefined,
      email: rng.chance(0.85) ? customer.email : undefined,
      company_name: customer.company && rng.chance(0.7) ? customer.company : undefined,
    }),
    segments: given({
      site_code: named ? site : undefined,
      staff_code: story.staff.length > 0 && rng.chance(0.85) ? rng.pick(story.staff) : undefined,
      account_type: customer.company ? 'business' : 'consumer',
    }),
    metadata: given({
      reference: rng.chance(0.9) ? `INV-${invoice}` : undefined,
      machine_id: store && rng.chance(0.15) ? `till-${site}-${1 + rng.int(3)}` : undefined,
    }),
    page_url: store ? `https://shop.example/receipts/INV-${invoice}` : `https://shop.example/orders/INV-${invoice}/confirmed`,
  };
}

/** A support-csat response: CSAT by the agent's story, the ease and the channel, what to improve, a plan. */
export function supportResponse(rng: SeededRandom, ctx: ResponseContext): ResponsePayload {
  const { customer, invoice } = ctx;
  const agent = rng.chance(0.55) ? 'sam' : 'ines';
  const story = SUPPORT_STORIES[agent] ?? { happy: 0.7, unhappy: 0.1 };
  const lift = recentLift(ctx.daysAgo);
  const csat = csatScore(rng, story.happy + lift, Math.max(0.02, story.unhappy - lift / 2));
  const mood = moodOf(csat, 'csat');
  // Ease follows satisfaction loosely: 5-7 when happy, 3-5 lukewarm, 1-3 unhappy.
  const ease = rng.chance(0.7) ? { happy: 5, lukewarm: 3, unhappy: 1 }[mood] + rng.int(3) : '';
  const plan = PLANS[rng.weighted([50, 35, 15])] as string;
  const planAnswered = rng.chance(0.65);
  const improveChance = { happy: 0.08, lukewarm: 0.3, unhappy: 0.5 }[mood];
  const text = ctx.text ?? (rng.chance(TEXT_SHARE) ? comment(rng, mood, customer, SUPPORT_COMMENTS) : '');
  const ticket = 5000 + invoice;
  return {
    ...envelope(rng, ctx, 'support-csat'),
    answers: answers(
      [11, csat],
      [12, ease],
      [13, CHANNELS[rng.weighted([45, 35, 20])] as string],
      [14, planAnswered ? plan : ''],
      [15, IMPROVEMENTS.filter(() => rng.chance(improveChance))],
      [16, text],
    ),
    customer: given({
      name: rng.chance(0.85) ? `${customer.firstName} ${customer.surname}` : undefined,
      email: customer.email,
      company_name: customer.company && rng.chance(0.8) ? customer.company : undefined,
    }),
    segments: given({
      staff_code: agent,
      site_code: rng.chance(0.35) ? pickSite(rng) : undefined,
      // The help centre knows the plan of a signed-in customer; the dropdown asks the rest.
      plan: !planAnswered && rng.chance(0.5) ? plan : undefined,
    }),
    metadata: given({
      reference: rng.chance(0.7) ? `INV-${invoice - rng.int(40)}` : undefined,
      machine_id: rng.chance(0.1) ? rng.uuid() : undefined,
    }),
    page_url: `https://shop.example/help/tickets/${ticket}`,
  };
}

/** What every body carries: a fresh id, the org, the survey, the customer's locale and when it was answered. */
function envelope(rng: SeededRandom, ctx: ResponseContext, survey: string) {
  const locale = ctx.customer.language === 'en' ? (rng.chance(0.9) ? 'en' : 'en-US') : ctx.customer.language;
  return { id: rng.uuid(), org: 'acme', survey, locale, submitted_at: ctx.at.toISOString() };
}

/** 0-10: detractors mostly 5 or 6, passives 7-8, promoters a little more often 10 than 9. */
function npsScore(rng: SeededRandom, promoters: number, detractors: number, lift: number): number {
  const p = promoters + lift;
  const d = Math.max(0.03, detractors - lift / 2);
  const r = rng.next();
  if (r < d) return rng.weighted([1, 1, 1, 2, 3, 6, 8]);
  if (r < 1 - p) return 7 + rng.int(2);
  return rng.chance(0.55) ? 10 : 9;
}

/** 1-5: unhappy 1-2, lukewarm 3, happy 4-5. */
function csatScore(rng: SeededRandom, happy: number, unhappy: number): number {
  const r = rng.next();
  if (r < unhappy) return 1 + rng.weighted([2, 3]);
  if (r < 1 - happy) return 3;
  return 4 + rng.weighted([45, 55]);
}

/**
 * A comment in the customer's language: English from `pool` (the struggling
 * store's unhappy customers mostly in its own words), sometimes with a second
 * line; the few who write in French, German, Arabic or Japanese say one thing.
 */
function comment(rng: SeededRandom, mood: Mood, customer: DemoCustomer, pool: Record<Mood, readonly string[]>, site?: string): string {
  if (customer.language !== 'en') return FOREIGN_COMMENTS[customer.language][mood === 'unhappy' ? 'unhappy' : 'happy'];
  const local = mood === 'unhappy' && site === STRUGGLING_SITE && rng.chance(0.7);
  const text = rng.pick(local ? STRUGGLING_STORE_COMMENTS : pool[mood]);
  if (!rng.chance(0.12)) return text;
  return `${text}${rng.chance(0.5) ? '\n' : '\n\n'}${rng.pick(AFTERTHOUGHTS[mood])}`;
}

/** Answers as the widget sends them: unanswered questions (blank text, no choice) are left out. */
function answers(...pairs: [number, Answer['answer']][]): Answer[] {
  return pairs.filter(([, answer]) => (Array.isArray(answer) ? answer.length > 0 : answer !== '')).map(([question_id, answer]) => ({ question_id, answer }));
}

/** Drops absent params, as `data-survey-params` without a key would. */
function given(group: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(group).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
