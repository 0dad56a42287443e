import { describe, expect, it } from 'vitest';
import { critizrAdapter } from '../../../../src/proxy/relay/adapters/critizr/critizr-adapter';
import { CritizrSettingsSchema, critizrSecretEnvNames, type CritizrSettings } from '../../../../src/proxy/relay/adapters/critizr/critizr-settings';
import type { HttpReply } from '../../../../src/proxy/relay/relay-adapter';
import type { RelayRequest } from '../../../../src/proxy/relay/relay-request';
import { relayRequest } from '../relay-fixtures';
import { CRITIZR_FILE, CRITIZR_SECRETS, critizrSettingsWith } from './critizr-fixtures';

const file = CRITIZR_FILE;
const settingsWith = critizrSettingsWith;
const settings = settingsWith();
const secrets = CRITIZR_SECRETS;
const sms = (overrides: Partial<RelayRequest> = {}) =>
  relayRequest({ channel: 'sms', email: null, phone: '+44 7700 900123', emailTemplateId: null, textMessageTemplateId: 5, ...overrides });
const reply = (status: number, body: unknown = '', headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const check = (request: RelayRequest, s: CritizrSettings = settings) => critizrAdapter.check(request, s);

describe('CritizrSettingsSchema', () => {
  it('defaults the base URL to the real service and names the token variable, never the token', () => {
    expect(settings.base_url).toBe('https://api.critizr.com');
    expect(critizrSecretEnvNames(settings)).toEqual({ token: 'ACME_CRITIZR_TOKEN' });
    expect(settingsWith({ base_url: 'http://127.0.0.1:8080/' }).base_url).toBe('http://127.0.0.1:8080');
  });

  it('keeps numeric Critizr ids as text', () => {
    expect(settingsWith({ places: { newcastle: 4242 }, survey: 7 })).toMatchObject({ places: { newcastle: '4242' }, survey: '7' });
  });

  // "If you send an email the format must be "Your name <[email protected]>"."
  for (const sender of ['feedback@acme.example', '<feedback@acme.example>', 'Acme <not-an-address>', 'Acme feedback@acme.example']) {
    it(`refuses an email sender not shaped "Your name <address>": ${sender}`, () => {
      expect(CritizrSettingsSchema.safeParse({ ...file, email_sender: sender }).success).toBe(false);
    });
  }

  // "For SMS the format must be a label of maximum 11 characters containing only numbers, spaces and/or
  // letters without accents."
  for (const sender of ['ACME SHOP 24', 'Café', 'Shop!', '   ']) {
    it(`refuses an SMS sender that is not a label of 11 plain letters, digits, spaces: "${sender}"`, () => {
      expect(CritizrSettingsSchema.safeParse({ ...file, sms_sender: sender }).success).toBe(false);
    });
  }

  it('accepts an 11-character SMS label', () => {
    expect(settingsWith({ sms_sender: 'ACME Shop 1' }).sms_sender).toBe('ACME Shop 1');
  });

  it('needs a sender, a place and a survey, and a secret only by name', () => {
    expect(CritizrSettingsSchema.safeParse({ ...file, email_sender: undefined, sms_sender: undefined }).success).toBe(false);
    expect(CritizrSettingsSchema.safeParse({ ...file, places: {} }).success).toBe(false);
    expect(CritizrSettingsSchema.safeParse({ ...file, surveys: {} }).success).toBe(false);
    expect(CritizrSettingsSchema.safeParse({ ...file, token_env: 'tok-123' }).success).toBe(false);
  });
});

describe('critizrAdapter.check', () => {
  it('finds nothing wrong with the seed example request', () => {
    expect(check(relayRequest())).toEqual([]);
    expect(check(sms())).toEqual([]);
  });

  // "recipient" : "{client email|client phone number}", by "type" : "email|sms".
  it('needs an email address for an email solicitation', () => {
    expect(check(relayRequest({ email: null }))).toEqual([{ field: 'email', error: 'required', extraInfo: { reason: 'Critizr sends an email solicitation to an email address' } }]);
    expect(check(relayRequest({ email: 'john.smith' }))).toEqual([{ field: 'email', error: 'invalid_format', extraInfo: {} }]);
  });

  it('needs an international phone number for an SMS solicitation', () => {
    expect(check(sms({ phone: null }))).toMatchObject([{ field: 'sms.number', error: 'required' }]);
    expect(check(sms({ phone: '07700 900123' }))).toMatchObject([{ field: 'sms.number', error: 'invalid_format' }]);
  });

  // "sender" : "Your name <[email protected]>|Your name": one per type.
  it('needs the org to have a sender for the channel', () => {
    expect(check(relayRequest(), settingsWith({ email_sender: undefined }))).toEqual([
      { field: 'email', error: 'forbidden_value', extraInfo: { reason: 'the org set no Critizr email sender' } },
    ]);
    expect(check(sms(), settingsWith({ sms_sender: undefined }))).toMatchObject([{ field: 'sms', error: 'forbidden_value' }]);
  });

  // "Retrieve the "survey-id""
  it('needs the survey mapped to a Critizr survey, or a default one', () => {
    expect(check(relayRequest({ surveyId: 99 }))).toEqual([{ field: 'survey_id', error: 'invalid_value', extraInfo: { reason: 'no Critizr survey is mapped to this survey' } }]);
    expect(check(relayRequest({ surveyId: 99 }), settingsWith({ survey: '1' }))).toEqual([]);
  });

  // "Retrieve the "place-id"": partner_id is our point of sales code, the site_code.
  it('needs the site_code mapped to a Critizr place, or a default one', () => {
    expect(check(relayRequest({ data: [] }))).toEqual([{ field: 'data', error: 'required', extraInfo: { key: 'site_code', reason: 'Critizr needs a place, chosen by site_code' } }]);
    expect(check(relayRequest({ data: [{ key: 'site_code', value: 'leeds' }] }))).toEqual([
      { field: 'data[0]', error: 'invalid_value', extraInfo: { key: 'site_code', value: 'leeds', reason: 'no Critizr place is mapped to this site_code' } },
    ]);
    expect(check(relayRequest({ data: [{ key: 'site_code', value: 'leeds' }] }), settingsWith({ place: '1' }))).toEqual([]);
  });

  // "Check the required (or not) attribute in the "context" part … "required" tells you which attribute is mandatory or not"
  it('holds the context to the account configuration when the org copied it', () => {
    const configured = settingsWith({
      context_attributes: [
        { name: 'first_name', required: true },
        { name: 'last_name' },
        { name: 'crm_id', required: true },
        { name: 'additional_information_1' },
        { name: 'additional_information_2' },
        { name: 'additional_information_3' },
      ],
    });
    expect(check(relayRequest({ firstName: null, machineId: null }), configured)).toEqual([
      { field: 'reference', error: 'forbidden_value', extraInfo: { attribute: 'additional_information_4', reason: 'the Critizr account has no context attribute additional_information_4' } },
      { field: 'first_name', error: 'required', extraInfo: { attribute: 'first_name', reason: 'the Critizr account requires the context attribute first_name' } },
      { field: 'machine_id', error: 'required', extraInfo: { attribute: 'crm_id', reason: 'the Critizr account requires the context attribute crm_id' } },
    ]);
  });

  it('refuses reminders, which Critizr solicitations do not have, unless the org says to ignore them', () => {
    expect(check(relayRequest(), settingsWith({ ignore_reminders: false }))).toEqual([
      { field: 'reminders', error: 'forbidden_value', extraInfo: { reason: 'Critizr solicitations have no reminders' } },
    ]);
    expect(check(relayRequest({ reminders: [] }), settingsWith({ ignore_reminders: false }))).toEqual([]);
  });
});

describe('critizrAdapter.toCall', () => {
  it('builds the seed single payload from the seed example request', () => {
    expect(critizrAdapter.toCall(relayRequest(), settings, secrets)).toEqual({
      method: 'POST',
      url: 'https://api.critizr.com/v2/solicitations',
      headers: { Authorization: 'Bearer tok-123', Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        sender: 'Acme Support <feedback@acme.example>',
        survey: '1337',
        type: 'email',
        place: '4242',
        recipient: 'john.smith@example.com',
        context: {
          first_name: 'John',
          last_name: 'Smith',
          crm_id: '8736245',
          additional_information_1: 'luke',
          additional_information_2: 'api-support',
          additional_information_3: '20th Aug 2023',
          additional_information_4: 'reference: #1041',
        },
      }),
    });
  });

  it('sends an SMS from the label to the number in international form, the number also as phone', () => {
    const body = JSON.parse(critizrAdapter.toCall(sms(), settings, secrets).body ?? '') as Record<string, unknown>;
    expect(body).toMatchObject({ sender: 'ACME', type: 'sms', recipient: '+447700900123', context: { phone: '+447700900123' } });
  });

  it('loses nothing: an unmapped site_code, a data crm_id and machine_id, repeated and unlisted keys all travel', () => {
    const request = relayRequest({
      data: [
        { key: 'site_code', value: 'leeds' },
        { key: 'crm_id', value: 'CUST-9' },
        { key: 'staff_code', value: 'luke' },
        { key: 'staff_code', value: 'leia' },
      ],
      reference: null,
    });
    const body = JSON.parse(critizrAdapter.toCall(request, settingsWith({ place: '1' }), secrets).body ?? '') as { place: string; context: unknown };
    expect(body.place).toBe('1');
    expect(body.context).toEqual({
      first_name: 'John',
      last_name: 'Smith',
      crm_id: 'CUST-9',
      additional_information_1: 'luke',
      additional_information_4: 'site_code: leeds',
      additional_information_5: 'staff_code: leia',
      additional_information_6: 'machine_id: 8736245',
    });
  });
});

