import { afterEach, describe, expect, it } from 'vitest';
import { etrustedAdapter, toBatchCall, toBatchOutcomes } from '../../../../src/proxy/relay/adapters/etrusted/etrusted-adapter';
import { EtrustedSettingsSchema, type EtrustedSecrets, type EtrustedSettings } from '../../../../src/proxy/relay/adapters/etrusted/etrusted-settings';
import { createCredentialCache } from '../../../../src/proxy/relay/credential-cache';
import { deliver, type DeliverDeps } from '../../../../src/proxy/relay/deliver';
import type { Credential } from '../../../../src/proxy/relay/relay-adapter';
import type { RelayRequest } from '../../../../src/proxy/relay/relay-request';
import { sendCall } from '../../../../src/proxy/relay/send-call';
import {
  ETRUSTED_CHANNEL_ID,
  ETRUSTED_CLIENT_ID,
  ETRUSTED_CLIENT_SECRET,
  ETRUSTED_USER_DEFINED_CHANNEL_ID,
  startEtrustedFake,
  type EtrustedFake,
} from '../../../fakes/etrusted/etrusted-fake';
import { relayRequest } from '../relay-fixtures';

const QUESTIONNAIRE = 'tpl-qst-5a8b3c2d-1e4f-4a6b-9c8d-7e6f5a4b3c2d';
const TEMPLATE = 'tpl-inv-0f1e2d3c-4b5a-4697-8877-665544332211';
// Before the seed example's sendAt, so the fake schedules the invite for it.
const START = Date.parse('2023-08-01T00:00:00.000Z');

const open: EtrustedFake[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});

let clock = START;
async function start(): Promise<EtrustedFake> {
  clock = START;
  const fake = await startEtrustedFake({ now: () => clock });
  open.push(fake);
  return fake;
}

function settingsFor(fake: EtrustedFake, overrides: Record<string, unknown> = {}): EtrustedSettings {
  return EtrustedSettingsSchema.parse({
    provider: 'etrusted',
    base_url: fake.server.url,
    token_url: fake.tokenUrl,
    channel: { id: ETRUSTED_CHANNEL_ID, type: 'etrusted' },
    questionnaire_template_id: QUESTIONNAIRE,
    email_templates: { '10': TEMPLATE },
    ignore_reminders: true,
    client_id_env: 'ACME_ETRUSTED_CLIENT_ID',
    client_secret_env: 'ACME_ETRUSTED_CLIENT_SECRET',
    ...overrides,
  });
}

const secrets: EtrustedSecrets = { clientId: ETRUSTED_CLIENT_ID, clientSecret: ETRUSTED_CLIENT_SECRET };
const deps = (): DeliverDeps => ({ fetch, now: () => clock, credentials: createCredentialCache(), timeoutMs: 500 });

function sender(fake: EtrustedFake, d: DeliverDeps = deps(), overrides: Record<string, unknown> = {}, s: EtrustedSecrets = secrets) {
  return (request: RelayRequest = relayRequest()) => deliver(etrustedAdapter, request, settingsFor(fake, overrides), s, 'acme/etrusted', d);
}

const stored = (fake: EtrustedFake) => fake.invites.get(ETRUSTED_CHANNEL_ID) ?? [];
const statuses = (fake: EtrustedFake) => fake.server.calls.map((c) => `${c.path} ${c.outcome}`);

describe('eTrusted through deliver(), against its contract fake', () => {
  it('gets a token, schedules the seed example request, and the fake stores exactly what it said', async () => {
    const fake = await start();
    const outcome = await sender(fake)();
    const [invite] = stored(fake);
    expect(outcome).toEqual({ kind: 'sent', providerId: invite?.batchId });
    expect(stored(fake)).toEqual([
      {
        id: expect.any(String),
        batchId: expect.any(String),
        channelId: ETRUSTED_CHANNEL_ID,
        system: 'customersure-relay',
        systemVersion: '1.0',
        invite: {
          questionnaireTemplate: { id: QUESTIONNAIRE },
          template: { id: TEMPLATE },
          customer: { firstName: 'John', lastName: 'Smith', email: 'john.smith@example.com' },
          transaction: { reference: '208073', date: '2023-08-20T17:00:00.000Z' },
          preferredSendTime: '2023-08-20T17:00:00.000Z',
          metadata: { staff_code: 'luke', site_code: 'newcastle', category: 'api-support', ticket_date: '20th Aug 2023', reference: '#1041', machine_id: '8736245', survey_id: '1484' },
        },
        createdAt: START,
        scheduledAt: Date.parse('2023-08-20T17:00:00.000Z'),
      },
    ]);
    expect(statuses(fake)).toEqual(['/oauth/token 200', '/invites 207']);
  });

  it('schedules to a user_defined channel by the id its owner gave it', async () => {
    const fake = await start();
    const send = sender(fake, deps(), { channel: { id: ETRUSTED_USER_DEFINED_CHANNEL_ID, type: 'user_defined' } });
    expect(await send()).toMatchObject({ kind: 'sent' });
    expect(stored(fake)).toHaveLength(1);
  });
});

