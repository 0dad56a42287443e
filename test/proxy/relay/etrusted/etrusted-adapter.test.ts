import { describe, expect, it } from 'vitest';
import { etrustedAdapter, toBatchCall, toBatchOutcomes } from '../../../../src/proxy/relay/adapters/etrusted/etrusted-adapter';
import { EtrustedSettingsSchema, etrustedSecretEnvNames, type EtrustedSettings } from '../../../../src/proxy/relay/adapters/etrusted/etrusted-settings';
import type { HttpReply } from '../../../../src/proxy/relay/relay-adapter';
import { relayRequest } from '../relay-fixtures';

const CHANNEL = 'chl-2a4f6c1e-7b3d-4e59-8a10-3c5d7e9f1b20';
const QUESTIONNAIRE = 'tpl-qst-5a8b3c2d-1e4f-4a6b-9c8d-7e6f5a4b3c2d';
const TEMPLATE = 'tpl-inv-0f1e2d3c-4b5a-4697-8877-665544332211';

function settings(overrides: Record<string, unknown> = {}): EtrustedSettings {
  return EtrustedSettingsSchema.parse({
    provider: 'etrusted',
    channel: { id: CHANNEL, type: 'etrusted' },
    questionnaire_template_id: QUESTIONNAIRE,
    email_templates: { '10': TEMPLATE },
    ignore_reminders: true,
    client_id_env: 'ACME_ETRUSTED_CLIENT_ID',
    client_secret_env: 'ACME_ETRUSTED_CLIENT_SECRET',
    ...overrides,
  });
}

