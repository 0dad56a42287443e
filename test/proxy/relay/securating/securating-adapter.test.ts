import { describe, expect, it } from 'vitest';
import { createSecuratingAdapter, securatingAdapter } from '../../../../src/proxy/relay/adapters/securating/securating-adapter';
import { SecuratingSettingsSchema, securatingSecretEnvNames, type SecuratingSettings } from '../../../../src/proxy/relay/adapters/securating/securating-settings';
import type { RelayRequest } from '../../../../src/proxy/relay/relay-request';
import { relayRequest } from '../relay-fixtures';

const DAY = 24 * 60 * 60 * 1000;
/** Two days before the seed example's send_at. */
const NOW = Date.parse('2023-08-18T17:00:00.000Z');
const adapter = createSecuratingAdapter(() => NOW);

const raw = {
  provider: 'securating',
  url: 'https://acme.example/avis',
  company_name: 'Acme',
  surveys: { '1484': { thematics: ['1000300', '1000600'], product: 'support' } },
  sites: { newcastle: { url: 'https://acme.example/avis/newcastle', profile_id: '1001' } },
  keywebsite_env: 'ACME_SECURATING_KEY',
};
const settingsWith = (overrides: Record<string, unknown> = {}): SecuratingSettings => SecuratingSettingsSchema.parse({ ...raw, ...overrides });
const settings = settingsWith();
const secrets = { keywebsite: 'ma-cle-de-verification' };

const check = (overrides: Partial<RelayRequest> = {}, s = settings) => adapter.check(relayRequest(overrides), s);
const formOf = (request: RelayRequest, s = settings) => [...new URLSearchParams(adapter.toCall(request, s, secrets).body)];
const withData = (...data: [string, string][]) => relayRequest({ data: data.map(([key, value]) => ({ key, value })) });

describe('securating settings', () => {
  it('defaults base_url to the real service and names the env var holding the key', () => {
    expect(settings.base_url).toBe('https://api.securating.io');
    expect(settings.surveys['1484']).toEqual({ thematics: ['1000300', '1000600'], survey_only: false, product: 'support' });
    expect(securatingSecretEnvNames(settings)).toEqual({ keywebsite: 'ACME_SECURATING_KEY' });
    expect(securatingAdapter.provider).toBe('securating');
  });

  it.each([
    ['a code that is not [V][LL][R][TTT]', { thematics: ['3000100'] }],
    ['six digits', { thematics: ['100010'] }],
    ['more than three codes', { thematics: ['1000100', '1000200', '1000300', '1000400'] }],
    ['a repeated code', { thematics: ['1000100', '1000100'] }],
    ['survey_only without a code', { survey_only: true }],
  ])('refuses a survey mapping with %s', (_, survey) => {
    expect(SecuratingSettingsSchema.safeParse({ ...raw, surveys: { '1484': survey } }).success).toBe(false);
  });

  it('refuses a secret written into the file instead of an env var name, and another provider', () => {
    expect(SecuratingSettingsSchema.safeParse({ ...raw, keywebsite_env: 'ma-cle-de-verification' }).success).toBe(false);
    expect(SecuratingSettingsSchema.safeParse({ ...raw, provider: 'critizr' }).success).toBe(false);
  });
});

