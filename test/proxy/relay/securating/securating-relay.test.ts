import { afterEach, describe, expect, it } from 'vitest';
import { createSecuratingAdapter } from '../../../../src/proxy/relay/adapters/securating/securating-adapter';
import { SecuratingSettingsSchema, type SecuratingSettings } from '../../../../src/proxy/relay/adapters/securating/securating-settings';
import { readSecuratingWebhook, SECURATING_WEBHOOK_REPLY, stepToState, type SecuratingEvent } from '../../../../src/proxy/relay/adapters/securating/securating-webhook';
import { createCredentialCache } from '../../../../src/proxy/relay/credential-cache';
import { deliver, type DeliverDeps } from '../../../../src/proxy/relay/deliver';
import type { RelayRequest } from '../../../../src/proxy/relay/relay-request';
import { startFakeServer, type FakeServer } from '../../../fakes/fake-server';
import { SECURATING_KEYWEBSITE, SECURATING_PROFILE_ID, startSecuratingFake, type SecuratingFake } from '../../../fakes/securating/securating-fake';
import { relayRequest } from '../relay-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

/** Two days before the seed example's send_at, on both sides' clocks. */
let clock = Date.parse('2023-08-18T17:00:00.000Z');
const adapter = createSecuratingAdapter(() => clock);

async function start(): Promise<SecuratingFake> {
  clock = Date.parse('2023-08-18T17:00:00.000Z');
  const fake = await startSecuratingFake({ now: () => clock });
  open.push(fake);
  return fake;
}

function settingsFor(fake: SecuratingFake, overrides: Record<string, unknown> = {}): SecuratingSettings {
  return SecuratingSettingsSchema.parse({
    provider: 'securating',
    base_url: fake.server.url,
    url: 'https://acme.example/avis',
    company_name: 'Acme',
    surveys: { '1484': { thematics: ['1000300', '1000600'] } },
    sites: { newcastle: { profile_id: SECURATING_PROFILE_ID } },
    keywebsite_env: 'ACME_SECURATING_KEY',
    ...overrides,
  });
}

const deps = (): DeliverDeps => ({ fetch, now: () => clock, credentials: createCredentialCache(), timeoutMs: 300 });

function send(fake: SecuratingFake, request: RelayRequest = relayRequest(), settings = settingsFor(fake), keywebsite = SECURATING_KEYWEBSITE) {
  return deliver(adapter, request, settings, { keywebsite }, 'acme/securating', deps());
}

