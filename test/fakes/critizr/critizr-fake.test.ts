import { afterEach, describe, expect, it } from 'vitest';
import {
  CRITIZR_FAKE_PLACE,
  CRITIZR_FAKE_SURVEY,
  CRITIZR_FAKE_TOKEN,
  startCritizrFake,
  type CritizrFake,
  type CritizrFakeOptions,
} from './critizr-fake';

const open: CritizrFake[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});
async function critizr(options?: CritizrFakeOptions): Promise<CritizrFake> {
  const fake = await startCritizrFake(options);
  open.push(fake);
  return fake;
}

const auth = { Authorization: `Bearer ${CRITIZR_FAKE_TOKEN}` };
const json = { ...auth, 'Content-Type': 'application/json' };

// The seed's single payload, its placeholders filled in.
const single = {
  sender: 'Your name <your.name@example.com>',
  survey: CRITIZR_FAKE_SURVEY.id,
  type: 'email',
  place: CRITIZR_FAKE_PLACE.id,
  recipient: 'client@example.com',
  context: {
    first_name: 'Ann',
    last_name: 'Lee',
    phone: '+33612345678',
    crm_id: 'CRM-1',
    additional_information_1: 'order 991',
    additional_information_2: 'web',
  },
};
// The seed's bulk payload: two recipients under "data".
const bulk = {
  sender: 'Your name <your.name@example.com>',
  survey: CRITIZR_FAKE_SURVEY.id,
  type: 'email',
  place: CRITIZR_FAKE_PLACE.id,
  data: [
    { recipient: 'ann@example.com', context: { first_name: 'Ann', last_name: 'Lee', phone: '+33612345678', crm_id: 'CRM-1', additional_information_1: 'a' } },
    { recipient: 'bob@example.com', context: { first_name: 'Bob', last_name: 'Ray', phone: '+33698765432', crm_id: 'CRM-2', additional_information_1: 'b' } },
  ],
};