describe('securating check(), one case per seed rule', () => {
  it('finds nothing wrong with the seed example request', () => {
    expect(check()).toEqual([]);
  });

  it('refuses SMS: « Pour envoyer l’email d’invitation »', () => {
    expect(check({ channel: 'sms', phone: '+447700900123' })).toEqual([
      { field: 'sms', error: 'forbidden_value', extraInfo: { reason: 'Securating sends invitations by email only' } },
    ]);
  });

  it('needs an email, in an email’s format', () => {
    expect(check({ email: null })).toMatchObject([{ field: 'email', error: 'required' }]);
    expect(check({ email: 'mon-email-ici' })).toMatchObject([{ field: 'email', error: 'invalid_format' }]);
  });

  it('needs the survey mapped to thematics', () => {
    expect(check({ surveyId: 9 })).toMatchObject([{ field: 'survey_id', error: 'invalid_value' }]);
  });

  it('needs a configured site_code mapped, and a review page (url) for the request', () => {
    const data = [{ key: 'site_code', value: 'leeds' }];
    expect(check({ data })).toMatchObject([{ field: 'data[0]', error: 'invalid_value', extraInfo: { key: 'site_code', value: 'leeds' } }]);
    expect(check({ data }, settingsWith({ sites: {} }))).toEqual([]);
    expect(check({ data: [] }, settingsWith({ url: undefined }))).toMatchObject([{ field: 'data', error: 'required', extraInfo: { key: 'site_code' } }]);
    expect(check({}, settingsWith({ url: undefined }))).toEqual([]);
  });

  it('takes a send_at up to a year ahead (days), and one already past', () => {
    expect(check({ sendAt: new Date(NOW + 365 * DAY).toISOString() })).toEqual([]);
    expect(check({ sendAt: new Date(NOW - DAY).toISOString() })).toEqual([]);
    expect(check({ sendAt: new Date(NOW + 366 * DAY).toISOString() })).toMatchObject([{ field: 'send_at', error: 'invalid_value', extraInfo: { maximum_days_ahead: 365 } }]);
  });

  it('takes at most 10 reminders (recall_count)', () => {
    const reminder = { sendAt: '2023-08-27T17:00:00.000Z', emailTemplateId: 11, textMessageTemplateId: null };
    expect(check({ reminders: Array(10).fill(reminder) })).toEqual([]);
    expect(check({ reminders: Array(11).fill(reminder) })).toMatchObject([{ field: 'reminders', error: 'wrong_length', extraInfo: { maximum: 10 } }]);
  });

  it('needs a key for every data[] entry (meta_<keys>)', () => {
    expect(adapter.check(withData(['', 'x']), settings)).toMatchObject([{ field: 'data[0]', error: 'required' }]);
  });

  it('checks the order_<fields> the seed lists: dates, item type, a service that ends after it starts', () => {
    expect(adapter.check(withData(['order_date', '2024-05-01'], ['order_item_type', 'service'], ['order_service_start', '2024-05-01 10:00'], ['order_service_end', '2024-05-02']), settings)).toEqual([]);
    expect(adapter.check(withData(['order_date', '01/05/2024']), settings)).toMatchObject([{ field: 'data[0]', error: 'invalid_format' }]);
    expect(adapter.check(withData(['order_item_type', 'gift']), settings)).toMatchObject([{ field: 'data[0]', error: 'invalid_value', extraInfo: { allowed_values: ['product', 'service'] } }]);
    expect(adapter.check(withData(['order_service_start', '2024-05-10'], ['order_service_end', '2024-05-01']), settings)).toMatchObject([{ field: 'data[1]', error: 'invalid_value' }]);
  });

  it('refuses a parameter that would be sent twice: a repeated data[] key, or one named like ours', () => {
    expect(adapter.check(withData(['category', 'a'], ['category', 'b']), settings)).toMatchObject([{ field: 'data[1]', extraInfo: { parameter: 'meta_category' } }]);
    expect(adapter.check(withData(['reference', 'x']), settings)).toMatchObject([{ field: 'data[0]', extraInfo: { parameter: 'meta_reference' } }]);
    expect(adapter.check(relayRequest({ reference: null, data: [{ key: 'reference', value: 'x' }] }), settings)).toEqual([]);
  });
});

