import { describe, expect, it } from 'vitest';
import { BULK_LIMIT, statusToState, toBulkCalls, toBulkOutcomes, toStatusCall } from '../../../../src/proxy/relay/adapters/critizr/critizr-adapter';
import type { HttpReply } from '../../../../src/proxy/relay/relay-adapter';
import type { RelayRequest } from '../../../../src/proxy/relay/relay-request';
import { relayRequest } from '../relay-fixtures';
import { CRITIZR_FILE, CRITIZR_SECRETS, critizrSettingsWith } from './critizr-fixtures';

// Bulk calls and status read-back, on plain data (the single call is in critizr-adapter.test.ts).
const file = CRITIZR_FILE;
const settingsWith = critizrSettingsWith;
const settings = settingsWith();
const secrets = CRITIZR_SECRETS;
const sms = (overrides: Partial<RelayRequest> = {}) => relayRequest({ channel: 'sms', email: null, phone: '+44 7700 900123', ...overrides });
const reply = (status: number, body: unknown = '', headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('bulk solicitations', () => {
  const many = (n: number, overrides: Partial<RelayRequest> = {}) =>
    Array.from({ length: n }, (_, i) => relayRequest({ id: i + 1, email: `c${i}@example.com`, ...overrides }));

  it('groups requests by sender, survey, type and place, in calls of at most 1,000', () => {
    const requests = [...many(2500), sms({ id: 9001 }), relayRequest({ id: 9002, data: [{ key: 'site_code', value: 'leeds' }] })];
    const calls = toBulkCalls(requests, settingsWith({ places: { newcastle: '4242', leeds: '4343' } }), secrets);
    expect(calls.map((c) => c.requests.length)).toEqual([BULK_LIMIT, BULK_LIMIT, 500, 1, 1]);
    expect(calls.map((c) => c.requests[0]?.id)).toEqual([1, 1001, 2001, 9001, 9002]);
    const [first] = calls;
    expect(first?.call).toMatchObject({ method: 'POST', url: 'https://api.critizr.com/v2/solicitations/bulk', headers: { Authorization: 'Bearer tok-123' } });
    const body = JSON.parse(first?.call.body ?? '') as { data: { recipient: string }[] };
    expect(body).toMatchObject({ sender: 'Acme Support <feedback@acme.example>', survey: '1337', type: 'email', place: '4242' });
    expect(body.data[0]).toEqual({
      recipient: 'c0@example.com',
      context: { first_name: 'John', last_name: 'Smith', crm_id: '8736245', additional_information_1: 'luke', additional_information_2: 'api-support', additional_information_3: '20th Aug 2023', additional_information_4: 'reference: #1041' },
    });
  });

  it('reads a 201 list in the order of data', () => {
    expect(toBulkOutcomes(reply(201, [{ id: 1, status: 'Queued' }, { id: 2, status: 'Undelivered' }]), many(2))).toEqual([
      { kind: 'sent', providerId: '1' },
      expect.objectContaining({ kind: 'refused', reason: expect.stringMatching(/^Critizr solicitation 2 is Undelivered/) as unknown }),
    ]);
  });

  it('a 400 naming one item refuses it and sends the innocent ones again', () => {
    expect(toBulkOutcomes(reply(400, { data: [{}, { recipient: ['Enter a valid email address.'] }] }), many(2))).toEqual([
      { kind: 'retry', reason: 'Critizr refused the bulk call for another solicitation in it' },
      { kind: 'refused', reason: 'recipient: Enter a valid email address.' },
    ]);
  });

  it('a 400 on the shared fields, or a fault, settles every item alike', () => {
    expect(toBulkOutcomes(reply(400, { data: ['Ensure this field has no more than 1000 elements.'] }), many(2))).toEqual([
      { kind: 'refused', reason: 'data: Ensure this field has no more than 1000 elements.' },
      { kind: 'refused', reason: 'data: Ensure this field has no more than 1000 elements.' },
    ]);
    expect(toBulkOutcomes(reply(503, '', { 'retry-after': '2' }), many(2))).toEqual([
      { kind: 'retry', reason: 'HTTP 503', afterMs: 2000 },
      { kind: 'retry', reason: 'HTTP 503', afterMs: 2000 },
    ]);
  });
});

describe('statuses read back', () => {
  it('GETs the solicitation by id', () => {
    expect(toStatusCall('7', settings, secrets)).toEqual({
      method: 'GET',
      url: 'https://api.critizr.com/v2/solicitations/7',
      headers: { Authorization: 'Bearer tok-123', Accept: 'application/json' },
    });
  });

  const table = {
    Queued: 'pending',
    Dispatching: 'pending',
    Sent: 'sent',
    Delivered: 'sent',
    Undelivered: 'not_sent',
    Failed: 'not_sent',
    Opened: 'sent',
    Clicked: 'sent',
    Reported: 'sent',
    Unsubscribed: 'sent',
  } as const;
  for (const [status, state] of Object.entries(table)) {
    it(`maps ${status} to ${state}`, () => {
      expect(statusToState(reply(200, { id: 1, status }))).toMatchObject({ state, reason: expect.stringMatching(new RegExp(`^${status}: `)) as unknown });
    });
  }

  it('reads the prose lower case too, and leaves what it cannot read pending', () => {
    expect(statusToState(reply(200, { status: 'opened' })).state).toBe('sent');
    expect(statusToState(reply(200, { status: 'Bounced' }))).toEqual({ state: 'pending', reason: 'unknown Critizr status "Bounced"' });
    expect(statusToState(reply(503, ''))).toEqual({ state: 'pending', reason: 'could not read the status: HTTP 503' });
    expect(statusToState(reply(404, { detail: 'Not found.' }))).toEqual({ state: 'not_sent', reason: 'Not found.' });
  });
});