describe('critizrAdapter.toOutcome', () => {
  const outcome = (r: HttpReply) => critizrAdapter.toOutcome(r);

  it('201 with the solicitation: sent, with its id', () => {
    expect(outcome(reply(201, { id: 7, status: 'Queued' }))).toEqual({ kind: 'sent', providerId: '7' });
  });

  it('201 born Undelivered (an unsubscribed recipient): refused with the seed meaning', () => {
    expect(outcome(reply(201, { id: 8, status: 'Undelivered' }))).toEqual({
      kind: 'refused',
      reason: "Critizr solicitation 8 is Undelivered: Email was rejected by the recipient's server, the email address does not exist, emails were marked as spam, or the recipient is on a suppression list.",
    });
  });

  it('a 2xx it cannot read: sent, as sending again could solicit twice', () => {
    expect(outcome(reply(200, 'OK'))).toEqual({ kind: 'sent' });
  });

  it('400 field errors: refused in Critizr words', () => {
    expect(outcome(reply(400, { sender: ['For an email the sender must be "Your name <address@example.com>".'] }))).toEqual({
      kind: 'refused',
      reason: 'sender: For an email the sender must be "Your name <address@example.com>".',
    });
    expect(outcome(reply(400, { survey: ['Invalid pk "9" - object does not exist.'], context: { crm_id: ['This field is required.'] } }))).toEqual({
      kind: 'refused',
      reason: 'survey: Invalid pk "9" - object does not exist.; context.crm_id: This field is required.',
    });
    expect(outcome(reply(400, { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] }))).toEqual({
      kind: 'refused',
      reason: 'Invalid data. Expected a dictionary, but got list.',
    });
  });

  it('401: the token, to renew (deliver has no login, so it ends refused with the reason)', () => {
    expect(outcome(reply(401, { detail: 'Invalid token.' }))).toEqual({ kind: 'reauthenticate', reason: 'Invalid token.' });
  });

  for (const [status, detail] of [[404, 'Not found.'], [405, 'Method "GET" not allowed.'], [415, 'Unsupported media type "text/plain" in request.']] as const) {
    it(`${status}: refused with its detail`, () => {
      expect(outcome(reply(status, { detail }))).toEqual({ kind: 'refused', reason: detail });
    });
  }

  it('5xx, 408 and 429: retry, after Retry-After when given', () => {
    expect(outcome(reply(500, ''))).toEqual({ kind: 'retry', reason: 'HTTP 500' });
    expect(outcome(reply(503, 'busy', { 'retry-after': '3' }))).toEqual({ kind: 'retry', reason: 'HTTP 503: busy', afterMs: 3000 });
    expect(outcome(reply(408, ''))).toEqual({ kind: 'retry', reason: 'HTTP 408' });
    expect(outcome(reply(429, { detail: 'Request was throttled.' }, { 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT', date: 'Thu, 01 Jan 2026 00:00:00 GMT' }))).toEqual({
      kind: 'retry',
      reason: 'Request was throttled.',
      afterMs: 60_000,
    });
  });
});
