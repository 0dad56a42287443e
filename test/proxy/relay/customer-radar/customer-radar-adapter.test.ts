import { describe, expect, it } from 'vitest';
import { customerRadarAdapter } from '../../../../src/proxy/relay/adapters/customer-radar/customer-radar-adapter';
import {
  CustomerRadarSettingsSchema,
  customerRadarSecretEnvNames,
  type CustomerRadarSettings,
} from '../../../../src/proxy/relay/adapters/customer-radar/customer-radar-settings';
import type { HttpReply } from '../../../../src/proxy/relay/relay-adapter';
import { relayRequest } from '../relay-fixtures';

// The Customer Radar seed's example ids.
const CLIENT = '8291a9ed952342c5b5fe2915f2189e7c';
const PROGRAMME = '1cf118a0326d47aa851a90b9674e90aa';
const LOCATION = '1cf118a0326d47aa851a90b9674e90aa';
const POM = '7547ct569yh67n0326vghddte86bkkn';

function settings(overrides: Record<string, unknown> = {}): CustomerRadarSettings {
  return CustomerRadarSettingsSchema.parse({
    provider: 'customer-radar',
    client_display_id: CLIENT,
    programmes: { '1484': PROGRAMME },
    sites: { newcastle: { location_display_id: LOCATION, pom_display_id: POM } },
    ignore_reminders: true,
    username_env: 'ACME_CR_USERNAME',
    password_env: 'ACME_CR_PASSWORD',
    ...overrides,
  });
}
const secrets = { username: 'testing', password: 'testing12345' };
const reply = (status: number, body: unknown = '', headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('CustomerRadarSettingsSchema', () => {
  it('defaults base_url to the real service, no metadata renames and reminders refused', () => {
    const parsed = settings({ ignore_reminders: undefined });
    expect(parsed).toMatchObject({ base_url: 'https://api.feedback.fyi', metadata_rename: {}, ignore_reminders: false });
  });

  it.each([
    ['a display id that is not alphanumeric', { client_display_id: '8291a9ed-9523' }],
    ['a programme keyed by something other than a survey_id', { programmes: { survey: PROGRAMME } }],
    ['a base_url that is not http(s)', { base_url: 'ftp://api.feedback.fyi' }],
    ['a secret where an environment variable name belongs', { password_env: 'testing12345!' }],
  ])('rejects %s', (_case, overrides) => {
    expect(() => settings(overrides)).toThrow();
  });

  it('names the environment variable of each secret', () => {
    expect(customerRadarSecretEnvNames(settings())).toEqual({ username: 'ACME_CR_USERNAME', password: 'ACME_CR_PASSWORD' });
  });
});

describe('customerRadarAdapter.check()', () => {
  it('finds nothing to object to in the seed example request', () => {
    expect(customerRadarAdapter.check(relayRequest(), settings())).toEqual([]);
  });

  it('requires an email, even for an SMS request ("abc@g.com | | YES")', () => {
    const sms = relayRequest({ channel: 'sms', email: null, phone: '0211234321', emailTemplateId: null, textMessageTemplateId: 3 });
    expect(customerRadarAdapter.check(sms, settings())).toEqual([{ field: 'email', error: 'required', extraInfo: expect.any(Object) }]);
  });

  it('refuses an email address that is not one', () => {
    expect(customerRadarAdapter.check(relayRequest({ email: 'abc.gmail.com' }), settings())).toEqual([{ field: 'email', error: 'invalid_format', extraInfo: {} }]);
  });

  it('accepts a mobile with separators, refuses one that is not digits ("021000001")', () => {
    expect(customerRadarAdapter.check(relayRequest({ phone: '+64 (21) 123-4321' }), settings())).toEqual([]);
    expect(customerRadarAdapter.check(relayRequest({ phone: '021 CALL ME' }), settings())).toEqual([
      { field: 'sms.number', error: 'invalid_format', extraInfo: { pattern: expect.any(String) } },
    ]);
  });

  it('refuses a survey with no programmeDisplayId mapped to it', () => {
    expect(customerRadarAdapter.check(relayRequest({ surveyId: 99 }), settings())).toEqual([{ field: 'survey_id', error: 'invalid_value', extraInfo: expect.any(Object) }]);
  });

  it('requires a site_code, since locationDisplayId is required', () => {
    const request = relayRequest({ data: [{ key: 'staff_code', value: 'luke' }] });
    expect(customerRadarAdapter.check(request, settings())).toEqual([{ field: 'data', error: 'required', extraInfo: expect.objectContaining({ key: 'site_code' }) }]);
  });

  it('refuses a site_code with no location mapped to it', () => {
    const request = relayRequest({ data: [{ key: 'staff_code', value: 'luke' }, { key: 'site_code', value: 'leeds' }] });
    expect(customerRadarAdapter.check(request, settings())).toEqual([
      { field: 'data[1]', error: 'invalid_value', extraInfo: expect.objectContaining({ key: 'site_code', value: 'leeds' }) },
    ]);
  });

  it('refuses metadata keys the programme was not set up with ("must match case/spelling"), after renames', () => {
    const strict = settings({
      programme_metadata_keys: ['staff_code', 'category', 'ticket_date', 'booking_reference'],
      metadata_rename: { reference: 'booking_reference' },
    });
    expect(customerRadarAdapter.check(relayRequest(), strict)).toEqual([
      { field: 'machine_id', error: 'forbidden_value', extraInfo: { key: 'machine_id', allowed: expect.any(Array) } },
    ]);
    expect(customerRadarAdapter.check(relayRequest({ machineId: null, data: [{ key: 'site_code', value: 'newcastle' }, { key: 'Category', value: 'x' }] }), strict)).toEqual([
      { field: 'data[1]', error: 'forbidden_value', extraInfo: { key: 'Category', allowed: expect.any(Array) } },
    ]);
  });

  it('refuses a metadata entry without a key ("the specific tag and value")', () => {
    const request = relayRequest({ data: [{ key: 'site_code', value: 'newcastle' }, { key: '', value: 'x' }] });
    expect(customerRadarAdapter.check(request, settings())).toEqual([{ field: 'data[1]', error: 'required', extraInfo: { part: 'key' } }]);
  });

  it('refuses reminders unless the org says its Send Rule covers them', () => {
    expect(customerRadarAdapter.check(relayRequest(), settings({ ignore_reminders: false }))).toEqual([
      { field: 'reminders', error: 'forbidden_value', extraInfo: expect.any(Object) },
    ]);
  });
});

describe('customerRadarAdapter.toCall()', () => {
  it('builds the invitation for the seed example request, with the bare token and every datum kept', () => {
    const call = customerRadarAdapter.toCall(relayRequest(), settings(), secrets, { token: 'eyJ0.abc.def', expiresAt: 0 });
    expect(call).toEqual({
      method: 'POST',
      url: 'https://api.feedback.fyi/invitation',
      headers: { Authorization: 'eyJ0.abc.def', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientDisplayId: CLIENT,
        programmeDisplayId: PROGRAMME,
        sendData: [
          {
            email: 'john.smith@example.com',
            firstName: 'John',
            lastName: 'Smith',
            locationDisplayId: LOCATION,
            pomDisplayId: POM,
            metadata: [
              { key: 'staff_code', value: 'luke' },
              { key: 'category', value: 'api-support' },
              { key: 'ticket_date', value: '20th Aug 2023' },
              { key: 'reference', value: '#1041' },
              { key: 'machine_id', value: '8736245' },
            ],
          },
        ],
      }),
    });
  });

  it('sends the mobile without separators, renames metadata keys and leaves out what is absent', () => {
    const request = relayRequest({ phone: '021 123-4321', firstName: null, surname: null, reference: null, machineId: null, data: [{ key: 'site_code', value: 'leeds' }, { key: 'invoice', value: 'INV00001' }] });
    const custom = settings({ base_url: 'http://127.0.0.1:9/', sites: { leeds: { location_display_id: 'loc2' } }, metadata_rename: { invoice: 'invoice_no' } });
    const call = customerRadarAdapter.toCall(request, custom, secrets, { token: 't', expiresAt: 0 });
    expect(call.url).toBe('http://127.0.0.1:9/invitation');
    expect(JSON.parse(call.body ?? '')).toEqual({
      clientDisplayId: CLIENT,
      programmeDisplayId: PROGRAMME,
      sendData: [{ email: 'john.smith@example.com', mobile: '0211234321', locationDisplayId: 'loc2', metadata: [{ key: 'invoice_no', value: 'INV00001' }] }],
    });
  });

  it('logs in at /auth/login with the username and password as JSON', () => {
    expect(customerRadarAdapter.login?.toCall(settings(), secrets)).toEqual({
      method: 'POST',
      url: 'https://api.feedback.fyi/auth/login',
      headers: { 'Content-Type': 'application/json' },
      body: '{"username":"testing","password":"testing12345"}',
    });
  });
});

