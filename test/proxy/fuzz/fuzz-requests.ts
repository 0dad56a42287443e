/**
 * The requests the fuzz test sends, as fast-check arbitraries: mostly
 * `POST /v1/responses` bodies that start from a valid response to a demo
 * survey and are then bent (hostile characters in every field, huge
 * strings, many keys, wrong types, odd dates, upper-case and reused ids,
 * bad URLs), sent with odd headers; the rest GETs and OPTIONS of the public
 * routes and the v1 API with made-up tokens, and API writes with a real one.
 */
import fc from 'fast-check';
import { LOCALES } from '../../../src/shared/param-keys';
import { FIXED_NOW } from '../fixtures';

export interface FuzzRequest {
  /** What the histogram calls it: `POST /v1/responses`, `GET /api/*`… */
  label: string;
  path: string;
  init: RequestInit & { headers: Record<string, string> };
}

/** The API token the fuzzed app gives org acme; the others it is sent are made up. */
export const FUZZ_API_TOKEN = 'fuzz-acme-token-0001';

/** Every character the clean-text rule refuses, one of each kind, and lookalikes it must keep. */
const UNSAFE = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009b', '\u202a', '\u202d', '\u202e', '\u2066', '\u2069', '\ud800', '\udfff', '\ufffe', '\uffff'];
const KEPT = ['\t', '\n', '\r', '\u200e', '\u200f', '\u061c', '\u00a0', '👍', '🇫🇷', 'é', 'ש', 'م', '"', '\\', '<', '&', "'", ' ', '%', '{'];

const nastyText = fc.array(fc.oneof(fc.constantFrom(...UNSAFE), fc.constantFrom(...KEPT), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));
const hugeText = fc.tuple(fc.constantFrom('x', 'é', '\u202e', '👍', 'a\u0000'), fc.integer({ min: 1_000, max: 70_000 })).map(([unit, times]) => unit.repeat(Math.ceil(times / unit.length)));

/** Any text: ordinary, any code point, hostile, now and then huge. */
export const anyText = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 12, arbitrary: nastyText },
  // Rare, as most of them are refused unread (413): bent fields use anyText often.
  { weight: 1, arbitrary: fc.oneof({ weight: 1, arbitrary: hugeText }, { weight: 6, arbitrary: nastyText.map((t) => t.repeat(40)) }) },
);

/** A value where text is expected: usually text, sometimes any JSON at all. */
const anyValue = fc.oneof({ weight: 8, arbitrary: anyText as fc.Arbitrary<unknown> }, { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

/** Mostly `valid`, else one of the bent values: so most bodies are stored and every field is bent often. */
const mostly = <T>(valid: fc.Arbitrary<T>, bent: fc.Arbitrary<unknown>, validWeight = 6) =>
  fc.oneof({ weight: validWeight, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: bent });

const KEYS = ['name', 'email', 'telephone_number', 'company_name', 'postcode', 'staff_code', 'site_code', 'plan', 'account_type', 'reference', 'machine_id', 'feedback_request', 'order', '__proto__', 'constructor', ''];
const bentGroup = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), anyText), anyValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 45, max: 3_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]))) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
);

const ID_POOL = ['3f8a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b', '0b6a7f3e-9c1d-4a2b-b3c4-d5e6f7a8b9c0', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'];
const id = fc.oneof(
  { weight: 12, arbitrary: fc.uuid({ version: 4 }) },
  // A small pool, in either case: retries, duplicates in another case and conflicts.
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...ID_POOL), fc.boolean()).map(([uuid, upper]) => (upper ? uuid.toUpperCase() : uuid)) },
  { weight: 1, arbitrary: anyValue },
);

const DAY = 86_400_000;
const submittedAt = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: -370 * DAY, max: 2 * DAY }).map((offset) => new Date(FIXED_NOW.getTime() + offset).toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2025-06-01T12:00:00+14:00', '2025-02-29T00:00:00Z', '2025-06-01', 'yesterday', '') },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: anyValue },
);