async function post(fake: CritizrFake, path: string, body: unknown, headers: Record<string, string> = json) {
  const res = await fetch(`${fake.server.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const get = async (fake: CritizrFake, path: string) => {
  const res = await fetch(`${fake.server.url}${path}`, { headers: auth });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const sms = { ...single, type: 'sms', sender: 'MY SHOP 24', recipient: '+33612345678' };

describe('the Critizr fake, on the happy path', () => {
  it('accepts the seed single solicitation with a 201 and stores it Queued', async () => {
    const fake = await critizr({ now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
    const { status, body } = await post(fake, '/v2/solicitations', single);
    expect(status).toBe(201);
    expect(body).toEqual({ ...single, id: 1, status: 'Queued', created_at: '2025-01-02T03:04:05.000Z', updated_at: '2025-01-02T03:04:05.000Z' });
    expect(fake.solicitation(1)?.status).toBe('Queued');
  });

  it('accepts an SMS solicitation with an 11-character label and a phone recipient', async () => {
    const fake = await critizr();
    expect((await post(fake, '/v2/solicitations', { ...sms, sender: 'ACME Shop 1' })).status).toBe(201);
  });

  it('accepts the seed bulk payload and answers the created solicitations in order', async () => {
    const fake = await critizr();
    const { status, body } = await post(fake, '/v2/solicitations/bulk', bulk);
    expect(status).toBe(201);
    expect((body as unknown as { id: number; recipient: string; status: string }[]).map((s) => [s.id, s.recipient, s.status])).toEqual([
      [1, 'ann@example.com', 'Queued'],
      [2, 'bob@example.com', 'Queued'],
    ]);
    expect(fake.solicitations).toHaveLength(2);
    expect(fake.bulkCalls()).toHaveLength(1);
  });

  it('accepts exactly 1000 solicitations in one bulk call', async () => {
    const fake = await critizr();
    const data = Array.from({ length: 1000 }, (_, i) => ({ recipient: `c${i}@example.com` }));
    expect((await post(fake, '/v2/solicitations/bulk', { ...bulk, data })).status).toBe(201);
    expect(fake.solicitations).toHaveLength(1000);
  });

  it('reads a solicitation back by id with the status a test moved it to', async () => {
    const fake = await critizr();
    await post(fake, '/v2/solicitations', single);
    fake.setStatus(1, 'Delivered');
    const { status, body } = await get(fake, '/v2/solicitations/1');
    expect([status, body.status]).toEqual([200, 'Delivered']);
  });

  it('lists every solicitation on GET /v2/solicitations', async () => {
    const fake = await critizr();
    await post(fake, '/v2/solicitations/bulk', bulk);
    const { body } = await get(fake, '/v2/solicitations');
    expect(body).toMatchObject({ count: 2, next: null, previous: null });
  });

  it('finds a place by partner_id, the surveys and the context configuration', async () => {
    const fake = await critizr({ contextAttributes: [{ name: 'crm_id', required: true }] });
    expect((await get(fake, '/v2/places?partner_id=SHOP-001')).body.results).toEqual([CRITIZR_FAKE_PLACE]);
    expect((await get(fake, '/v2/places?partner_id=NOPE')).body.results).toEqual([]);
    expect((await get(fake, '/v2/surveys')).body.results).toEqual([CRITIZR_FAKE_SURVEY]);
    expect((await get(fake, '/v2/configuration')).body).toEqual({ context: [{ name: 'crm_id', required: true }] });
  });
});

describe('the Critizr fake refuses', () => {
  it('a call without an access token, with a 401', async () => {
    const fake = await critizr();
    const res = await post(fake, '/v2/solicitations', single, { 'Content-Type': 'application/json' });
    expect(res).toEqual({ status: 401, body: { detail: 'Authentication credentials were not provided.' } });
    expect(fake.solicitations).toHaveLength(0);
  });

  it('a wrong access token, with a 401', async () => {
    const fake = await critizr();
    const res = await post(fake, '/v2/solicitations', single, { Authorization: 'Bearer nope', 'Content-Type': 'application/json' });
    expect(res).toEqual({ status: 401, body: { detail: 'Invalid token.' } });
  });

  it('a body that is not application/json, with a 415', async () => {
    const fake = await critizr();
    const res = await post(fake, '/v2/solicitations', JSON.stringify(single), { ...auth, 'Content-Type': 'text/plain' });
    expect(res).toEqual({ status: 415, body: { detail: 'Unsupported media type "text/plain" in request.' } });
  });

  it('malformed JSON, with a 400', async () => {
    const fake = await critizr();
    const res = await post(fake, '/v2/solicitations', '{"sender":');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^JSON parse error/);
  });

  it('a JSON body that is not an object, with a 400', async () => {
    const fake = await critizr();
    expect(await post(fake, '/v2/solicitations', [single])).toEqual({
      status: 400,
      body: { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] },
    });
  });

  for (const field of ['sender', 'survey', 'type', 'place', 'recipient'] as const) {
    it(`a single solicitation without "${field}", with a 400 naming it`, async () => {
      const fake = await critizr();
      const { [field]: _, ...rest } = single;
      expect(await post(fake, '/v2/solicitations', rest)).toEqual({ status: 400, body: { [field]: ['This field is required.'] } });
    });
  }

  for (const field of ['sender', 'survey', 'type', 'place', 'data'] as const) {
    it(`a bulk call without "${field}", with a 400 naming it`, async () => {
      const fake = await critizr();
      const { [field]: _, ...rest } = bulk;
      expect(await post(fake, '/v2/solicitations/bulk', rest)).toEqual({ status: 400, body: { [field]: ['This field is required.'] } });
    });
  }

  it('a type other than email or sms', async () => {
    const fake = await critizr();
    expect(await post(fake, '/v2/solicitations', { ...single, type: 'Email' })).toEqual({ status: 400, body: { type: ['"Email" is not a valid choice.'] } });
  });

  for (const sender of ['your.name@example.com', '<your.name@example.com>', 'Your name your.name@example.com', 'Your name <not-an-address>', 'Your name  <a@example.com> x']) {
    it(`an email sender not shaped "Your name <address>": ${sender}`, async () => {
      const fake = await critizr();
      const res = await post(fake, '/v2/solicitations', { ...single, sender });
      expect([res.status, Object.keys(res.body)]).toEqual([400, ['sender']]);
    });
  }

  for (const sender of ['MY SHOP 2024', 'Café', 'Shop!', 'Your name <a@example.com>', '   ']) {
    it(`an SMS sender that is not a label of at most 11 letters without accents, digits, spaces: "${sender}"`, async () => {
      const fake = await critizr();
      const res = await post(fake, '/v2/solicitations', { ...sms, sender });
      expect([res.status, Object.keys(res.body)]).toEqual([400, ['sender']]);
    });
  }

  it('an email recipient that is not an email address', async () => {
    const fake = await critizr();
    expect(await post(fake, '/v2/solicitations', { ...single, recipient: '+33612345678' })).toEqual({
      status: 400,
      body: { recipient: ['Enter a valid email address.'] },
    });
  });

  it('an SMS recipient that is not an E.164 phone number', async () => {
    const fake = await critizr();
    expect(await post(fake, '/v2/solicitations', { ...sms, recipient: '06 12 34 56 78' })).toEqual({
      status: 400,
      body: { recipient: ['Enter a valid phone number.'] },
    });
  });

  it('a survey or a place the account does not have', async () => {
    const fake = await critizr();
    expect(await post(fake, '/v2/solicitations', { ...single, survey: '1', place: 2 })).toEqual({
      status: 400,
      body: { survey: ['Invalid pk "1" - object does not exist.'], place: ['Invalid pk "2" - object does not exist.'] },
    });
  });

  it('a context missing an attribute the configuration marks required', async () => {
    const fake = await critizr({ contextAttributes: [{ name: 'crm_id', required: true }, { name: 'first_name', required: false }] });
    expect(await post(fake, '/v2/solicitations', { ...single, context: { first_name: 'Ann' } })).toEqual({
      status: 400,
      body: { context: { crm_id: ['This field is required.'] } },
    });
  });

  it('a context attribute the configuration does not list, or that is not a string', async () => {
    const fake = await critizr();
    expect(await post(fake, '/v2/solicitations', { ...single, context: { shoe_size: '42', crm_id: 7 } })).toEqual({
      status: 400,
      body: { context: { shoe_size: ['Unknown attribute: not in /v2/configuration.'], crm_id: ['Not a valid string.'] } },
    });
  });

  it('a bulk call of 1001 solicitations, storing none', async () => {
    const fake = await critizr();
    const data = Array.from({ length: 1001 }, (_, i) => ({ recipient: `c${i}@example.com` }));
    expect(await post(fake, '/v2/solicitations/bulk', { ...bulk, data })).toEqual({
      status: 400,
      body: { data: ['Ensure this field has no more than 1000 elements.'] },
    });
    expect(fake.solicitations).toHaveLength(0);
  });

  it('an empty bulk call', async () => {
    const fake = await critizr();
    expect(await post(fake, '/v2/solicitations/bulk', { ...bulk, data: [] })).toEqual({ status: 400, body: { data: ['This list may not be empty.'] } });
  });

  it('a whole bulk call when one item is bad, naming it by position', async () => {
    const fake = await critizr();
    const data = [{ recipient: 'ann@example.com' }, { recipient: 'not-an-email' }];
    expect(await post(fake, '/v2/solicitations/bulk', { ...bulk, data })).toEqual({
      status: 400,
      body: { data: [{}, { recipient: ['Enter a valid email address.'] }] },
    });
    expect(fake.solicitations).toHaveLength(0);
  });

  it('a bulk SMS call whose sender is an email sender', async () => {
    const fake = await critizr();
    const res = await post(fake, '/v2/solicitations/bulk', { ...bulk, type: 'sms', data: [{ recipient: '+33612345678' }] });
    expect([res.status, Object.keys(res.body)]).toEqual([400, ['sender']]);
  });

  it('an unknown solicitation id, with a 404', async () => {
    const fake = await critizr();
    expect(await get(fake, '/v2/solicitations/99')).toEqual({ status: 404, body: { detail: 'Not found.' } });
  });

  it('a method an endpoint does not take, with a 405', async () => {
    const fake = await critizr();
    const res = await fetch(`${fake.server.url}/v2/solicitations/bulk`, { headers: auth });
    expect([res.status, res.headers.get('Allow'), await res.json()]).toEqual([405, 'POST', { detail: 'Method "GET" not allowed.' }]);
  });
});

describe('the Critizr fake, over a solicitation lifespan', () => {
  it('marks a new email to an unsubscribed recipient Undelivered', async () => {
    const fake = await critizr();
    await post(fake, '/v2/solicitations', single);
    fake.setStatus(1, 'Unsubscribed');
    const { status, body } = await post(fake, '/v2/solicitations', { ...single, recipient: 'CLIENT@example.com' });
    expect([status, body.status]).toEqual([201, 'Undelivered']);
  });

  it('stamps a status change with its clock', async () => {
    let now = Date.UTC(2025, 0, 1);
    const fake = await critizr({ now: () => now });
    await post(fake, '/v2/solicitations', single);
    now = Date.UTC(2025, 0, 1, 0, 5);
    expect(fake.setStatus(1, 'Opened').updated_at).toBe('2025-01-01T00:05:00.000Z');
  });

  it('will not open an SMS, as only emails are opened', async () => {
    const fake = await critizr();
    await post(fake, '/v2/solicitations', sms);
    expect(() => fake.setStatus(1, 'Opened')).toThrow(/email status/);
  });
});

describe('the Critizr fake, misbehaving on demand', () => {
  it('plays an injected 429 with Retry-After, then accepts the retry', async () => {
    const fake = await critizr();
    fake.server.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '3' } }, { match: (c) => c.path === '/v2/solicitations/bulk' });
    const first = await fetch(`${fake.server.url}/v2/solicitations/bulk`, { method: 'POST', headers: json, body: JSON.stringify(bulk) });
    expect([first.status, first.headers.get('Retry-After')]).toEqual([429, '3']);
    expect((await post(fake, '/v2/solicitations/bulk', bulk)).status).toBe(201);
    expect(fake.bulkCalls().map((c) => c.outcome)).toEqual([429, 201]);
    expect(fake.solicitations).toHaveLength(2);
  });
});
