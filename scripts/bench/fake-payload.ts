import type { Answer } from '../../src/shared/answer';
import { BENCH_ORG } from './bench-catalog';
import { BENCH_SITES, STORE_STAFF, SUPPORT_STAFF } from './bench-people';
import type { SeededRandom } from './seeded-random';

/** Customers `c0`..`c49999`; at a million responses each sends about 20. */
export const CUSTOMERS = 50_000;

/** The email customer `k` gives. */
export function customerEmail(k: number): string {
  return `c${k}@${DOMAINS[k % DOMAINS.length]}`;
}

/** The body the widget would post, and when the proxy received it. */
export interface FakeResponse {
  body: Record<string, unknown>;
  receivedAt: string;
}

const DOMAINS = ['example.com', 'example.org', 'mail.example', 'inbox.example'];
const FIRST = ['Alex', 'Bea', 'Carl', 'Dana', 'Eli', 'Fran', 'Gita', 'Hugo', 'Iris', 'Jon', 'Kim', 'Lars', 'Mei', 'Nadia', 'Oscar', 'Pat'];
const LAST = ['Ng', 'Okafor', 'Price', 'Quill', 'Reid', 'Shah', 'Tran', 'Usman', 'Vance', 'Ward', 'Xu', 'Yates'];
const COMPANY_A = ['Northern', 'Blue', 'Bright', 'Iron', 'Harbour', 'Moor', 'Copper', 'Swift', 'Tyne', 'Dale'];
const COMPANY_B = ['Bakery', 'Logistics', 'Studios', 'Builders', 'Dental', 'Outfitters', 'Analytics', 'Garage', 'Florists', 'Cycles'];
const COMPANY_C = ['Ltd', 'plc', '& Co', 'Group', 'LLP'];
const COMPANIES = 2_500;
const TEXTS = [
  'Quick delivery', 'Great service, thank you', 'The parcel arrived damaged', 'Staff were really helpful',
  'Took too long to get an answer', 'Easy to order', 'Prices went up again', 'Solved on the first call',
  'Could not find the size I wanted', 'Lovely shop, friendly team', 'The app kept logging me out',
  'Refund was painless', 'Nobody replied to my email', 'Exactly what I needed', 'Checkout was confusing',
  'Would buy again', '', 'Delivery slot was missed', 'Knowledgeable and patient', 'Too many emails afterwards',
];
// Shares of each value, 0-10 and 1-5: skewed positive, as real feedback is.
const NPS_WEIGHTS = [2, 1, 1, 2, 2, 4, 6, 10, 15, 22, 35];
const CSAT_WEIGHTS = [5, 6, 12, 32, 45];
const SITE_WEIGHTS = BENCH_SITES.map((s) => s.weight);
const SEGMENT_SITES = new Set(['newcastle', 'leeds', 'online']);
const LOCALES = ['en', 'en-US', 'fr', 'de'];

interface Customer {
  name: string;
  email: string;
  company: string;
  homeSite: string;
  business: boolean;
}

/**
 * A generator of realistic `POST /v1/responses` bodies for the bench's three
 * surveys: who answered (a customer with a home site and a company), which
 * staff member and site the page named, and the answers. Only `rng` decides,
 * so a seed draws the same million bodies every time.
 */
export function createPayloadFaker(rng: SeededRandom): (receivedMs: number) => FakeResponse {
  const customers: Customer[] = Array.from({ length: CUSTOMERS }, (_, k) => ({
    name: `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]}`,
    email: customerEmail(k),
    company: companyName(rng.int(COMPANIES)),
    homeSite: BENCH_SITES[rng.weighted(SITE_WEIGHTS)]!.site_code,
    business: rng.chance(0.3),
  }));
  let sequence = 0;

  return (receivedMs) => {
    const n = ++sequence;
    const who = customers[rng.int(CUSTOMERS)]!;
    const site = rng.chance(0.8) ? who.homeSite : BENCH_SITES[rng.weighted(SITE_WEIGHTS)]!.site_code;
    // Most arrive within seconds of the click; a few sat in the widget's outbox for hours.
    const delayMs = rng.chance(0.02) ? rng.int(36 * 3_600_000) : 200 + rng.int(30_000);
    const base = {
      id: rng.uuid(),
      org: BENCH_ORG,
      locale: LOCALES[rng.weighted([80, 10, 5, 5])],
      submitted_at: new Date(receivedMs - delayMs).toISOString(),
    };
    const survey = SURVEY_BODIES[rng.weighted([55, 30, 15])]!;
    return { body: { ...base, ...survey(draws(rng), who, site, n) }, receivedAt: new Date(receivedMs).toISOString() };
  };
}