describe('customerRadarAdapter.toOutcome()', () => {
  const outcome = customerRadarAdapter.toOutcome;

  it('reads the seed example response as sent, with its data as the provider id', () => {
    expect(outcome(reply(200, { code: '00000', description: 'success', data: '846673197418938368' }))).toEqual({ kind: 'sent', providerId: '846673197418938368' });
  });

  it('counts a 200 it cannot read as sent ("200 (success) if the SMS or Email has been triggered")', () => {
    expect(outcome(reply(200, 'OK'))).toEqual({ kind: 'sent' });
  });

  it('refuses a 200 whose code is not "00000", in CR\'s words', () => {
    expect(outcome(reply(200, { code: '40001', description: 'No Feedback code found' }))).toEqual({ kind: 'refused', reason: 'No Feedback code found' });
  });

  it.each([
    ['a missing attribute', 'Mandatory attribute is missing: sendData[0].email'],
    ['1.1.1.4.3 a', 'No Feedback code found for this clientDisplayId, locationDisplayId, pomDisplayId & programmeDisplayId.'],
    ['1.1.1.4.3 b', 'To send an email invitation, the programme must set Postmark ID. Provide correct details & try again.'],
  ])('refuses a 400 (%s) with its description', (_case, description) => {
    expect(outcome(reply(400, { code: '40000', description }))).toEqual({ kind: 'refused', reason: description });
  });

  it('refuses a 400 without a readable body with the status and the text', () => {
    expect(outcome(reply(400, 'Bad Request'))).toEqual({ kind: 'refused', reason: 'HTTP 400: Bad Request' });
  });

  it('asks for a new token on a 401 ("Once the token has expired, use /auth/login")', () => {
    expect(outcome(reply(401, { code: '40100', description: 'Token has expired' }))).toEqual({ kind: 'reauthenticate', reason: 'Token has expired' });
  });

  it.each([500, 502, 503, 408])('retries a %i', (status) => {
    expect(outcome(reply(status))).toEqual({ kind: 'retry', reason: `HTTP ${status}` });
  });

  it('retries a 429 after its Retry-After, in seconds or as a date against the reply\'s Date', () => {
    expect(outcome(reply(429, '', { 'retry-after': '7' }))).toEqual({ kind: 'retry', reason: 'HTTP 429', afterMs: 7000 });
    const dated = reply(429, { description: 'slow down' }, { 'retry-after': 'Wed, 21 Oct 2026 07:28:30 GMT', date: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    expect(outcome(dated)).toEqual({ kind: 'retry', reason: 'HTTP 429: slow down', afterMs: 30_000 });
  });

  it('refuses other client errors (404, 405) in the system\'s words', () => {
    expect(outcome(reply(405, { description: 'Method not allowed' }))).toEqual({ kind: 'refused', reason: 'Method not allowed' });
    expect(outcome(reply(404))).toEqual({ kind: 'refused', reason: 'HTTP 404' });
  });
});

describe('customerRadarAdapter.login.read()', () => {
  const read = customerRadarAdapter.login!.read;

  it('takes the token of the seed example response, expiring at its expiration (seconds)', () => {
    const body = { token: 'eyJ0eXAi.eyJleHAi.f5Lsz6jP', expiration: 1517434473.269, userName: 'testing' };
    expect(read(reply(200, body), 1_517_430_873_269)).toEqual({ token: 'eyJ0eXAi.eyJleHAi.f5Lsz6jP', expiresAt: 1_517_434_473_269 });
  });

  it('gives a token without an expiration the seed\'s 60 minutes from now', () => {
    expect(read(reply(200, { token: 't' }), 1_000)).toEqual({ token: 't', expiresAt: 1_000 + 60 * 60_000 });
  });

  it('tries later when a 200 carries no token', () => {
    expect(read(reply(200, { userName: 'testing' }), 0)).toEqual({ kind: 'retry', reason: 'login: the reply carried no token' });
  });

  it('reads refused credentials as reauthenticate, a 400 as refused and a 503 as retry', () => {
    expect(read(reply(401, { description: 'Invalid username or password' }), 0)).toEqual({ kind: 'reauthenticate', reason: 'Invalid username or password' });
    expect(read(reply(400, { description: 'Mandatory attribute is missing: username' }), 0)).toEqual({ kind: 'refused', reason: 'login: Mandatory attribute is missing: username' });
    expect(read(reply(503), 0)).toEqual({ kind: 'retry', reason: 'HTTP 503' });
  });
});