const pageUrl = fc.oneof(
  { weight: 60, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 3, arbitrary: fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x', 'ftp://x.example/', 'https://shop.example/\u202e', 'http://', '//shop.example/') },
  { weight: 2, arbitrary: anyText.map((t) => `https://shop.example/${t}`) },
  { weight: 1, arbitrary: anyValue },
);

const locale = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(fc.constantFrom(...LOCALES), fc.constantFrom('same', 'lower', 'upper')).map(([tag, how]) => (how === 'lower' ? tag.toLowerCase() : how === 'upper' ? tag.toUpperCase() : tag)) },
  { weight: 3, arbitrary: anyValue },
);

const answerText = mostly(fc.constantFrom('Quick delivery', 'Très bien 👍', 'שלום\u200F', 'Line one\nLine two'), anyText, 2);
const rating = (min: number, max: number) => mostly(fc.integer({ min, max }), fc.oneof(fc.constantFrom(min - 1, max + 1, 4.5, '4'), anyValue), 12);
const ppAnswers = fc.tuple(rating(0, 10), answerText, mostly(fc.constantFrom('newcastle', 'leeds', 'online'), fc.constantFrom('LEEDS', 'leeds\u202e', ''), 12)).map(([rating, text, site]) => [
  { question_id: 1, answer: rating },
  { question_id: 2, answer: text },
  { question_id: 3, answer: site },
]);
const choices = mostly(fc.subarray(['Response time', 'Friendliness', 'Knowledge', 'Follow-up']), fc.subarray(['Knowledge', 'Speed\u202e', 'Knowledge', '']), 8);
const csatAnswers = fc.tuple(rating(1, 5), choices, answerText).map(([rating, picked, text]) => [
  { question_id: 11, answer: rating },
  { question_id: 13, answer: 'Live chat' },
  { question_id: 15, answer: picked },
  { question_id: 16, answer: text },
]);
const answers = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(fc.constantFrom('post-purchase', 'support-csat'), ppAnswers, csatAnswers).map(([survey, pp, csat]) => ({ survey, answers: survey === 'post-purchase' ? pp : csat })) },
  { weight: 1, arbitrary: fc.record({ survey: anyValue, answers: fc.array(fc.record({ question_id: fc.oneof(fc.integer(), anyValue), answer: anyValue }), { maxLength: 120 }) }) },
);

/** A response body: a valid-shaped response with each field bent or not, some fields dropped or replaced. */
const responseBody = fc
  .record({
    id,
    org: mostly(fc.constant('acme'), anyValue, 20),
    answers,
    customer: mostly(fc.constantFrom({ name: 'Mariner', email: 'mariner@example.com' }, { email: 'ops@example.com', company_name: 'Acme' }), bentGroup, 8),
    segments: mostly(fc.constantFrom({}, { staff_code: 'luke' }, { plan: 'Growth', account_type: 'trade' }), bentGroup, 10),
    metadata: mostly(fc.constantFrom({}, { reference: 'INV-2090', machine_id: 'a87ee488' }, { order: '2090' }), bentGroup, 10),
    locale: fc.option(locale),
    page_url: fc.option(pageUrl),
    submitted_at: submittedAt,
    drop: mostly(fc.constant([]), fc.subarray(['id', 'org', 'survey', 'answers', 'customer', 'submitted_at', 'locale', 'page_url']), 12) as fc.Arbitrary<string[]>,
  })
  .map(({ answers: picked, drop, locale: loc, page_url: url, ...rest }) => {
    const body: Record<string, unknown> = { ...rest, survey: picked.survey, answers: picked.answers, locale: loc ?? undefined, page_url: url ?? undefined };
    for (const key of drop) delete body[key];
    return body;
  });

