/**
 * Every curl example of the CustomerSure seed, replayed with the real curl
 * against the proxy started as its own process (`node dist/proxy/main.js`,
 * as `npm run serve` does). The commands are read from
 * the seed, not copied here, and run with their own arguments and headers
 * verbatim; only `https://api.customersure.com` becomes the proxy's `/api`.
 * curl sends its own User-Agent, which is what the seed's "All API requests
 * MUST include a valid User-Agent header" asks of a client.
 *
 * Each reply is held to the seed's `# EXAMPLE RESPONSE`: the same status,
 * the headers it shows, and every key of its JSON with the same type.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCsatPayload, validPayload } from '../proxy/fixtures';
import { startProxyProcess, type ProxyProcess } from './seed-replay/proxy-process';
import { runCurl, type CurlReply } from './seed-replay/run-curl';
import { SEED_ORIGIN, seedExamples, type SeedExample } from './seed-replay/seed-examples';
import { shapeDifferences } from './seed-replay/shape-differences';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** CI clones the repo with `shared/` beside it. */
const SEED_PATH = join(REPO, '../shared/seeds/customersure-rest-and-widget-api.txt');

/** How many curl examples the seed has; a change means the seed changed and this file needs a look. */
const EXAMPLE_COUNT = 17;

/** "# Request with an invalid token": the one token in the examples that must be refused. */
const INVALID_TOKEN = 'fake';

/**
 * Examples this proxy does not serve yet, each with why. They must answer a
 * v1 JSON 404 today, so this test fails on purpose when the issue that
 * serves them lands, and the entry has to go.
 */
const NOT_YET: Record<string, string> = {};

/**
 * The one change made to a seed command, by example, with why: the seed's
 * feedback request is scheduled for 2023-08-20, long past, and "send_at:
 * required The time in the future" (a date over a day past is a 422 here).
 * Its dates move to the same day and time next year; nothing else changes.
 */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const SEED_REWRITES: Record<string, (arg: string) => string> = {
  'POST /feedback_requests': (arg) => arg.replace(/"(20\d\d)-(\d\d-\d\dT[\d:]+[+-]\d{4})"/g, (_m, _year: string, rest: string) => `"${NEXT_YEAR}-${rest}"`),
};

/**
 * Examples the seed shows without a reply, each with what is asserted instead.
 */
const WITHOUT_REPLY: Record<string, { why: string; check(reply: CurlReply): void }> = {
  'GET /feedback_requests?state=pending': {
    why: 'the seed shows it (under date periods) without its reply: a list, like every collection, of pending requests only',
    check(reply) {
      expect(reply.status).toBe(200);
      expect(reply.headers['x-total-count']).toBeDefined();
      const list = JSON.parse(reply.body) as { state: string }[];
      expect(Array.isArray(list)).toBe(true);
      expect(list.every((r) => r.state === 'pending')).toBe(true);
    },
  },
};

/**
 * Where the proxy's reply deliberately differs in type from the seed's
 * example, by example and location, each with why. Every entry must still
 * occur, so a stale one fails too.
 */
const SEED_DIFFERENCES: Record<string, Record<string, string>> = {
  'POST /sites': {
    '$.site_type': 'the example creates hq without a site_type yet shows "Office"; a blank field is null ("Blank fields are included as null")',
  },
  'GET /sites/hq': { '$.site_type': 'hq was created without a site_type (see POST /sites), so it is null' },
  'PATCH /sites/hq': { '$.site_type': 'hq was created without a site_type (see POST /sites), so it is null' },
  'GET /feedback_responses/1': {
    '$.feedback_request': 'the response came from the widget, not a feedback request: "Hash of the feedback request object if present or null"',
  },
  'GET /staff/98723': {
    '$.deactivated_at': 'the seed prints "null" in quotes; "Blank fields are included as null", and the attribute is a datetime',
    '$.team_id': 'the seed prints "null" in quotes; "Blank fields are included as null"',
  },
  'GET /staff': {
    '$[*].deactivated_at': 'as GET /staff/98723: a quoted "null" in the seed, a real null here',
    '$[*].team_id': 'as GET /staff/98723: a quoted "null" in the seed, a real null here',
  },
  'GET /surveys': {
    '$[*].id': 'the example shows "1", but the attributes say "id: integer", as survey ids are everywhere else in the seed (survey.id, survey_id)',
  },
};

