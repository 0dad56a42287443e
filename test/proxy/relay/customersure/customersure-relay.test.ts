import { afterEach, describe, expect, it } from 'vitest';
import { createCustomerSureAdapter } from '../../../../src/proxy/relay/adapters/customersure/customersure-adapter';
import { CustomerSureSettingsSchema, type CustomerSureSettings } from '../../../../src/proxy/relay/adapters/customersure/customersure-settings';
import { createCredentialCache } from '../../../../src/proxy/relay/credential-cache';
import { deliver } from '../../../../src/proxy/relay/deliver';
import type { RelayRequest } from '../../../../src/proxy/relay/relay-request';
import {
  CUSTOMERSURE_FAKE_COMPANY,
  CUSTOMERSURE_FAKE_NOW,
  CUSTOMERSURE_FAKE_TOKEN,
  startCustomerSureFake,
  type CustomerSureFake,
  type CustomerSureFakeOptions,
} from '../../../fakes/customersure/customersure-fake';
import { relayRequest } from '../relay-fixtures';

const adapter = createCustomerSureAdapter(() => CUSTOMERSURE_FAKE_NOW);
const open: CustomerSureFake[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});

async function customerSure(options: CustomerSureFakeOptions = {}) {
  const fake = await startCustomerSureFake({ now: () => CUSTOMERSURE_FAKE_NOW, ...options });
  open.push(fake);
  const settings = CustomerSureSettingsSchema.parse({ provider: 'customersure', base_url: fake.server.url, company_name: CUSTOMERSURE_FAKE_COMPANY, token_env: 'CUSTOMERSURE_TOKEN' });
  return { fake, settings };
}

const send = (settings: CustomerSureSettings, request: RelayRequest = relayRequest(), token = CUSTOMERSURE_FAKE_TOKEN) =>
  deliver(adapter, request, settings, { token }, 'acme/customersure', { fetch, now: () => CUSTOMERSURE_FAKE_NOW, credentials: createCredentialCache(), timeoutMs: 500 });

describe('the CustomerSure relay, against the contract fake', () => {
  it('creates the seed example request and reports CustomerSure id and link', async () => {
    const { fake, settings } = await customerSure();
    expect(await send(settings)).toEqual({ kind: 'sent', providerId: '208073', link: 'https://acme.customersure.com/surveys/fr-208073' });
    expect(fake.requests).toHaveLength(1);
    // The fake stored exactly what the request said, at the seed's second precision.
    expect(fake.requests[0]?.posted).toEqual({
      email: 'john.smith@example.com',
      send_at: '2023-08-20T17:00:00Z',
      survey_id: 1484,
      email_template_id: 10,
      first_name: 'John',
      surname: 'Smith',
      reference: '#1041',
      machine_id: '8736245',
      data: relayRequest().data,
      reminders: [
        { email_template_id: 11, send_at: '2023-08-27T17:00:00Z' },
        { email_template_id: 12, send_at: '2023-09-01T17:00:00Z' },
      ],
    });
    expect(fake.request(208073)).toMatchObject({ state: 'pending', send_at: '2023-08-20T17:00:00Z', data: [{ key: 'staff_code' }, { key: 'site_code' }, { key: 'category' }, { key: 'ticket_date' }] });
  });

  it('maps our survey and site to the org ones on the way', async () => {
    const { fake, settings } = await customerSure({ surveyIds: [77] });
    expect(await send({ ...settings, survey_ids: { 1484: 77 }, site_codes: { newcastle: 'NCL-1' } })).toMatchObject({ kind: 'sent' });
    expect(fake.request(208073)).toMatchObject({ survey_id: 77, data: [{ value: 'luke' }, { value: 'NCL-1' }, {}, {}] });
  });

  it('creates an SMS request with its sms hash', async () => {
    const { fake, settings } = await customerSure();
    const sms = relayRequest({ channel: 'sms', email: null, emailTemplateId: null, phone: '+447700900123', textMessageTemplateId: 7, reminders: [] });
    expect(await send(settings, sms)).toMatchObject({ kind: 'sent' });
    expect(fake.requests[0]?.posted.sms).toEqual({ number: '+447700900123', text_message_template_id: 7 });
  });
});

