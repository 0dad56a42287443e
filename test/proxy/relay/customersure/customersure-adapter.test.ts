import { describe, expect, it } from 'vitest';
import { createCustomerSureAdapter } from '../../../../src/proxy/relay/adapters/customersure/customersure-adapter';
import { CustomerSureSettingsSchema, customerSureSecretEnvNames } from '../../../../src/proxy/relay/adapters/customersure/customersure-settings';
import { relayRequest } from '../relay-fixtures';

// The seed example's created_at: before its send_at and reminders.
const NOW = Date.UTC(2023, 7, 19, 16, 30, 14);
const adapter = createCustomerSureAdapter(() => NOW);
const settings = CustomerSureSettingsSchema.parse({ provider: 'customersure', company_name: 'Acme Ltd', token_env: 'CUSTOMERSURE_TOKEN' });
const secrets = { token: 'ec76c296df321768ba4cc41a445bfb6f' };
const smsRequest = relayRequest({
  channel: 'sms',
  email: null,
  emailTemplateId: null,
  phone: '+447700900123',
  textMessageTemplateId: 7,
  reminders: [{ sendAt: '2023-08-27T17:00:00.000Z', emailTemplateId: null, textMessageTemplateId: 8 }],
});
const reply = (status: number, body: unknown = '', headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('CustomerSure settings', () => {
  it('default base_url to the real API and every mapping to none', () => {
    expect(settings).toEqual({
      provider: 'customersure', base_url: 'https://api.customersure.com', company_name: 'Acme Ltd', token_env: 'CUSTOMERSURE_TOKEN',
      survey_ids: {}, email_template_ids: {}, text_message_template_ids: {}, site_codes: {},
    });
    expect(customerSureSecretEnvNames(settings)).toEqual({ token: 'CUSTOMERSURE_TOKEN' });
  });

  it('refuse a company name that cannot be a header, a token instead of its variable, and a non-HTTP base_url', () => {
    const base = { provider: 'customersure', company_name: 'Acme Ltd', token_env: 'CUSTOMERSURE_TOKEN' };
    expect(CustomerSureSettingsSchema.safeParse({ ...base, company_name: 'Café\nLtd' }).success).toBe(false);
    expect(CustomerSureSettingsSchema.safeParse({ ...base, token_env: 'ec76c296df321768' }).success).toBe(false);
    expect(CustomerSureSettingsSchema.safeParse({ ...base, base_url: 'ftp://api.customersure.com' }).success).toBe(false);
  });
});

describe('customerSureAdapter.check()', () => {
  it('finds nothing wrong with the seed example', () => {
    expect(adapter.check(relayRequest(), settings)).toEqual([]);
    expect(adapter.check(smsRequest, settings)).toEqual([]);
  });

  it.each([
    ['email is required unless SMS', relayRequest({ email: null }), [{ field: 'email', error: 'required', extraInfo: {} }]],
    ['email must look like an address', relayRequest({ email: 'john' }), [{ field: 'email', error: 'invalid_format', extraInfo: {} }]],
    ['send_at must be a date', relayRequest({ sendAt: 'soon' }), [{ field: 'send_at', error: 'invalid_date', extraInfo: { valid_format: 'YYYY-MM-DDTHH:MM:SSZ' } }]],
    ['send_at must be in the future', relayRequest({ sendAt: '2023-08-19T16:30:14.000Z' }), [{ field: 'send_at', error: 'invalid_date', extraInfo: { minimum: '2023-08-19T16:30:14Z' } }]],
    ['survey_id must be an id', relayRequest({ surveyId: 0 }), [{ field: 'survey_id', error: 'invalid_value', extraInfo: { must_be: 'integer' } }]],
    ['email_template_id is required unless SMS', relayRequest({ emailTemplateId: null }), [{ field: 'email_template_id', error: 'required', extraInfo: {} }]],
    ['machine_id is at most 36 characters', relayRequest({ machineId: 'm'.repeat(37) }), [{ field: 'machine_id', error: 'wrong_length', extraInfo: { maximum: '36' } }]],
    ['a data key is at most 30 characters', relayRequest({ data: [{ key: 'k'.repeat(31), value: 'v' }] }), [{ field: 'data[0].key', error: 'wrong_length', extraInfo: { maximum: '30' } }]],
    ['a data value is at most 100 characters', relayRequest({ data: [{ key: 'k', value: 'v'.repeat(101) }] }), [{ field: 'data[0].value', error: 'wrong_length', extraInfo: { maximum: '100' } }]],
    ['a data value is required', relayRequest({ data: [{ key: 'k', value: ' ' }] }), [{ field: 'data[0].value', error: 'required', extraInfo: {} }]],
    ['an SMS needs its number', { ...smsRequest, phone: null }, [{ field: 'sms.number', error: 'required', extraInfo: {} }]],
    ['an SMS needs its template', { ...smsRequest, textMessageTemplateId: null }, [{ field: 'sms.text_message_template_id', error: 'required', extraInfo: {} }]],
    [
      'a reminder names one template, not both',
      relayRequest({ reminders: [{ sendAt: '2023-08-27T17:00:00.000Z', emailTemplateId: 11, textMessageTemplateId: 8 }] }),
      [{ field: 'reminders[0]', error: 'custom', extraInfo: { message: 'You must provide either email_template_id or text_message_template_id, but not both.' } }],
    ],
    [
      'an email reminder needs an email template',
      relayRequest({ reminders: [{ sendAt: '2023-08-27T17:00:00.000Z', emailTemplateId: null, textMessageTemplateId: 8 }] }),
      [{ field: 'reminders[0].email_template_id', error: 'required', extraInfo: {} }],
    ],
    [
      'an SMS reminder needs a text message template',
      { ...smsRequest, reminders: [{ sendAt: '2023-08-27T17:00:00.000Z', emailTemplateId: 11, textMessageTemplateId: null }] },
      [{ field: 'reminders[0].text_message_template_id', error: 'required', extraInfo: {} }],
    ],
    [
      'a reminder is sent in the future',
      relayRequest({ reminders: [{ sendAt: '2023-08-01T00:00:00.000Z', emailTemplateId: 11, textMessageTemplateId: null }] }),
      [{ field: 'reminders[0].send_at', error: 'invalid_date', extraInfo: { minimum: '2023-08-19T16:30:14Z' } }],
    ],
  ])('%s', (_rule, request, breaches) => {
    expect(adapter.check(request, settings)).toEqual(breaches);
  });

  it('judges a site_code by the value it is mapped to', () => {
    const mapped = { ...settings, site_codes: { newcastle: 'ncl' } };
    const long = relayRequest({ data: [{ key: 'site_code', value: 'x'.repeat(101) }] });
    expect(adapter.check(long, { ...mapped, site_codes: { ['x'.repeat(101)]: 'ncl' } })).toEqual([]);
    expect(adapter.check(long, mapped)).toHaveLength(1);
  });
});

describe('customerSureAdapter.toCall()', () => {
  it('builds the seed example call: v1 Accept, the quoted token, the company as User-Agent, the seed body', () => {
    expect(adapter.toCall(relayRequest(), settings, secrets)).toEqual({
      method: 'POST',
      url: 'https://api.customersure.com/feedback_requests',
      headers: {
        Accept: 'application/vnd.customersure.v1+json',
        Authorization: 'Token token="ec76c296df321768ba4cc41a445bfb6f"',
        'User-Agent': 'Acme Ltd',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        email: 'john.smith@example.com',
        send_at: '2023-08-20T17:00:00Z',
        survey_id: 1484,
        email_template_id: 10,
        first_name: 'John',
        surname: 'Smith',
        reference: '#1041',
        machine_id: '8736245',
        data: [
          { key: 'staff_code', value: 'luke' },
          { key: 'site_code', value: 'newcastle' },
          { key: 'category', value: 'api-support' },
          { key: 'ticket_date', value: '20th Aug 2023' },
        ],
        reminders: [
          { email_template_id: 11, send_at: '2023-08-27T17:00:00Z' },
          { email_template_id: 12, send_at: '2023-09-01T17:00:00Z' },
        ],
      }),
    });
  });

  it('maps survey, template and site ids the settings list, and passes the others as they are', () => {
    const mapped = { ...settings, base_url: 'https://sandbox.example', survey_ids: { 1484: 77 }, email_template_ids: { 10: 100 }, site_codes: { newcastle: 'NCL-1' } };
    const call = adapter.toCall(relayRequest(), mapped, secrets);
    expect(call.url).toBe('https://sandbox.example/feedback_requests');
    expect(JSON.parse(call.body ?? '')).toMatchObject({
      survey_id: 77,
      email_template_id: 100,
      data: [{ key: 'staff_code', value: 'luke' }, { key: 'site_code', value: 'NCL-1' }, { key: 'category' }, { key: 'ticket_date' }],
      reminders: [{ email_template_id: 11 }, { email_template_id: 12 }],
    });
  });

  it('sends an SMS request with its sms hash and leaves out what is null', () => {
    const mapped = { ...settings, text_message_template_ids: { 7: 70 } };
    expect(JSON.parse(adapter.toCall(smsRequest, mapped, secrets).body ?? '')).toEqual({
      send_at: '2023-08-20T17:00:00Z',
      survey_id: 1484,
      first_name: 'John',
      surname: 'Smith',
      reference: '#1041',
      machine_id: '8736245',
      data: relayRequest().data,
      sms: { number: '+447700900123', text_message_template_id: 70 },
      reminders: [{ text_message_template_id: 8, send_at: '2023-08-27T17:00:00Z' }],
    });
  });
});