/** One template of each kind, as an org's `_templates.json` holds them. */
const TEMPLATES = {
  email_templates: [
    {
      id: 10,
      name: 'Post Sale Feedback Email',
      from_name: 'Kate Jones',
      from_email: 'kate@acme.example',
      subject: '{{name/Hi}}, how did we do?',
      body: 'Hi {{name/there}},\n\nWe would be grateful if you answered a few questions.',
      locale: 'en',
    },
    // The seed's feedback request example reminds with templates 11 and 12.
    ...[11, 12].map((id) => ({ id, name: `Reminder ${id - 10}`, from_name: 'Kate Jones', from_email: 'kate@acme.example', subject: 'Still time?', body: 'Still time: {{link-to-survey}}', locale: 'en' })),
  ],
  text_message_templates: [
    { id: 20, name: 'Post Sale SMS Template', body: 'Tell us how we did: {{link-to-survey}}', locale: 'en' },
  ],
};

/** Headers the seed shows whose values depend on the data (its example has 4 sites, we have 1): present is enough. */
const DATA_HEADERS = new Set(['link', 'x-total-pages', 'x-total-count']);

/** The seed's own valid User-Agent ("User-Agent: Acme Ltd"), for the requests that set data up. */
const USER_AGENT = 'Acme Ltd';

if (!existsSync(SEED_PATH)) {
  throw new Error(`The seed is missing: expected ${SEED_PATH} (CI clones the repo with shared/ beside it).`);
}
const examples = seedExamples(readFileSync(SEED_PATH, 'utf8'));
const tokens = [...new Set(examples.flatMap((e) => e.args.flatMap((a) => /^Authorization:\s*Token token="?([^"\s]+)/i.exec(a)?.[1] ?? [])))].filter(
  (token) => token !== INVALID_TOKEN,
);

let proxy: ProxyProcess | undefined;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seed-replay-'));
  const surveysDir = join(dir, 'surveys');
  const databasePath = join(dir, 'responses.sqlite');
  cpSync(join(REPO, 'demo/surveys'), surveysDir, { recursive: true });
  // The template list examples need a template of each kind to show a shape; the demo has none.
  writeFileSync(join(surveysDir, 'acme/_templates.json'), JSON.stringify(TEMPLATES));
  proxy = await startProxyProcess(REPO, {
    PORT: '0', // the OS picks a free port; the proxy prints the one it got
    HOST: '127.0.0.1',
    DATABASE_PATH: databasePath,
    SURVEYS_DIR: surveysDir,
    API_TOKENS: tokens.map((token) => `acme:${token}`).join(','),
  });
  // What the examples read, in place before the first one runs.
  await postWidgetResponses(proxy.origin);
  await createSeedStaff(proxy.origin, databasePath);
});

afterAll(async () => {
  await proxy?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the seed', () => {
  it('has the curl examples this test replays, with the tokens the proxy is given', () => {
    const found = examples.map((e) => `  line ${e.line}: ${e.key}`).join('\n');
    expect(examples.length, `the seed's curl examples changed (check NOT_YET and SEED_DIFFERENCES); found:\n${found}\n`).toBe(EXAMPLE_COUNT);
    expect(tokens.length).toBeGreaterThan(0);
    const keys = examples.map((e) => e.key);
    expect(Object.keys(NOT_YET).filter((key) => !keys.includes(key)), 'NOT_YET names examples the seed does not have').toEqual([]);
    expect(Object.keys(SEED_REWRITES).filter((key) => !keys.includes(key)), 'SEED_REWRITES names examples the seed does not have').toEqual([]);
    expect(Object.keys(SEED_DIFFERENCES).filter((key) => !keys.includes(key)), 'SEED_DIFFERENCES names examples the seed does not have').toEqual([]);
  });
});

// In seed order: POST /sites creates the hq that GET and PATCH /sites/hq then read.
describe.each(examples.map((example) => [example.key, example] as const))('%s', (key, example) => {
  const reason = NOT_YET[key];
  if (reason !== undefined) {
    it(`answers a v1 JSON 404 until it is served (${reason})`, async () => {
      const reply = await replay(example);
      expect(reply.status, describeReply(example, reply)).toBe(404);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(reply.body)).toEqual({ message: expect.any(String) });
    });
    return;
  }

  const instead = WITHOUT_REPLY[key];
  if (instead !== undefined) {
    it(`answers as its kind of request does (${instead.why})`, async () => instead.check(await replay(example)));
    return;
  }

  it(`answers as the seed's example response shows (seed line ${example.line})`, async () => {
    const expected = example.response;
    if (!expected) throw new Error(`the seed shows no response for ${key}; list it in NOT_YET or give it one`);
    const reply = await replay(example);
    const context = describeReply(example, reply);
    expect(reply.status, context).toBe(expected.status);
    for (const [name, value] of Object.entries(expected.headers)) {
      if (DATA_HEADERS.has(name)) expect(reply.headers[name], `${name} header\n${context}`).toBeDefined();
      else expect(reply.headers[name], `${name} header\n${context}`).toBe(value);
    }
    if (expected.body === undefined) return;

    const body: unknown = JSON.parse(reply.body);
    if (Array.isArray(expected.body)) {
      expect(reply.headers['link'], context).toMatch(/rel="first".*rel="last"/);
      expect(reply.headers['x-total-pages'], context).toBe('1');
      expect(reply.headers['x-total-count'], context).toBe(String((body as unknown[]).length));
    }
    const documented = SEED_DIFFERENCES[key] ?? {};
    const differences = shapeDifferences(expected.body, body);
    expect(differences.filter((d) => !Object.hasOwn(documented, d.at)), `undocumented differences from the seed\n${context}`).toEqual([]);
    expect(Object.keys(documented).filter((at) => !differences.some((d) => d.at === at)), 'SEED_DIFFERENCES that no longer occur').toEqual([]);
  });
});