const contentType = mostly(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonx', undefined), 30) as fc.Arbitrary<string | undefined>;
const origin = mostly(fc.constantFrom('https://shop.example', undefined), fc.constantFrom('https://evil.example', 'null', 'http://localhost'), 30) as fc.Arbitrary<string | undefined>;
const postBody = fc.oneof(
  { weight: 12, arbitrary: responseBody.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.oneof(anyText, fc.jsonValue().map((v) => JSON.stringify(v)), fc.constantFrom('', '{', 'null', '[]', '{"__proto__": {"x": 1}}')) },
);

const postResponseRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({ body: postBody, type: contentType, origin, length: mostly(fc.constant(null), fc.constantFrom('0', '3', '70000', 'abc', '-1'), 30) as fc.Arbitrary<string | null> })
  .map(({ body, type, origin: from, length }) => {
    const headers: Record<string, string> = {};
    if (type) headers['Content-Type'] = type;
    if (from) headers.Origin = from;
    if (length !== null) headers['Content-Length'] = length;
    return { label: 'POST /v1/responses', path: '/v1/responses', init: { method: 'POST', headers, body } };
  });

/** Percent-encoded, a lone surrogate as the invalid UTF-8 a hostile client would send for it. */
const urlPart = (text: string) =>
  Array.from(text, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');

const PUBLIC_PATHS = ['/v1/surveys/acme/post-purchase', '/v1/surveys/acme/support-csat', '/v1/surveys/acme/none', '/v1/responses', '/survey_widget.js', '/survey_widget.css', '/v1/schema/survey.json', '/', '/index.html', '/healthz', '/readyz', '/api/openapi.json', '/s/AAAAAAAAAAAAAAAAAAAAAA', '/dashboard', '/relay/securating/AAAAAAAAAAAAAAAAAAAAAA?step=mail-send'];
const publicRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({ method: fc.constantFrom('GET', 'GET', 'OPTIONS', 'HEAD'), path: fc.oneof(fc.constantFrom(...PUBLIC_PATHS), anyText.map((t) => `/v1/surveys/acme/post-purchase?locale=${urlPart(t)}`), anyText.map((t) => `/${urlPart(t)}`)), origin, preflight: fc.boolean() })
  .map(({ method, path, origin: from, preflight }) => {
    const headers: Record<string, string> = {};
    if (from) headers.Origin = from;
    if (method === 'OPTIONS' && preflight) headers['Access-Control-Request-Method'] = 'POST';
    return { label: `${method} public`, path, init: { method, headers } };
  });

const token = fc.oneof(fc.constant(FUZZ_API_TOKEN), anyText.filter((t) => /^[\x20-\x7e]*$/.test(t)), fc.constant(''));
const API_READS = ['/api/feedback_responses', '/api/feedback_responses?per_page=500', '/api/sites', '/api/staff', '/api/surveys', '/api/feedback_requests', '/api/webhook_endpoints', '/api/metrics?from_time=2025-01-01T00:00:00Z'];
const apiHeaders = (auth: string) => ({ Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'fuzz', Authorization: `Token token="${auth}"` });
const apiRead: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.constantFrom(...API_READS), token)
  .map(([path, auth]) => ({ label: 'GET /api/*', path, init: { method: 'GET', headers: apiHeaders(auth) } }));

const apiWrite: fc.Arbitrary<FuzzRequest> = fc
  .oneof(
    fc.record({ path: fc.constant('/api/sites'), body: fc.record({ site_code: anyText, name: anyText, region: anyText, city: fc.option(anyText) }) }),
    fc.record({ path: fc.constant('/api/staff'), body: fc.record({ code: anyText, first_name: anyText, surname: fc.option(anyText), email: fc.option(anyText.map((t) => `${t}@acme.example`)) }) }),
    fc.record({
      path: fc.constant('/api/feedback_requests'),
      body: fc.record({ email: fc.constant('ann@example.com'), send_at: fc.constant(FIXED_NOW.toISOString()), survey_id: fc.constant(1484), external_link: fc.constant(true), first_name: anyText, reference: anyText, data: fc.array(fc.record({ key: anyText, value: anyText }), { maxLength: 4 }) }),
    }),
    fc.record({ path: fc.constant('/api/webhook_endpoints'), body: fc.record({ url: fc.oneof(fc.webUrl(), pageUrl), events: fc.constant(['response.created']), description: anyText }) }),
  )
  .map(({ path, body }) => ({ label: `POST ${path}`, path, init: { method: 'POST', headers: { ...apiHeaders(FUZZ_API_TOKEN), 'Content-Type': 'application/json' }, body: JSON.stringify(body) } }));

/** One request of the mix: 70% responses, 15% public reads, 15% API. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 14, arbitrary: postResponseRequest },
  { weight: 3, arbitrary: publicRequest },
  { weight: 1, arbitrary: apiRead },
  { weight: 2, arbitrary: apiWrite },
);