describe('the CustomerSure relay, refused', () => {
  it('refuses a survey the account does not own with the field error in the reason', async () => {
    const { settings } = await customerSure({ surveyIds: [1] });
    expect(await send(settings)).toEqual({ kind: 'refused', reason: 'HTTP 422 Validation error: survey_id invalid_value' });
  });

  it('refuses a send_at that passed while the request waited, naming the minimum', async () => {
    const { settings } = await customerSure({ now: () => Date.UTC(2023, 7, 21) });
    expect(await send(settings)).toEqual({
      kind: 'refused',
      reason: 'HTTP 422 Validation error: send_at invalid_date {"minimum":"2023-08-21T00:00:00Z"}',
    });
  });

  it('refuses a request that breaks a data limit, as the fake words it', async () => {
    const { settings } = await customerSure();
    expect(await send(settings, relayRequest({ data: [{ key: 'k'.repeat(31), value: 'v' }] }))).toEqual({
      kind: 'refused',
      reason: 'HTTP 422 Validation error: data[0].key wrong_length {"maximum":"30"}',
    });
  });

  it('refuses, with the seed 403 message, when the company name is not the account one', async () => {
    const { settings } = await customerSure({ companyName: 'Acme Limited' });
    expect(await send(settings)).toEqual({ kind: 'refused', reason: 'HTTP 403 Missing or invalid User Agent string' });
  });

  it('refuses a bad token once, without a loop', async () => {
    const { fake, settings } = await customerSure();
    expect(await send(settings, relayRequest(), 'fake')).toEqual({ kind: 'refused', reason: 'HTTP 401 Bad credentials (the API token was refused)' });
    expect(fake.posts()).toHaveLength(1);
  });

  it('refuses the other errors the fake can give in its own words', async () => {
    const { fake, settings } = await customerSure();
    fake.server.failNext({ kind: 'status', status: 400, body: '{"message":"Problems parsing JSON"}' });
    expect(await send(settings)).toEqual({ kind: 'refused', reason: 'HTTP 400 Problems parsing JSON' });
    fake.server.failNext({ kind: 'status', status: 403, body: '{"message":"Unpermitted parameters: phone"}' });
    expect(await send(settings)).toEqual({ kind: 'refused', reason: 'HTTP 403 Unpermitted parameters: phone' });
    expect(await send({ ...settings, base_url: `${fake.server.url}/v0` })).toEqual({ kind: 'refused', reason: 'HTTP 404 Not Found' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('the CustomerSure relay, on faults', () => {
  it.each([
    ['a 503', { kind: 'status', status: 503 } as const, { kind: 'retry', reason: 'HTTP 503' }],
    ['a 429 with Retry-After', { kind: 'status', status: 429, headers: { 'Retry-After': '12' } } as const, { kind: 'retry', reason: 'HTTP 429', afterMs: 12_000 }],
    ['a reset connection', { kind: 'reset' } as const, { kind: 'retry', reason: expect.stringContaining('network error') }],
    ['a hang past the deadline', { kind: 'hang' } as const, { kind: 'retry', reason: 'no answer within 500 ms' }],
  ])('turns %s into a retry, and the retried send reaches CustomerSure once', async (_fault, fault, outcome) => {
    const { fake, settings } = await customerSure();
    fake.server.failNext(fault);
    expect(await send(settings)).toEqual(outcome);
    expect(await send(settings)).toMatchObject({ kind: 'sent', providerId: '208073' });
    expect(fake.posts().map((c) => c.outcome)).toEqual([fault.kind === 'status' ? fault.status : fault.kind, 201]);
    expect(fake.requests).toHaveLength(1);
  });
});
