import { afterEach, describe, expect, it } from 'vitest';
import {
  CUSTOMERSURE_FAKE_COMPANY,
  CUSTOMERSURE_FAKE_NOW,
  CUSTOMERSURE_FAKE_TOKEN,
  startCustomerSureFake,
  type CustomerSureFake,
  type CustomerSureFakeOptions,
} from './customersure-fake';
import { SEED_FEEDBACK_REQUEST_BODY } from '../../proxy/relay/relay-fixtures';

const open: CustomerSureFake[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});
async function customerSure(options: CustomerSureFakeOptions = {}): Promise<CustomerSureFake> {
  const fake = await startCustomerSureFake({ now: () => CUSTOMERSURE_FAKE_NOW, ...options });
  open.push(fake);
  return fake;
}

// The seed's curl headers, trailing `;` on Accept included.
const headers = {
  Accept: 'application/vnd.customersure.v1+json;',
  Authorization: `Token token="${CUSTOMERSURE_FAKE_TOKEN}"`,
  'User-Agent': CUSTOMERSURE_FAKE_COMPANY,
  'Content-Type': 'application/json',
};

// The seed's EXAMPLE REQUEST body.
const example = SEED_FEEDBACK_REQUEST_BODY;
const sms = { send_at: '2023-08-20T18:00:00Z', survey_id: 1484, sms: { number: '+447700900123', text_message_template_id: 7 } };