describe('securating toCall()', () => {
  it('builds the exact call for the seed example request', () => {
    const call = adapter.toCall(relayRequest(), settings, secrets);
    expect(call).toEqual({
      method: 'POST',
      url: 'https://api.securating.io/invitation/create',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body:
        'keywebsite=ma-cle-de-verification&email=john.smith%40example.com&first_name=John&last_name=Smith&company_name=Acme' +
        '&product=support&thematics=1000300%2C1000600&url=https%3A%2F%2Facme.example%2Favis%2Fnewcastle&days=2&recall_count=2' +
        '&profile_id=1001&webhook=https%3A%2F%2Fproxy.example%2Frelay%2Fsecurating%2F9f86d081884c7d659a2feaa0c55ad015' +
        '&meta_staff_code=luke&meta_site_code=newcastle&meta_category=api-support&meta_ticket_date=20th+Aug+2023' +
        '&meta_reference=%231041&meta_machine_id=8736245',
    });
  });

  it('counts days from now to send_at, rounded up, 0 when due or past', () => {
    const days = (sendAt: number) => new URLSearchParams(adapter.toCall(relayRequest({ sendAt: new Date(sendAt).toISOString() }), settings, secrets).body).get('days');
    expect(days(NOW - DAY)).toBe('0');
    expect(days(NOW + 60_000)).toBe('0');
    expect(days(NOW + 2 * 60_000)).toBe('1');
    expect(days(NOW + 2.5 * DAY)).toBe('3');
    expect(new URLSearchParams(createSecuratingAdapter(() => NOW + DAY).toCall(relayRequest(), settings, secrets).body).get('days')).toBe('1');
  });

  it('sends recall_count=0 for no reminders (the default would be 3) and leaves out what is null', () => {
    const form = formOf(relayRequest({ reminders: [], firstName: null, surname: null, reference: null, machineId: null, callbackUrl: null, data: [] }));
    expect(form).toEqual([
      ['keywebsite', 'ma-cle-de-verification'],
      ['email', 'john.smith@example.com'],
      ['company_name', 'Acme'],
      ['product', 'support'],
      ['thematics', '1000300,1000600'],
      ['url', 'https://acme.example/avis'],
      ['days', '2'],
      ['recall_count', '0'],
    ]);
  });

  it('uses the org’s page, name and moderator without a site, and survey_only when the mapping says so', () => {
    const s = settingsWith({ profile_id: '7', sites: {}, surveys: { '1484': { thematics: ['2010100'], survey_only: true } } });
    const form = Object.fromEntries(formOf(relayRequest(), s));
    expect(form).toMatchObject({ url: 'https://acme.example/avis', company_name: 'Acme', profile_id: '7', survey_only: '1', thematics: '2010100' });
    expect(form).not.toHaveProperty('product');
  });

  it('sends the order_<fields> it knows as themselves with from_order=1, every other data[] key as meta_<key>', () => {
    const form = formOf(withData(['order_number', 'A-1'], ['order_total', '12'], ['site_code', 'newcastle'], ['order_date', '2024-05-01']));
    expect(form.slice(form.findIndex(([name]) => name === 'webhook') + 1)).toEqual([
      ['from_order', '1'],
      ['order_number', 'A-1'],
      ['order_date', '2024-05-01'],
      ['meta_order_total', '12'],
      ['meta_site_code', 'newcastle'],
      ['meta_reference', '#1041'],
      ['meta_machine_id', '8736245'],
    ]);
  });

  it('never sends force_invitation, and keeps a base_url’s path', () => {
    expect(formOf(relayRequest()).map(([name]) => name)).not.toContain('force_invitation');
    expect(adapter.toCall(relayRequest(), settingsWith({ base_url: 'http://127.0.0.1:9/sandbox/' }), secrets).url).toBe('http://127.0.0.1:9/sandbox/invitation/create');
  });
});

describe('securating toOutcome(), one case per reply', () => {
  const reply = (status: number, body = '', headers: Record<string, string> = {}) => adapter.toOutcome({ status, headers, body });

  it('reads the body of a 200 as the link to collect the review (the seed’s $returnedLink)', () => {
    expect(reply(200, 'https://acme.example/avis?securating=abc\n')).toEqual({ kind: 'sent', link: 'https://acme.example/avis?securating=abc' });
  });

  it('refuses a 2xx that is not a link, with its text', () => {
    expect(reply(200, 'error: keywebsite invalide')).toEqual({ kind: 'refused', reason: 'Securating answered without an invitation link: HTTP 200: error: keywebsite invalide' });
  });

  it('refuses a refused key (401) as a settings problem, not a login to renew', () => {
    expect(reply(401, 'error: keywebsite is not a known key')).toEqual({
      kind: 'refused',
      reason: 'keywebsite refused, check the relay settings: HTTP 401: error: keywebsite is not a known key',
    });
  });

  it('refuses a 400 with Securating’s reason', () => {
    expect(reply(400, 'error: profile_id: not a profile created in the manager')).toEqual({ kind: 'refused', reason: 'HTTP 400: error: profile_id: not a profile created in the manager' });
  });

  it('refuses a second invitation to one email within 24 hours (409)', () => {
    expect(reply(409, 'error: an invitation was already created for this email less than 24 hours ago')).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/^less than 24 hours since the last invitation to this email: HTTP 409: error: an invitation/),
    });
  });

  it.each([404, 405, 415])('refuses a %i (wrong base_url or encoding)', (status) => {
    expect(reply(status, 'error: x')).toEqual({ kind: 'refused', reason: `HTTP ${status}: error: x` });
  });

  it.each([500, 502, 503, 504, 408])('retries a %i', (status) => {
    expect(reply(status, 'oops')).toEqual({ kind: 'retry', reason: `HTTP ${status}: oops` });
  });

  it('retries a 429 after its Retry-After, in seconds or as a date', () => {
    expect(reply(429, '', { 'retry-after': '7' })).toEqual({ kind: 'retry', reason: 'HTTP 429', afterMs: 7000 });
    const date = new Date(NOW).toUTCString();
    expect(reply(429, '', { 'retry-after': new Date(NOW + 30_000).toUTCString(), date })).toEqual({ kind: 'retry', reason: 'HTTP 429', afterMs: 30_000 });
    expect(reply(429, '', { 'retry-after': new Date(NOW + 30_000).toUTCString() })).toEqual({ kind: 'retry', reason: 'HTTP 429', afterMs: 30_000 });
  });
});