const secrets = { clientId: 'client', clientSecret: 's3cret' };
const credential = { token: 'tok', expiresAt: 0 };
const reply = (status: number, body: unknown = '', headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('the eTrusted settings', () => {
  it('default to the real service and its login, and name the secrets by env var', () => {
    const s = settings();
    expect([s.base_url, s.token_url, s.audience, s.system, s.system_version]).toEqual([
      'https://api.etrusted.com',
      'https://login.etrusted.com/oauth/token',
      'https://api.etrusted.com',
      'customersure-relay',
      '1.0',
    ]);
    expect(etrustedSecretEnvNames(s)).toEqual({ clientId: 'ACME_ETRUSTED_CLIENT_ID', clientSecret: 'ACME_ETRUSTED_CLIENT_SECRET' });
  });

  it('refuse an etrusted channel id not shaped chl-<uuid>, and take it as user_defined', () => {
    expect(() => settings({ channel: { id: 'my-shop', type: 'etrusted' } })).toThrow(/chl-/);
    expect(settings({ channel: { id: 'my-shop', type: 'user_defined' } }).channel).toEqual({ id: 'my-shop', type: 'user_defined' });
  });

  it('need a channel or site channels, and env var names rather than secrets', () => {
    expect(() => settings({ channel: undefined })).toThrow(/channel/);
    expect(() => settings({ client_secret_env: 'hunter2' })).toThrow(/environment variable/);
  });
});

describe('etrustedAdapter.check()', () => {
  const check = (overrides: Parameters<typeof relayRequest>[0], s = settings()) => etrustedAdapter.check(relayRequest(overrides), s);

  it('finds nothing wrong with the seed example request', () => {
    expect(check({})).toEqual([]);
  });

  it('refuses an SMS request: the Invite customer has no phone', () => {
    expect(check({ channel: 'sms', phone: '07700900123' })).toEqual([expect.objectContaining({ field: 'sms', error: 'forbidden_value' })]);
  });

  it('needs an email address', () => {
    expect(check({ email: null })).toEqual([expect.objectContaining({ field: 'email', error: 'required' })]);
  });

  it('needs a valid email address', () => {
    expect(check({ email: 'john-at-example' })).toEqual([{ field: 'email', error: 'invalid_format', extraInfo: {} }]);
  });

  it('needs a questionnaire template for the survey', () => {
    expect(check({}, settings({ questionnaire_template_id: undefined }))).toEqual([expect.objectContaining({ field: 'survey_id', error: 'invalid_value' })]);
    expect(check({}, settings({ questionnaire_template_id: undefined, questionnaire_templates: { '1484': QUESTIONNAIRE } }))).toEqual([]);
  });

  it('needs an invite template mapped to the email template', () => {
    expect(check({ emailTemplateId: 99 })).toEqual([expect.objectContaining({ field: 'email_template_id', error: 'invalid_value' })]);
  });

  it('needs a default invite template when the request names none', () => {
    expect(check({ emailTemplateId: null })).toEqual([expect.objectContaining({ field: 'email_template_id', error: 'required' })]);
    expect(check({ emailTemplateId: null }, settings({ default_template_id: TEMPLATE }))).toEqual([]);
  });

  it('needs a channel for the site when there is no default channel', () => {
    const bySite = settings({ channel: undefined, site_channels: { leeds: { id: CHANNEL } } });
    expect(check({}, bySite)).toEqual([expect.objectContaining({ field: 'data[1]', error: 'invalid_value', extraInfo: expect.objectContaining({ value: 'newcastle' }) })]);
    expect(check({ data: [] }, bySite)).toEqual([expect.objectContaining({ field: 'data', error: 'required' })]);
  });

  it('refuses a data[] key repeated, or one our own metadata uses: metadata holds one value per key', () => {
    const data = [
      { key: 'category', value: 'a' },
      { key: 'category', value: 'b' },
      { key: 'reference', value: 'c' },
    ];
    expect(check({ data }).map((b) => [b.field, b.error])).toEqual([
      ['data[1]', 'forbidden_value'],
      ['data[2]', 'forbidden_value'],
    ]);
  });

  it('refuses reminders unless the org lets eTrusted decide follow-ups', () => {
    expect(check({}, settings({ ignore_reminders: false }))).toEqual([expect.objectContaining({ field: 'reminders', error: 'forbidden_value' })]);
  });
});

describe('etrustedAdapter.toCall()', () => {
  it('builds the InvitesRequest for the seed example request', () => {
    const call = etrustedAdapter.toCall(relayRequest(), settings({ locale: 'en_GB' }), secrets, credential);
    expect({ ...call, body: JSON.parse(call.body ?? '') }).toEqual({
      method: 'POST',
      url: 'https://api.etrusted.com/invites',
      headers: { Authorization: 'Bearer tok', 'Content-Type': 'application/json' },
      body: {
        channel: { id: CHANNEL, type: 'etrusted' },
        system: 'customersure-relay',
        systemVersion: '1.0',
        invites: [
          {
            questionnaireTemplate: { id: QUESTIONNAIRE },
            template: { id: TEMPLATE },
            customer: { firstName: 'John', lastName: 'Smith', email: 'john.smith@example.com', locale: 'en_GB' },
            transaction: { reference: '208073', date: '2023-08-20T17:00:00.000Z' },
            preferredSendTime: '2023-08-20T17:00:00.000Z',
            metadata: {
              staff_code: 'luke',
              site_code: 'newcastle',
              category: 'api-support',
              ticket_date: '20th Aug 2023',
              reference: '#1041',
              machine_id: '8736245',
              survey_id: '1484',
            },
          },
        ],
      },
    });
  });

  it("picks the site's channel, the survey's questionnaire, and writes milliseconds into dates", () => {
    const s = settings({ site_channels: { newcastle: { id: 'ncl', type: 'user_defined' } }, questionnaire_templates: { '1484': 'q-1484' } });
    const body = JSON.parse(etrustedAdapter.toCall(relayRequest({ sendAt: '2023-08-20T17:00:00Z', firstName: null }), s, secrets, credential).body ?? '');
    expect(body.channel).toEqual({ id: 'ncl', type: 'user_defined' });
    expect(body.invites[0]).toMatchObject({ questionnaireTemplate: { id: 'q-1484' }, preferredSendTime: '2023-08-20T17:00:00.000Z', customer: { lastName: 'Smith' } });
    expect(body.invites[0].customer).not.toHaveProperty('firstName');
  });

  it('puts several requests of one channel in one InvitesRequest, and refuses to mix channels', () => {
    const requests = [relayRequest(), relayRequest({ id: 208074, email: 'jane@example.com' })];
    const body = JSON.parse(toBatchCall(requests, settings(), secrets, credential).body ?? '');
    expect(body.invites.map((i: { transaction: { reference: string } }) => i.transaction.reference)).toEqual(['208073', '208074']);
    const s = settings({ site_channels: { leeds: { id: 'leeds', type: 'user_defined' } } });
    const leeds = relayRequest({ data: [{ key: 'site_code', value: 'leeds' }] });
    expect(() => toBatchCall([relayRequest(), leeds], s, secrets, credential)).toThrow(RangeError);
  });

  it('asks for a token with the client credentials, form-encoded, for the API audience', () => {
    const call = etrustedAdapter.login?.toCall(settings({ token_url: 'https://login.example/token' }), secrets);
    expect(call).toEqual({
      method: 'POST',
      url: 'https://login.example/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=client&client_secret=s3cret&audience=https%3A%2F%2Fapi.etrusted.com',
    });
  });
});

describe('etrustedAdapter.toOutcome()', () => {
  const outcome = etrustedAdapter.toOutcome;

  it('reads a 207 that scheduled the invite as sent, with the batchId', () => {
    expect(outcome(reply(207, { batchId: 'b-1', successfulInvites: 1, failedInvites: [] }))).toEqual({ kind: 'sent', providerId: 'b-1' });
  });

  it('reads a 207 whose invite failed with a 4xx as refused, in its reasons', () => {
    const failed = { transaction: { reference: '208073' }, status: 400, reasons: ['customer.email is required', 'template.id is required'] };
    expect(outcome(reply(207, { successfulInvites: 0, failedInvites: [failed] }))).toEqual({ kind: 'refused', reason: 'customer.email is required; template.id is required' });
  });

  it('reads a 207 whose invite failed with a 5xx as a retry', () => {
    expect(outcome(reply(207, { successfulInvites: 0, failedInvites: [{ status: 500, reasons: ['scheduling is down'] }] }))).toEqual({ kind: 'retry', reason: 'scheduling is down' });
  });

  it('reads a 207 it cannot parse as sent without an id (sending again could invite twice)', () => {
    expect(outcome(reply(207, 'oops'))).toEqual({ kind: 'sent' });
  });

  it('reads a 400 ErrorResponse as refused, in its Message', () => {
    expect(outcome(reply(400, { Message: 'system is required' }))).toEqual({ kind: 'refused', reason: 'system is required' });
  });

  it('reads a 401 ErrorResponse as a token to renew', () => {
    expect(outcome(reply(401, { Message: 'token has expired' }))).toEqual({ kind: 'reauthenticate', reason: 'token has expired' });
  });

  it.each([
    [403, { Message: 'forbidden' }, 'forbidden'],
    [415, { Message: 'Content-Type must be application/json' }, 'Content-Type must be application/json'],
    [404, '', 'HTTP 404'],
  ])('reads a %s as refused', (status, body, reason) => {
    expect(outcome(reply(status, body))).toEqual({ kind: 'refused', reason });
  });

  it.each([
    [503, {}, { kind: 'retry', reason: 'HTTP 503' }],
    [408, {}, { kind: 'retry', reason: 'HTTP 408' }],
    [429, { 'retry-after': '7' }, { kind: 'retry', reason: 'HTTP 429', afterMs: 7000 }],
  ])('reads a %s as a retry', (status, headers, expected) => {
    expect(outcome(reply(status, '', headers))).toEqual(expected);
  });
});

describe('toBatchOutcomes()', () => {
  const requests = [relayRequest({ id: 1 }), relayRequest({ id: 2 }), relayRequest({ id: 3 })];

  it('settles each request of a 207 on its own, matching failures by transaction.reference', () => {
    const failed = { transaction: { reference: '2' }, status: 409, reasons: ['invite already exists'] };
    expect(toBatchOutcomes(reply(207, { batchId: 'b', successfulInvites: 2, failedInvites: [failed] }), requests)).toEqual([
      { kind: 'sent', providerId: 'b' },
      { kind: 'refused', reason: 'invite already exists' },
      { kind: 'sent', providerId: 'b' },
    ]);
  });

  it('gives every request the outcome of a reply that refused the whole batch', () => {
    expect(toBatchOutcomes(reply(400, { Message: 'invites is required' }), requests)).toEqual(Array(3).fill({ kind: 'refused', reason: 'invites is required' }));
  });
});

describe('etrustedAdapter.login.read()', () => {
  const read = (r: HttpReply) => etrustedAdapter.login?.read(r, 1_000);

  it('keeps the access_token for its expires_in', () => {
    expect(read(reply(200, { access_token: 't', token_type: 'Bearer', expires_in: 3600 }))).toEqual({ token: 't', expiresAt: 3_601_000 });
  });

  it('reads invalid_client as refused credentials, and another OAuth error as a refused login', () => {
    expect(read(reply(401, { error: 'invalid_client', error_description: 'client authentication failed' }))).toEqual({ kind: 'reauthenticate', reason: 'invalid_client: client authentication failed' });
    expect(read(reply(400, { error: 'invalid_request', error_description: 'audience must be x' }))).toEqual({ kind: 'refused', reason: 'login: invalid_request: audience must be x' });
  });

  it('retries a token reply without a token, or a 5xx', () => {
    expect(read(reply(200, {}))).toMatchObject({ kind: 'retry' });
    expect(read(reply(502))).toEqual({ kind: 'retry', reason: 'HTTP 502' });
  });
});
