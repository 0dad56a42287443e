/**
 * The demo org's believable history, as the request bodies a merchant's
 * integration and its visitors' widgets would have sent: acme's four sites and
 * six staff, about 1,200 responses over the last four months and 40 pending
 * invitations. Pure and seeded: the same `now` and seed draw the same dataset.
 *
 * The story it tells is in demo-story.ts; what customers write, in demo-comments.ts.
 */
import type { z } from 'zod';
import type { SiteCreateSchema, StaffCreateSchema } from '../../src/shared/api/api-inputs';
import type { FeedbackRequestCreateSchema } from '../../src/shared/api/feedback-request-inputs';
import type { ResponsePayload } from '../../src/shared/response-schema';
import { seededRandom, type SeededRandom } from '../bench/seeded-random';
import { demoCustomers, type DemoCustomer } from './demo-customers';
import { AWKWARD_COMMENTS } from './demo-comments';
import { orderResponse, supportResponse } from './demo-responses';
import { SITE_STORIES, pickSite } from './demo-story';

/** A `POST /api/sites` body. */
export type SiteBody = z.input<typeof SiteCreateSchema>;
/** A `POST /api/staff` body. */
export type StaffBody = z.input<typeof StaffCreateSchema>;
/** A `POST /api/feedback_requests` body. */
export type FeedbackRequestBody = z.input<typeof FeedbackRequestCreateSchema>;

export interface DemoDataset {
  sites: SiteBody[];
  staff: StaffBody[];
  /** `POST /v1/responses` bodies, oldest first. */
  responses: ResponsePayload[];
  feedbackRequests: FeedbackRequestBody[];
}

export interface DemoDatasetOptions {
  /** How many responses; default 1,200. */
  responses?: number;
  /** Over how many days before `now`; default 120. */
  days?: number;
  seed?: number;
}

export const DEMO_SITES: readonly SiteBody[] = [
  { site_code: 'newcastle', name: 'Newcastle upon Tyne', city: 'Newcastle', region: 'North East', site_type: 'Store' },
  { site_code: 'leeds', name: 'Leeds Trinity', city: 'Leeds', region: 'Yorkshire', site_type: 'Store' },
  { site_code: 'online', name: 'Online shop', region: 'National', site_type: 'Online' },
  { site_code: 'york', name: 'York Minster Gate', city: 'York', region: 'Yorkshire', site_type: 'Store' },
];

export const DEMO_STAFF: readonly StaffBody[] = [
  { code: 'luke', first_name: 'Luke', surname: 'Harper', email: 'luke.harper@acme.example' },
  { code: 'amara', first_name: 'Amara', surname: 'Okafor', email: 'amara.okafor@acme.example' },
  { code: 'jon', first_name: 'Jon', surname: 'Reid', email: 'jon.reid@acme.example' },
  { code: 'priya', first_name: 'Priya', surname: 'Shah', email: 'priya.shah@acme.example' },
  { code: 'sam', first_name: 'Sam', surname: 'Lee', email: 'sam.lee@acme.example' },
  { code: 'ines', first_name: 'Inès', surname: 'Moreau', email: 'ines.moreau@acme.example' },
];

const DAY_MS = 86_400_000;
const INVITATIONS = 40;
/** UTC hour of day → how likely a visitor answers then: shop hours, a little in the evening. */
const HOUR_WEIGHTS = [0.03, 0.02, 0.02, 0.02, 0.02, 0.05, 0.15, 0.35, 0.7, 1, 1, 1, 1, 1, 1, 1, 1, 0.9, 0.75, 0.7, 0.6, 0.4, 0.2, 0.08];
/** Sunday … Saturday: weekdays busy, the weekend quieter. */
const DAY_WEIGHTS = [0.35, 1, 1, 1, 1, 0.95, 0.55];
/** The order number of the window's first response; each later one is a later order, and invitations follow the last. */
const FIRST_INVOICE = 1100;

/**
 * The demo org's sites, staff, responses and invitations, as of `now`.
 *
 * @example
 * const { sites, staff, responses, feedbackRequests } = demoDataset(new Date());
 * responses.length // 1200
 */
export function demoDataset(now: Date, options: DemoDatasetOptions = {}): DemoDataset {
  const { responses: count = 1200, days = 120, seed = 2090 } = options;
  const rng = seededRandom(seed);
  const nowMs = now.getTime();
  const customers = demoCustomers(rng, Math.max(INVITATIONS, Math.round(count * 0.4)) + INVITATIONS);
  const responders = customers.slice(0, -INVITATIONS);
  const times = Array.from({ length: count }, () => answeredAt(rng, nowMs, days)).sort((a, b) => a - b);
  // Each once, somewhere in the middle of the history: enough to find, too few to notice.
  const awkward = new Map([
    [Math.floor(count * 0.3), AWKWARD_COMMENTS[0]],
    [Math.floor(count * 0.8), AWKWARD_COMMENTS[1]],
  ]);
  const responses = times.map((at, i) => {
    const ctx = { customer: rng.pick(responders), at: new Date(at), daysAgo: (nowMs - at) / DAY_MS, invoice: FIRST_INVOICE + i, text: awkward.get(i) };
    return rng.chance(0.7) ? orderResponse(rng, ctx) : supportResponse(rng, ctx);
  });
  const invitees = customers.slice(-INVITATIONS);
  return {
    sites: DEMO_SITES.map((s) => ({ ...s })),
    staff: DEMO_STAFF.map((s) => ({ ...s })),
    responses,
    feedbackRequests: invitees.map((customer, i) => invitation(rng, customer, nowMs, FIRST_INVOICE + count + i)),
  };
}

/** A moment in [now - days, now), drawn weekday- and daytime-heavy (by rejection: a moment is kept as often as its hour is busy). */
function answeredAt(rng: SeededRandom, nowMs: number, days: number): number {
  for (;;) {
    const at = nowMs - 1 - Math.floor(rng.next() * days * DAY_MS);
    const date = new Date(at);
    if (rng.next() < (DAY_WEIGHTS[date.getUTCDay()] ?? 1) * (HOUR_WEIGHTS[date.getUTCHours()] ?? 1)) return at;
  }
}

/** An invitation to a recent order's customer, sent now or within half an hour through the org's relay. */
function invitation(rng: SeededRandom, customer: DemoCustomer, nowMs: number, invoice: number): FeedbackRequestBody {
  const site = pickSite(rng);
  const staff = SITE_STORIES[site]?.staff ?? [];
  const order = rng.chance(0.75);
  const data = [
    { key: 'site_code', value: site },
    { key: 'reference', value: `INV-${invoice}` },
    ...(staff.length > 0 && rng.chance(0.6) ? [{ key: 'staff_code', value: rng.pick(staff) }] : []),
  ];
  const minutes = rng.chance(0.5) ? 0 : 2 + rng.int(28);
  return {
    email: customer.email,
    first_name: customer.firstName,
    surname: customer.surname,
    survey_id: order ? 1484 : 2166,
    email_template_id: rng.chance(0.85) ? 10 : 11,
    send_at: new Date(nowMs + minutes * 60_000).toISOString(),
    data,
  };
}
