import { csatResult } from '../../src/shared/metrics/csat';
import { npsResult } from '../../src/shared/metrics/nps';
import { defaultMetricsRange, periodRange } from '../../src/shared/periods/date-periods';
import type { DatasetFacts } from './dataset-facts';
import type { Reply } from './measure';

export interface BenchEndpoint {
  path: string;
  /** The p99 to meet, in ms; a baseline has none. */
  targetMs?: number;
  /** Why a reply is wrong, or undefined when it is right. */
  check(reply: Reply): string | undefined;
}

export interface EndpointChoices {
  /** The app's (pinned) clock, so the metric ranges here are the app's. */
  now: Date;
  email: string;
  siteId: number;
  targetMs: number;
}

interface ListItem {
  id: number;
  fields: Record<string, string | null>;
}

/**
 * The six endpoints the target applies to, then two baselines that go
 * through the same middleware with no database work worth the name: the
 * survey list (answered from memory) and an email nobody has (one index
 * miss). Each check compares the reply with what the tables say directly.
 */
export function benchEndpoints(facts: DatasetFacts, { now, email, siteId, targetMs }: EndpointChoices): BenchEndpoint[] {
  const site = facts.siteResponses(siteId);
  const emailTotal = facts.emailResponses(email);
  const page2000 = facts.firstIdOnPage(2000);
  const npsRange = periodRange('12-months', now, 'UTC');
  const csatRange = defaultMetricsRange(now, 'UTC');
  const nps = npsResult(facts.ratingCounts({ scale: 'nps', ...npsRange }));
  const csat = csatResult(facts.ratingCounts({ scale: 'csat', ...csatRange, siteId }));
  for (const [what, n] of [['the email', emailTotal], ['page 2,000', page2000 ?? 0], ['NPS', nps.total_number_of_ratings], ['the site\'s CSAT', csat.total_number_of_ratings]] as const) {
    if (!n) throw new Error(`the dataset has nothing for ${what}: re-seed with --reseed`);
  }

  return [
    { path: '/api/feedback_responses', targetMs, check: list({ length: 30, total: facts.responses, firstId: facts.maxId, newestFirst: true }) },
    { path: '/api/feedback_responses?page=2000', targetMs, check: list({ length: 30, total: facts.responses, firstId: page2000, newestFirst: true }) },
    {
      path: `/api/feedback_responses?email=${encodeURIComponent(email)}`,
      targetMs,
      check: list({ length: Math.min(30, emailTotal), total: emailTotal, newestFirst: true, every: (item) => item.fields.email?.toLowerCase() === email || `item ${item.id} has email ${item.fields.email}` }),
    },
    { path: `/api/feedback_responses?site_ids[]=${siteId}`, targetMs, check: list({ length: 30, total: site.n, firstId: site.maxId, newestFirst: true }) },
    { path: '/api/nps?period=12-months', targetMs, check: metric(nps) },
    { path: `/api/csat?site_ids[]=${siteId}`, targetMs, check: metric(csat) },
    { path: '/api/surveys', check: list({ length: 3, total: 3 }) },
    { path: '/api/feedback_responses?per_page=1&email=nobody@example.com', check: list({ length: 0, total: 0 }) },
  ];
}

interface ListExpectation {
  length: number;
  total: number;
  firstId?: number;
  /** Feedback lists are "returned in reverse chronological order": ids descending. */
  newestFirst?: boolean;
  every?: (item: ListItem) => true | string;
}

/** A page: so many items, newest first, the right `X-Total-Count`. */
function list(expected: ListExpectation): (reply: Reply) => string | undefined {
  return ({ headers, text }) => {
    const items = JSON.parse(text) as ListItem[];
    if (!Array.isArray(items) || items.length !== expected.length) return `expected ${expected.length} items, got ${Array.isArray(items) ? items.length : typeof items}`;
    const total = Number(headers.get('X-Total-Count'));
    if (total !== expected.total) return `X-Total-Count ${headers.get('X-Total-Count')}, expected ${expected.total}`;
    if (expected.firstId !== undefined && items[0]?.id !== expected.firstId) return `first id ${items[0]?.id}, expected ${expected.firstId}`;
    if (expected.newestFirst && items.some((item, i) => i > 0 && item.id >= items[i - 1]!.id)) return 'items are not newest first';
    for (const item of items) {
      const verdict = expected.every?.(item) ?? true;
      if (verdict !== true) return verdict;
    }
    return undefined;
  };
}

/** An `/nps` or `/csat` body: every count as the ratings table has it, and some ratings at all. */
function metric(expected: object): (reply: Reply) => string | undefined {
  return ({ text }) => {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (!body.total_number_of_ratings) return `no ratings counted: ${text}`;
    for (const [key, value] of Object.entries(expected)) {
      if (body[key] !== value) return `${key} is ${String(body[key])}, expected ${String(value)}`;
    }
    return undefined;
  };
}