describe('eTrusted refusals, in its own words', () => {
  it('refuses a channel the account does not own (400 ErrorResponse)', async () => {
    const fake = await start();
    const send = sender(fake, deps(), { channel: { id: 'chl-00000000-0000-4000-8000-000000000000', type: 'etrusted' } });
    expect(await send()).toEqual({ kind: 'refused', reason: 'channel chl-00000000-0000-4000-8000-000000000000 (etrusted) is not a channel of this account' });
  });

  it('refuses an invite that check() would have caught, with its reasons from inside the 207', async () => {
    const fake = await start();
    expect(await sender(fake)(relayRequest({ email: 'john-at-example' }))).toEqual({ kind: 'refused', reason: 'customer.email must be a valid email address' });
    expect(await sender(fake)(relayRequest({ emailTemplateId: 99 }))).toEqual({ kind: 'refused', reason: 'template.id must not be empty' });
    expect(stored(fake)).toEqual([]);
  });

  it('refuses an invite eTrusted fails with a 4xx of its own', async () => {
    const fake = await start();
    fake.failInvites(() => true, 409, 'invite already exists');
    expect(await sender(fake)()).toEqual({ kind: 'refused', reason: 'invite already exists' });
  });

  it('refuses, naming the cause, when the token endpoint refuses the client credentials', async () => {
    const fake = await start();
    const send = sender(fake, deps(), {}, { ...secrets, clientSecret: 'nope' });
    expect(await send()).toEqual({ kind: 'refused', reason: 'login refused: invalid_client: client authentication failed' });
    expect(statuses(fake)).toEqual(['/oauth/token 401']);
  });

  it('refuses, naming the cause, when the token is asked for another audience', async () => {
    const fake = await start();
    const send = sender(fake, deps(), { audience: 'https://example.com' });
    expect(await send()).toEqual({ kind: 'refused', reason: 'login: invalid_request: audience must be https://api.etrusted.com' });
  });
});

describe('the eTrusted token', () => {
  it('is reused across sends while fresh', async () => {
    const fake = await start();
    const send = sender(fake);
    for (let i = 0; i < 3; i += 1) expect(await send()).toMatchObject({ kind: 'sent' });
    expect(statuses(fake)).toEqual(['/oauth/token 200', '/invites 207', '/invites 207', '/invites 207']);
  });

  it('expired mid-session, is renewed once without the send noticing', async () => {
    const fake = await start();
    const send = sender(fake);
    await send();
    fake.expireTokens();
    expect(await send()).toMatchObject({ kind: 'sent' });
    expect(statuses(fake)).toEqual(['/oauth/token 200', '/invites 207', '/invites 401', '/oauth/token 200', '/invites 207']);
    expect(stored(fake)).toHaveLength(2);
  });

  it('is renewed before the call once the clock nears its expires_in, so no call meets a 401', async () => {
    const fake = await start();
    const send = sender(fake);
    await send();
    clock += 3600_000 - 30_000;
    expect(await send()).toMatchObject({ kind: 'sent' });
    expect(statuses(fake)).toEqual(['/oauth/token 200', '/invites 207', '/oauth/token 200', '/invites 207']);
  });
});

describe('several requests in one InvitesRequest', () => {
  async function token(fake: EtrustedFake): Promise<Credential> {
    const login = etrustedAdapter.login!;
    const sent = await sendCall(login.toCall(settingsFor(fake), secrets), fetch, 500);
    if (!sent.ok) throw new Error(sent.reason);
    return login.read(sent.reply, clock) as Credential;
  }

  it('settles each request on its own when one invite of three fails in the 207', async () => {
    const fake = await start();
    const requests = [1, 2, 3].map((id) => relayRequest({ id, email: `customer${id}@example.com` }));
    fake.failInvites((invite) => invite.customer.email === 'customer2@example.com', 409, 'invite already exists');
    const sent = await sendCall(toBatchCall(requests, settingsFor(fake), secrets, await token(fake)), fetch, 500);
    if (!sent.ok) throw new Error(sent.reason);
    const batchId = stored(fake)[0]?.batchId;
    expect(toBatchOutcomes(sent.reply, requests)).toEqual([
      { kind: 'sent', providerId: batchId },
      { kind: 'refused', reason: 'invite already exists' },
      { kind: 'sent', providerId: batchId },
    ]);
    expect(stored(fake).map((s) => s.invite.transaction.reference)).toEqual(['1', '3']);
  });
});

describe('eTrusted misbehaving', () => {
  const onInvites = { match: (call: { path: string }) => call.path === '/invites' };

  it.each([
    ['a 503', { kind: 'status', status: 503 } as const, { kind: 'retry', reason: 'HTTP 503' }],
    ['a 429 with Retry-After', { kind: 'status', status: 429, headers: { 'Retry-After': '7' } } as const, { kind: 'retry', reason: 'HTTP 429', afterMs: 7000 }],
    ['a reset connection', { kind: 'reset' } as const, { kind: 'retry', reason: expect.stringContaining('network error') }],
    ['a hang', { kind: 'hang' } as const, { kind: 'retry', reason: 'no answer within 500 ms' }],
  ])('turns %s into a retry, and the retried send reaches eTrusted once', async (_case, fault, expected) => {
    const fake = await start();
    const send = sender(fake);
    fake.server.failNext(fault, onInvites);
    expect(await send()).toEqual(expected);
    expect(stored(fake)).toEqual([]);
    expect(await send()).toMatchObject({ kind: 'sent' });
    expect(stored(fake)).toHaveLength(1);
    expect(statuses(fake).filter((s) => s.startsWith('/oauth/token'))).toHaveLength(1);
  });

  it('turns an invite failed with a 5xx inside the 207 into a retry', async () => {
    const fake = await start();
    fake.failInvites(() => true, 500, 'scheduling is down');
    expect(await sender(fake)()).toEqual({ kind: 'retry', reason: 'scheduling is down' });
  });

  it('turns a token endpoint that meets a 503 into a retry', async () => {
    const fake = await start();
    fake.server.failNext({ kind: 'status', status: 503 }, { match: (call) => call.path === '/oauth/token' });
    expect(await sender(fake)()).toEqual({ kind: 'retry', reason: 'HTTP 503' });
  });
});