describe('Securating through deliver(), against its contract fake', () => {
  it('sends the seed example request, and the fake stores exactly what it said', async () => {
    const fake = await start();
    const outcome = await send(fake);
    const [invitation] = fake.invitations;
    expect(outcome).toEqual({ kind: 'sent', link: invitation?.link });
    expect(invitation?.link).toBe(`https://acme.example/avis?securating=${invitation?.id}`);
    expect(invitation?.request).toEqual({
      fields: {
        keywebsite: SECURATING_KEYWEBSITE,
        email: 'john.smith@example.com',
        first_name: 'John',
        last_name: 'Smith',
        company_name: 'Acme',
        thematics: '1000300,1000600',
        url: 'https://acme.example/avis',
        days: '2',
        recall_count: '2',
        profile_id: SECURATING_PROFILE_ID,
        webhook: 'https://proxy.example/relay/securating/9f86d081884c7d659a2feaa0c55ad015',
        meta_staff_code: 'luke',
        meta_site_code: 'newcastle',
        meta_category: 'api-support',
        meta_ticket_date: '20th Aug 2023',
        meta_reference: '#1041',
        meta_machine_id: '8736245',
      },
      keywebsite: SECURATING_KEYWEBSITE,
      email: 'john.smith@example.com',
      url: 'https://acme.example/avis',
      thematics: ['1000300', '1000600'],
      days: 2,
      recallCount: 2,
      webhook: 'https://proxy.example/relay/securating/9f86d081884c7d659a2feaa0c55ad015',
      meta: {
        meta_staff_code: 'luke',
        meta_site_code: 'newcastle',
        meta_category: 'api-support',
        meta_ticket_date: '20th Aug 2023',
        meta_reference: '#1041',
        meta_machine_id: '8736245',
      },
      order: {},
      force: false,
    });
  });

  it('sends order_<fields> as themselves with from_order, which the fake keeps', async () => {
    const fake = await start();
    const request = relayRequest({ data: [{ key: 'order_number', value: 'A-1' }, { key: 'order_item_type', value: 'service' }, { key: 'order_date', value: '2024-05-01' }] });
    expect(await send(fake, request)).toMatchObject({ kind: 'sent' });
    expect(fake.invitations[0]?.request).toMatchObject({ order: { order_number: 'A-1', order_item_type: 'service', order_date: '2024-05-01' } });
    expect(fake.invitations[0]?.request.fields.from_order).toBe('1');
  });

  it('maps a refused key to refused, with the fake’s reason', async () => {
    const fake = await start();
    expect(await send(fake, relayRequest(), settingsFor(fake), 'pas-la-bonne-cle')).toEqual({
      kind: 'refused',
      reason: 'keywebsite refused, check the relay settings: HTTP 401: error: keywebsite is not a known key',
    });
    expect(await send(fake, relayRequest(), settingsFor(fake), '')).toMatchObject({ kind: 'refused', reason: expect.stringContaining('error: keywebsite is missing') });
  });

  it('maps a moderator profile the manager does not know (only Securating can tell) to refused', async () => {
    const fake = await start();
    const outcome = await send(fake, relayRequest(), settingsFor(fake, { sites: { newcastle: { profile_id: '999' } } }));
    expect(outcome).toEqual({ kind: 'refused', reason: 'HTTP 400: error: profile_id: not a profile created in the manager' });
  });

  it('maps a wrong base_url (404) to refused', async () => {
    const fake = await start();
    const settings = settingsFor(fake, { base_url: `${fake.server.url}/v2` });
    expect(await send(fake, relayRequest(), settings)).toEqual({ kind: 'refused', reason: 'HTTP 404: error: not found' });
  });

  // Every other refusal of the fake is one check() finds first; sent anyway, each comes back refused.
  const reminder = { sendAt: '2023-08-27T17:00:00.000Z', emailTemplateId: 11, textMessageTemplateId: null };
  const far = new Date(Date.parse('2023-08-18T17:00:00.000Z') + 400 * DAY).toISOString();
  it.each<[string, Partial<RelayRequest>, Record<string, unknown>, RegExp]>([
    ['an email that is not one', { email: 'mon-email-ici' }, {}, /email: must be an email address/],
    ['no review page', { data: [] }, { url: undefined }, /url is missing/],
    ['a send_at more than a year ahead', { sendAt: far }, {}, /days: must be a whole number/],
    ['more than 10 reminders', { reminders: Array(11).fill(reminder) }, {}, /recall_count: must be a whole number/],
    ['a bad order_date', { data: [{ key: 'order_date', value: '01/05/2024' }] }, {}, /order_date: must be an ISO date/],
    ['a bad order_item_type', { data: [{ key: 'order_item_type', value: 'gift' }] }, {}, /order_item_type: must be product or service/],
    ['a service ending before it starts', { data: [{ key: 'order_service_start', value: '2024-05-10' }, { key: 'order_service_end', value: '2024-05-01' }] }, {}, /order_service_end: before/],
    ['a data[] key named like ours', { data: [{ key: 'reference', value: 'x' }] }, {}, /meta_reference: sent more than once/],
    ['an empty data[] key', { data: [{ key: '', value: 'x' }] }, {}, /meta_: not a parameter/],
  ])('maps %s to refused, as check() predicted', async (_, overrides, settingsOverrides, reason) => {
    const fake = await start();
    const request = relayRequest(overrides);
    const settings = { ...settingsFor(fake), ...settingsOverrides } as SecuratingSettings;
    expect(adapter.check(request, settings)).not.toEqual([]);
    const outcome = await send(fake, request, settings);
    expect(outcome).toEqual({ kind: 'refused', reason: expect.stringMatching(reason) });
    expect(outcome).toMatchObject({ reason: expect.stringMatching(/^HTTP 400: error: /) });
    expect(fake.invitations).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['four thematics', { thematics: ['1000100', '1000200', '1000300', '1000400'] }, /thematics: at most 3 codes/],
    ['a code that is not [V][LL][R][TTT]', { thematics: ['3000100'] }, /is not a \[V\]\[LL\]\[R\]\[TTT\] code/],
    ['survey_only without thematics', { thematics: [], survey_only: true }, /thematics is missing/],
  ])('maps %s (which the settings schema refuses) to refused', async (_, survey, reason) => {
    const fake = await start();
    const base = settingsFor(fake);
    const settings = { ...base, surveys: { '1484': { thematics: [], survey_only: false, ...survey } } } as SecuratingSettings;
    expect(SecuratingSettingsSchema.safeParse({ ...base, surveys: settings.surveys }).success).toBe(false);
    expect(await send(fake, relayRequest(), settings)).toEqual({ kind: 'refused', reason: expect.stringMatching(reason) });
  });

  it('maps the 24-hour rule for one email to refused, and sends again once the day has passed', async () => {
    const fake = await start();
    expect(await send(fake)).toMatchObject({ kind: 'sent' });
    clock += DAY - 1;
    expect(await send(fake, relayRequest({ id: 208074, email: 'John.Smith@Example.com' }))).toEqual({
      kind: 'refused',
      reason: 'less than 24 hours since the last invitation to this email: HTTP 409: error: an invitation was already created for this email less than 24 hours ago',
    });
    clock += 1;
    expect(await send(fake, relayRequest({ id: 208075 }))).toMatchObject({ kind: 'sent' });
    expect(fake.invitations).toHaveLength(2);
  });

  it('has no idempotency: sending the same request again after a lost reply is refused by the 24-hour rule', async () => {
    const fake = await start();
    expect(await send(fake)).toMatchObject({ kind: 'sent' });
    expect(await send(fake)).toMatchObject({ kind: 'refused', reason: expect.stringContaining('24 hours') });
    expect(fake.invitations).toHaveLength(1);
  });
});