describe('customerSureAdapter.toOutcome()', () => {
  it.each([
    ['201 with the created request: sent, its id and link', reply(201, { id: 208073, link: 'https://acme.customersure.com/surveys/x' }), { kind: 'sent', providerId: '208073', link: 'https://acme.customersure.com/surveys/x' }],
    ['201 with an unreadable body: still sent, never twice', reply(201, '<html>'), { kind: 'sent' }],
    ['200 with no created request (a redirect made it a GET): refused', reply(200, []), { kind: 'refused', reason: 'HTTP 200 without a created feedback request: check base_url' }],
    ['400 malformed JSON: refused', reply(400, { message: 'Problems parsing JSON' }), { kind: 'refused', reason: 'HTTP 400 Problems parsing JSON' }],
    ['401 token refused: reauthenticate', reply(401, { message: 'Bad credentials' }, { 'www-authenticate': 'Token realm="Application"' }), { kind: 'reauthenticate', reason: 'HTTP 401 Bad credentials (the API token was refused)' }],
    ['403 User-Agent: refused', reply(403, { message: 'Missing or invalid User Agent string' }), { kind: 'refused', reason: 'HTTP 403 Missing or invalid User Agent string' }],
    ['403 unpermitted parameters: refused', reply(403, { message: 'Unpermitted parameters: phone' }), { kind: 'refused', reason: 'HTTP 403 Unpermitted parameters: phone' }],
    ['404: refused', reply(404, { message: 'Not Found' }), { kind: 'refused', reason: 'HTTP 404 Not Found' }],
    [
      '422 with the seed example errors: refused, every field error in the reason',
      reply(422, {
        message: 'Validation error',
        errors: [
          { resource: '/feedback_requests/33', field: 'state', error: 'invalid_value', extra_info: { allowed_values: ['sent', 'pending', 'not_sent'] } },
          { resource: '/feedback_requests/33', field: 'machine_id', error: 'wrong_length', extra_info: { maximum: '36' } },
        ],
      }),
      { kind: 'refused', reason: 'HTTP 422 Validation error: state invalid_value {"allowed_values":["sent","pending","not_sent"]}; machine_id wrong_length {"maximum":"36"}' },
    ],
    ['500: retry', reply(500, { message: 'Internal Server Error' }), { kind: 'retry', reason: 'HTTP 500 Internal Server Error' }],
    ['503 with Retry-After seconds: retry after them', reply(503, '', { 'retry-after': '30' }), { kind: 'retry', reason: 'HTTP 503', afterMs: 30_000 }],
    ['429 with an HTTP-date Retry-After: retry after it, by the clock', reply(429, '', { 'retry-after': new Date(NOW + 5000).toUTCString() }), { kind: 'retry', reason: 'HTTP 429', afterMs: 5000 }],
    ['408: retry', reply(408), { kind: 'retry', reason: 'HTTP 408' }],
  ])('%s', (_case, got, outcome) => {
    expect(adapter.toOutcome(got)).toEqual(outcome);
  });
});