/** The example's own arguments, only its URL moved from CustomerSure to the proxy's `/api`. */
function replay(example: SeedExample): Promise<CurlReply> {
  if (!proxy) throw new Error('the proxy is not running');
  const api = `${proxy.origin}/api`;
  const rewrite = SEED_REWRITES[example.key] ?? ((arg: string) => arg);
  return runCurl(
    example.args.map((arg) => (arg.startsWith(SEED_ORIGIN) ? api + arg.slice(SEED_ORIGIN.length) : rewrite(arg))),
    dir,
  );
}

function describeReply(example: SeedExample, reply: CurlReply): string {
  return `${example.text}\n→ ${reply.status} ${JSON.stringify(reply.headers)}\n${reply.body}`;
}

/**
 * Two widget responses, as the widget posts them: the post-purchase one
 * becomes `/feedback_responses/1` and gives `/nps` a rating, the support one
 * gives `/csat` one. Submitted now, inside their default 30 days.
 */
async function postWidgetResponses(origin: string): Promise<void> {
  const submitted_at = new Date().toISOString();
  const customer = { name: 'Kate', email: 'kate@example.com', telephone_number: '01234 567 890', company_name: 'Acme' };
  for (const payload of [
    validPayload({ id: randomUUID(), customer, submitted_at }),
    validCsatPayload({ id: randomUUID(), customer, submitted_at }),
  ]) {
    const res = await fetch(`${origin}/v1/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
    if (res.status !== 201) throw new Error(`seeding a widget response failed: ${res.status} ${await res.text()}`);
  }
}

/**
 * The staff member the seed's `GET /staff/:id` example asks for, with that
 * example's id and fields, created through `POST /api/staff` (this proxy's
 * extension: the seed has no way to create staff).
 */
async function createSeedStaff(origin: string, databasePath: string): Promise<void> {
  const example = examples.find((e) => e.method === 'GET' && /^\/staff\/\d+$/.test(e.path));
  const shown = example?.response?.body as Record<string, unknown> | undefined;
  if (!example || !shown) throw new Error('the seed has no GET /staff/:id example with a response to seed a staff member from');
  const id = Number(example.path.split('/').pop());
  nextStaffId(databasePath, id);
  const fields = Object.fromEntries(['code', 'first_name', 'surname', 'email', 'time_zone'].map((k) => [k, shown[k]]));
  const res = await fetch(`${origin}/api/staff`, {
    method: 'POST',
    headers: {
      Accept: 'application/vnd.customersure.v1+json',
      Authorization: `Token token="${tokens[0]}"`,
      'Content-Type': 'application/json',
      'User-Agent': USER_AGENT,
    },
    body: JSON.stringify(fields),
  });
  const created = (await res.json()) as { id?: unknown };
  if (res.status !== 201 || created.id !== String(id)) {
    throw new Error(`seeding staff member ${id} failed: ${res.status} ${JSON.stringify(created)}`);
  }
}

/**
 * Makes the next staff row get `id`. Staff ids are `INTEGER PRIMARY KEY
 * AUTOINCREMENT` (migration 002), so SQLite gives a new row one more than
 * the table's `seq` in `sqlite_sequence`; setting it to `id - 1`, from a
 * second connection to the running proxy's file, does it. That row exists
 * only after a first insert, and `name` is not unique there: update, else insert.
 */
function nextStaffId(databasePath: string, id: number): void {
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    if (db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'staff'").run(id - 1).changes === 0) {
      db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('staff', ?)").run(id - 1);
    }
  } finally {
    db.close();
  }
}