describe('Securating webhooks, read by readSecuratingWebhook', () => {
  it('reads every step the fake’s robots play, meta_* echoed, and answers what they accept', async () => {
    const fake = await start();
    const events: (SecuratingEvent | { error: string })[] = [];
    const receiver: FakeServer = await startFakeServer((request) => {
      const event = readSecuratingWebhook(new URL(request.url));
      events.push(event);
      return 'error' in event ? new Response(event.error, { status: 400 }) : new Response(SECURATING_WEBHOOK_REPLY);
    });
    open.push(receiver);
    const request = relayRequest({ sendAt: new Date(clock).toISOString(), callbackUrl: `${receiver.url}/relay/securating/9f86d081884c7d659a2feaa0c55ad015` });
    expect(await send(fake, request)).toMatchObject({ kind: 'sent' });
    const id = fake.invitations[0]?.id as string;

    const steps = ['invitation-created', 'mail-send', 'mail-recall', 'mail-recall', 'link-opened'] as const;
    for (const step of steps) expect(await fake.fireWebhook(id, step)).toMatchObject({ status: 200, body: 'ok', accepted: true });
    expect(await fake.fireWebhook(id, 'review-saved', { rating: 4, comment: 'Très bien, merci ! 👍 <3 ~~~' })).toMatchObject({ accepted: true });

    const meta = { staff_code: 'luke', site_code: 'newcastle', category: 'api-support', ticket_date: '20th Aug 2023', reference: '#1041', machine_id: '8736245' };
    expect(events).toEqual([
      ...steps.map((step) => ({ step, meta })),
      { step: 'review-saved', meta, review: { rating: 4, comment: 'Très bien, merci ! 👍 <3 ~~~' } },
    ]);
    expect(receiver.calls.every((c) => c.path === '/relay/securating/9f86d081884c7d659a2feaa0c55ad015')).toBe(true);
    expect(events.map((e) => ('step' in e ? stepToState(e.step) : e.error))).toEqual(['pending', 'sent', 'sent', 'sent', 'sent', 'sent']);
  });
});

describe('Securating faults through deliver()', () => {
  it.each<[string, Parameters<FakeServer['failNext']>[0], Record<string, unknown>]>([
    ['a 503', { kind: 'status', status: 503, body: 'maintenance' }, { reason: 'HTTP 503: maintenance' }],
    ['a 500', { kind: 'status', status: 500 }, { reason: 'HTTP 500' }],
    ['a 429 with Retry-After', { kind: 'status', status: 429, headers: { 'Retry-After': '7' } }, { reason: 'HTTP 429', afterMs: 7000 }],
    ['a reset connection', { kind: 'reset' }, { reason: expect.stringMatching(/^network error/) }],
    ['a hang past the deadline', { kind: 'hang' }, { reason: 'no answer within 300 ms' }],
  ])('turns %s into a retry, and the retried send reaches the fake once', async (_, fault, retry) => {
    const fake = await start();
    fake.server.failNext(fault);
    expect(await send(fake)).toEqual({ kind: 'retry', ...retry });
    expect(fake.invitations).toEqual([]);
    expect(await send(fake)).toMatchObject({ kind: 'sent' });
    expect(fake.invitations).toHaveLength(1);
    expect(fake.server.calls.map((c) => c.outcome)).toEqual([fault.kind === 'status' ? fault.status : fault.kind, 200]);
  });
});