async function post(fake: CustomerSureFake, body: unknown, with_: Record<string, string> = headers) {
  const res = await fetch(`${fake.server.url}/feedback_requests`, { method: 'POST', headers: with_, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
const errorsOf = async (fake: CustomerSureFake, body: unknown) => {
  const { status, body: reply } = await post(fake, body);
  expect(status).toBe(422);
  expect(reply.message).toBe('Validation error');
  return (reply.errors as { field: string; error: string; extra_info: unknown }[]).map((e) => [e.field, e.error, e.extra_info]);
};

describe('the CustomerSure fake, on the happy path', () => {
  it('answers the seed example with a 201 and the documented body, ids on data and reminders', async () => {
    const fake = await customerSure();
    const { status, body } = await post(fake, example);
    expect(status).toBe(201);
    expect(body).toEqual({
      id: 208073, email: 'john.smith@example.com', state: 'pending', first_name: 'John', surname: 'Smith', survey_id: 1484, email_template_id: 10,
      reference: '#1041', machine_id: '8736245', send_at: '2023-08-20T17:00:00Z', sent_at: null, created_at: '2023-08-19T16:30:14Z', updated_at: '2023-08-19T16:30:14Z',
      not_sent_reason: null, delivery_failure: null, ignore_throttle: false, link: 'https://acme.customersure.com/surveys/fr-208073',
      data: [
        { id: 256777, key: 'staff_code', value: 'luke' },
        { id: 256778, key: 'site_code', value: 'newcastle' },
        { id: 256779, key: 'category', value: 'api-support' },
        { id: 256780, key: 'ticket_date', value: '20th Aug 2023' },
      ],
      reminders: [
        { id: 60845536, email_template_id: 11, send_at: '2023-08-27T18:00:00+0100', sent_at: null, text_message_template_id: null, not_sent_reason: null, delivery_failure: null },
        { id: 60845537, email_template_id: 12, send_at: '2023-09-01T18:00:00+0100', sent_at: null, text_message_template_id: null, not_sent_reason: null, delivery_failure: null },
      ],
    });
    expect(fake.requests[0]?.posted).toEqual(example);
  });

  it('reads the record back at GET /feedback_requests/:id, and 404s an unknown id', async () => {
    const fake = await customerSure();
    await post(fake, example);
    const found = await fetch(`${fake.server.url}/feedback_requests/208073`, { headers });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ id: 208073, state: 'pending' });
    const missing = await fetch(`${fake.server.url}/feedback_requests/1`, { headers });
    expect([missing.status, await missing.json()]).toEqual([404, { message: 'Not Found' }]);
  });

  it('accepts an SMS send without email or email template', async () => {
    const fake = await customerSure();
    expect((await post(fake, sms)).status).toBe(201);
  });

  it('marks an external_link request sent at once', async () => {
    const fake = await customerSure();
    expect((await post(fake, { ...example, external_link: true })).body).toMatchObject({ state: 'sent', sent_at: '2023-08-19T16:30:14Z' });
  });

  it('accepts the unquoted token form the seed also shows', async () => {
    const fake = await customerSure();
    expect((await post(fake, example, { ...headers, Authorization: `Token token=${CUSTOMERSURE_FAKE_TOKEN}` })).status).toBe(201);
  });
});

describe('the CustomerSure fake, on the API conventions', () => {
  it('refuses a missing or foreign User-Agent with the seed 403 body', async () => {
    const fake = await customerSure();
    for (const ua of ['', 'node']) {
      const { status, body } = await post(fake, example, { ...headers, 'User-Agent': ua });
      expect([status, body]).toEqual([403, { message: 'Missing or invalid User Agent string' }]);
    }
  });

  it('refuses a request without the v1 Accept header', async () => {
    const fake = await customerSure();
    expect((await post(fake, example, { ...headers, Accept: 'application/json' })).status).toBe(406);
  });

  it('refuses a missing or wrong token with 401 and the seed challenge', async () => {
    const fake = await customerSure();
    for (const auth of ['', 'Token token="fake"', `Bearer ${CUSTOMERSURE_FAKE_TOKEN}`]) {
      const { status, headers: h } = await post(fake, example, { ...headers, Authorization: auth });
      expect([status, h.get('www-authenticate')]).toEqual([401, 'Token realm="Application"']);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('answers malformed JSON with 400 and another content type with 415', async () => {
    const fake = await customerSure();
    expect((await post(fake, '{"email":')).status).toBe(400);
    expect((await post(fake, JSON.stringify(example), { ...headers, 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('refuses unpermitted parameters with 403, nested ones included', async () => {
    const fake = await customerSure();
    const { status, body } = await post(fake, { ...example, phone: '1', data: [{ key: 'a', value: 'b', id: 3 }] });
    expect([status, body]).toEqual([403, { message: 'Unpermitted parameters: phone, data[0].id' }]);
  });
});

describe('the CustomerSure fake, on the create rules (422)', () => {
  it('requires email unless the request is an SMS send', async () => {
    expect(await errorsOf(await customerSure(), { ...example, email: undefined })).toEqual([['email', 'required', {}]]);
  });

  it('requires send_at, as a timestamp, in the future', async () => {
    const fake = await customerSure();
    expect(await errorsOf(fake, { ...example, send_at: undefined })).toEqual([['send_at', 'required', {}]]);
    expect((await errorsOf(fake, { ...example, send_at: '20/08/2023' }))[0]?.slice(0, 2)).toEqual(['send_at', 'invalid_date']);
    expect(await errorsOf(fake, { ...example, send_at: '2023-08-19T16:30:14Z' })).toEqual([['send_at', 'invalid_date', { minimum: '2023-08-19T16:30:14Z' }]]);
  });

  it('requires a survey_id the account owns', async () => {
    const fake = await customerSure();
    expect(await errorsOf(fake, { ...example, survey_id: undefined })).toEqual([['survey_id', 'required', {}]]);
    expect(await errorsOf(fake, { ...example, survey_id: 99 })).toEqual([['survey_id', 'invalid_value', {}]]);
  });

  it('requires email_template_id unless the request is an SMS send', async () => {
    expect(await errorsOf(await customerSure(), { ...example, email_template_id: null })).toEqual([['email_template_id', 'required', {}]]);
  });

  it('limits data keys to 30 characters and values to 100', async () => {
    const fake = await customerSure();
    expect(await errorsOf(fake, { ...example, data: [{ key: 'k'.repeat(31), value: 'v'.repeat(101) }] })).toEqual([
      ['data[0].key', 'wrong_length', { maximum: '30' }],
      ['data[0].value', 'wrong_length', { maximum: '100' }],
    ]);
  });

  it('requires the sms number and template together', async () => {
    const fake = await customerSure();
    expect(await errorsOf(fake, { ...sms, sms: { number: ' ' } })).toEqual([
      ['sms.number', 'required', {}],
      ['sms.text_message_template_id', 'required', {}],
    ]);
  });

  it('requires each reminder to name exactly one template, of its channel, and a future send_at', async () => {
    const fake = await customerSure();
    const reminders = [
      { send_at: '2023-08-27T18:00:00Z', email_template_id: 11, text_message_template_id: 3 },
      { send_at: '2023-08-27T18:00:00Z' },
      { send_at: '2023-08-27T18:00:00Z', text_message_template_id: 3 },
      { email_template_id: 11 },
    ];
    expect(await errorsOf(fake, { ...example, reminders })).toEqual([
      ['reminders[0]', 'custom', { message: 'You must provide either email_template_id or text_message_template_id, but not both.' }],
      ['reminders[1].email_template_id', 'required', {}],
      ['reminders[2].email_template_id', 'required', {}],
      ['reminders[3].send_at', 'required', {}],
    ]);
  });

  it('limits machine_id to 36 characters, as the seed example error says', async () => {
    expect(await errorsOf(await customerSure(), { ...example, machine_id: 'm'.repeat(37) })).toEqual([['machine_id', 'wrong_length', { maximum: '36' }]]);
  });

  it('answers every error at once, each naming the collection as its resource', async () => {
    const fake = await customerSure();
    const { body } = await post(fake, { send_at: 'soon' });
    expect((body.errors as { resource: string; field: string }[]).map((e) => [e.resource, e.field])).toEqual([
      ['/feedback_requests/', 'email'],
      ['/feedback_requests/', 'send_at'],
      ['/feedback_requests/', 'survey_id'],
      ['/feedback_requests/', 'email_template_id'],
    ]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('the CustomerSure fake, misbehaving on demand', () => {
  it('plays a queued 503 once, then answers by its rules', async () => {
    const fake = await customerSure();
    fake.server.failNext({ kind: 'status', status: 503 });
    expect((await fetch(`${fake.server.url}/feedback_requests`, { method: 'POST', headers, body: JSON.stringify(example) })).status).toBe(503);
    expect((await post(fake, example)).status).toBe(201);
    expect(fake.posts().map((c) => c.outcome)).toEqual([503, 201]);
  });
});