/** `rng` with the two draws every survey makes: an optional text, an optional value. */
interface Draws extends SeededRandom {
  text(p: number): string;
  opt<T>(p: number, value: T): T | undefined;
}

function draws(rng: SeededRandom): Draws {
  return { ...rng, text: (p) => (rng.chance(p) ? rng.pick(TEXTS) : ''), opt: (p, value) => (rng.chance(p) ? value : undefined) };
}

type SurveyBody = (rng: Draws, who: Customer, site: string, n: number) => Record<string, unknown>;

/** post-purchase, support-csat and onboarding, in the 55 : 30 : 15 mix they arrive in. */
const SURVEY_BODIES: readonly SurveyBody[] = [
  (rng, who, site, n) => {
    const nps = rng.weighted(NPS_WEIGHTS);
    const askStore = SEGMENT_SITES.has(site) && rng.chance(0.7);
    return {
      survey: 'post-purchase',
      answers: answers([1, nps], [2, rng.text(0.45)], [3, askStore ? site : '']),
      customer: clean({ name: rng.opt(0.85, who.name), email: rng.opt(0.93, who.email), company_name: who.business ? who.company : undefined }),
      segments: clean({ site_code: rng.opt(0.9, site), staff_code: rng.opt(0.5, rng.pick(STORE_STAFF)), account_type: who.business ? 'business' : 'consumer' }),
      metadata: clean({ reference: `ORD-${100_000 + n}`, machine_id: rng.opt(0.1, `till-${rng.int(200)}`) }),
      page_url: `https://shop.acme.example/checkout/complete?order=${100_000 + n}`,
    };
  },
  (rng, who, site, n) => {
    const improve = ['Response time', 'Friendliness', 'Knowledge', 'Follow-up'].filter(() => rng.chance(0.3));
    return {
      survey: 'support-csat',
      answers: answers(
        [11, rng.weighted(CSAT_WEIGHTS) + 1],
        [12, rng.chance(0.6) ? 1 + rng.int(7) : ''],
        [13, rng.pick(['Live chat', 'Email', 'Phone'])],
        [14, rng.chance(0.7) ? rng.pick(['Starter', 'Growth', 'Enterprise']) : ''],
        [15, improve],
        [16, rng.text(0.25)],
      ),
      customer: clean({ name: rng.opt(0.8, who.name), email: who.email, company_name: rng.opt(0.75, who.company) }),
      segments: clean({ staff_code: rng.opt(0.95, rng.pick(SUPPORT_STAFF)), site_code: rng.opt(0.3, site) }),
      metadata: { reference: `TICKET-${n}` },
      page_url: `https://help.acme.example/tickets/${n}/closed`,
    };
  },
  (rng, who, site, n) => {
    const nps = rng.weighted(NPS_WEIGHTS);
    // Satisfaction follows the recommendation loosely: 0-10 squeezed onto 1-5, give or take one.
    const csat = Math.min(5, Math.max(1, Math.round(1 + nps * 0.4) + rng.int(3) - 1));
    const how = rng.chance(0.7) ? rng.pick(['Self-serve', 'Guided call', 'On-site visit']) : '';
    return {
      survey: 'onboarding',
      answers: answers([21, nps], [22, csat], [23, how], [24, rng.text(0.35)]),
      customer: clean({ name: who.name, email: who.email, company_name: rng.opt(0.9, who.company) }),
      segments: clean({ staff_code: rng.opt(0.4, rng.pick(SUPPORT_STAFF)), site_code: rng.opt(0.8, site), account_type: who.business ? 'business' : 'consumer' }),
      metadata: { reference: `ACC-${n}` },
      page_url: 'https://app.acme.example/welcome',
    };
  },
];

/** Answers as the widget sends them: unanswered questions (blank text, no choice) are left out. */
function answers(...pairs: [number, Answer['answer']][]): Answer[] {
  return pairs
    .filter(([, answer]) => (Array.isArray(answer) ? answer.length > 0 : answer !== ''))
    .map(([question_id, answer]) => ({ question_id, answer }));
}

/** Drops absent params, as `data-survey-params` without a key would. */
function clean(group: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(group).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function companyName(i: number): string {
  const a = COMPANY_A[i % COMPANY_A.length];
  const b = COMPANY_B[Math.floor(i / COMPANY_A.length) % COMPANY_B.length];
  const c = COMPANY_C[Math.floor(i / (COMPANY_A.length * COMPANY_B.length)) % COMPANY_C.length];
  // 10 × 10 × 5 = 500 distinct names; a branch number tells the other 2,000 apart.
  const branch = Math.floor(i / 500);
  return branch ? `${a} ${b} ${c} (${branch + 1})` : `${a} ${b} ${c}`;
}
