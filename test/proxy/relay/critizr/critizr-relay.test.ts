import { afterEach, describe, expect, it } from 'vitest';
import { critizrAdapter, statusToState, toBulkCalls, toBulkOutcomes, toStatusCall } from '../../../../src/proxy/relay/adapters/critizr/critizr-adapter';
import { CritizrSettingsSchema, type CritizrSettings } from '../../../../src/proxy/relay/adapters/critizr/critizr-settings';
import { createCredentialCache } from '../../../../src/proxy/relay/credential-cache';
import { deliver, type DeliverDeps } from '../../../../src/proxy/relay/deliver';
import type { Outcome } from '../../../../src/proxy/relay/relay-adapter';
import type { RelayRequest } from '../../../../src/proxy/relay/relay-request';
import { sendCall } from '../../../../src/proxy/relay/send-call';
import {
  CRITIZR_FAKE_PLACE,
  CRITIZR_FAKE_SURVEY,
  CRITIZR_FAKE_TOKEN,
  startCritizrFake,
  type CritizrContextAttribute,
  type CritizrFake,
} from '../../../fakes/critizr/critizr-fake';
import { relayRequest } from '../relay-fixtures';

// The seed's named attributes and six additional_information slots: room for the seed example request.
const ATTRIBUTES: CritizrContextAttribute[] = ['first_name', 'last_name', 'phone', 'crm_id', ...[1, 2, 3, 4, 5, 6].map((n) => `additional_information_${n}`)].map(
  (name) => ({ name, required: false }),
);

const open: CritizrFake[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});
async function start(contextAttributes: CritizrContextAttribute[] = ATTRIBUTES): Promise<CritizrFake> {
  const fake = await startCritizrFake({ contextAttributes, now: () => Date.UTC(2025, 0, 2) });
  open.push(fake);
  return fake;
}

function settingsFor(fake: CritizrFake, overrides: Record<string, unknown> = {}): CritizrSettings {
  return CritizrSettingsSchema.parse({
    provider: 'critizr',
    base_url: fake.server.url,
    email_sender: 'Acme Support <feedback@acme.example>',
    sms_sender: 'ACME',
    places: { newcastle: CRITIZR_FAKE_PLACE.id },
    surveys: { '1484': CRITIZR_FAKE_SURVEY.id },
    additional_information: ['staff_code', 'category', 'ticket_date'],
    ignore_reminders: true,
    token_env: 'ACME_CRITIZR_TOKEN',
    ...overrides,
  });
}

const deps = (): DeliverDeps => ({ fetch, now: () => Date.UTC(2025, 0, 2), credentials: createCredentialCache(), timeoutMs: 500 });
const send = (fake: CritizrFake, request: RelayRequest = relayRequest(), settings = settingsFor(fake), token = CRITIZR_FAKE_TOKEN) =>
  deliver(critizrAdapter, request, settings, { token }, 'acme/critizr', deps());
const sms = (overrides: Partial<RelayRequest> = {}) => relayRequest({ channel: 'sms', email: null, phone: '+33 6 12 34 56 78', ...overrides });

/** Every bulk call for `requests`, made with the shared sender, and the outcomes in request order. */
async function sendBulk(fake: CritizrFake, requests: RelayRequest[], settings = settingsFor(fake)): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const { call, requests: group } of toBulkCalls(requests, settings, { token: CRITIZR_FAKE_TOKEN })) {
    const sent = await sendCall(call, fetch, 5_000);
    outcomes.push(...(sent.ok ? toBulkOutcomes(sent.reply, group) : group.map((): Outcome => ({ kind: 'retry', reason: sent.reason }))));
  }
  return outcomes;
}
const many = (n: number) => Array.from({ length: n }, (_, i) => relayRequest({ id: i + 1, email: `c${i}@example.com` }));

describe('Critizr through deliver(), against its contract fake', () => {
  it('sends the seed example request, and the fake stores exactly what it said', async () => {
    const fake = await start();
    expect(await send(fake)).toEqual({ kind: 'sent', providerId: '1' });
    expect(fake.solicitations).toEqual([
      {
        sender: 'Acme Support <feedback@acme.example>',
        survey: CRITIZR_FAKE_SURVEY.id,
        type: 'email',
        place: CRITIZR_FAKE_PLACE.id,
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
        id: 1,
        status: 'Queued',
        created_at: '2025-01-02T00:00:00.000Z',
        updated_at: '2025-01-02T00:00:00.000Z',
      },
    ]);
  });

  it('sends an SMS from the label to the number in international form', async () => {
    const fake = await start();
    expect(await send(fake, sms())).toEqual({ kind: 'sent', providerId: '1' });
    expect(fake.solicitation(1)).toMatchObject({ type: 'sms', sender: 'ACME', recipient: '+33612345678', context: { phone: '+33612345678' } });
  });
});

describe('each refusal of the fake, as refused with its reason', () => {
  it('a wrong access token (no login to renew it with)', async () => {
    const fake = await start();
    expect(await send(fake, relayRequest(), settingsFor(fake), 'stale')).toEqual({ kind: 'refused', reason: 'Invalid token.' });
  });

  it('a context attribute the account does not have', async () => {
    const fake = await start(ATTRIBUTES.slice(0, 7));
    expect(await send(fake)).toEqual({ kind: 'refused', reason: 'context.additional_information_4: Unknown attribute: not in /v2/configuration.' });
  });

  it('a required context attribute missing, which check() also names when the org copied the configuration', async () => {
    const attributes = ATTRIBUTES.map((a) => (a.name === 'crm_id' ? { ...a, required: true } : a));
    const fake = await start(attributes);
    const request = relayRequest({ machineId: null });
    expect(critizrAdapter.check(request, settingsFor(fake, { context_attributes: attributes }))).toMatchObject([{ field: 'machine_id', error: 'required' }]);
    expect(await send(fake, request)).toEqual({ kind: 'refused', reason: 'context.crm_id: This field is required.' });
  });

  it('a survey or a place the account does not have', async () => {
    const fake = await start();
    expect(await send(fake, relayRequest(), settingsFor(fake, { surveys: { '1484': '9999' } }))).toEqual({ kind: 'refused', reason: 'survey: Invalid pk "9999" - object does not exist.' });
    expect(await send(fake, relayRequest(), settingsFor(fake, { places: { newcastle: '1' } }))).toEqual({ kind: 'refused', reason: 'place: Invalid pk "1" - object does not exist.' });
  });

  it('recipients check() refuses too', async () => {
    const fake = await start();
    const badEmail = relayRequest({ email: 'john.smith' });
    const badPhone = sms({ phone: '06 12 34 56 78' });
    expect(critizrAdapter.check(badEmail, settingsFor(fake))).toHaveLength(1);
    expect(critizrAdapter.check(badPhone, settingsFor(fake))).toHaveLength(1);
    expect(await send(fake, badEmail)).toEqual({ kind: 'refused', reason: 'recipient: Enter a valid email address.' });
    expect(await send(fake, badPhone)).toEqual({ kind: 'refused', reason: 'recipient: Enter a valid phone number.' });
  });

  it('a sender the settings schema would have refused', async () => {
    const fake = await start();
    const reason = 'sender: For an SMS the sender must be a label of at most 11 characters: letters without accents, numbers and spaces.';
    expect(await send(fake, sms(), { ...settingsFor(fake), sms_sender: 'ACME SHOP 24' })).toEqual({ kind: 'refused', reason });
  });

  it('a base URL that is not the API', async () => {
    const fake = await start();
    expect(await send(fake, relayRequest(), settingsFor(fake, { base_url: `${fake.server.url}/api` }))).toEqual({ kind: 'refused', reason: 'Not found.' });
  });

  it('an email to an unsubscribed recipient, accepted but born Undelivered', async () => {
    const fake = await start();
    await send(fake);
    fake.setStatus(1, 'Unsubscribed');
    expect(await send(fake)).toEqual({ kind: 'refused', reason: expect.stringMatching(/^Critizr solicitation 2 is Undelivered: /) as unknown });
  });
});

describe('bulk solicitations against the fake', () => {
  it('sends 1,000 requests in one bulk call', async () => {
    const fake = await start();
    const outcomes = await sendBulk(fake, many(1000));
    expect(fake.bulkCalls()).toHaveLength(1);
    expect(fake.solicitations).toHaveLength(1000);
    expect(outcomes).toHaveLength(1000);
    expect(outcomes[999]).toEqual({ kind: 'sent', providerId: '1000' });
    expect(fake.solicitation(1000)?.recipient).toBe('c999@example.com');
  });

  it('sends 1,001 requests in two', async () => {
    const fake = await start();
    const outcomes = await sendBulk(fake, many(1001));
    expect(fake.bulkCalls().map((c) => c.outcome)).toEqual([201, 201]);
    expect(fake.solicitations).toHaveLength(1001);
    expect(outcomes.every((o) => o.kind === 'sent')).toBe(true);
  });

  it('refuses the one bad item of a refused bulk call, and sends the others on the next try', async () => {
    const fake = await start();
    const requests = [relayRequest({ id: 1, email: 'ann@example.com' }), relayRequest({ id: 2, email: 'not-an-email' }), relayRequest({ id: 3, email: 'bob@example.com' })];
    const first = await sendBulk(fake, requests);
    expect(first.map((o) => o.kind)).toEqual(['retry', 'refused', 'retry']);
    expect(first[1]).toEqual({ kind: 'refused', reason: 'recipient: Enter a valid email address.' });
    expect(fake.solicitations).toHaveLength(0);
    expect(await sendBulk(fake, [requests[0], requests[2]] as RelayRequest[])).toEqual([
      { kind: 'sent', providerId: '1' },
      { kind: 'sent', providerId: '2' },
    ]);
  });
});

describe('statuses read back from the fake', () => {
  it('reads a solicitation status after the fake moves it', async () => {
    const fake = await start();
    const outcome = await send(fake);
    const providerId = outcome.kind === 'sent' ? (outcome.providerId ?? '') : '';
    const read = async () => {
      const sent = await sendCall(toStatusCall(providerId, settingsFor(fake), { token: CRITIZR_FAKE_TOKEN }), fetch, 500);
      return sent.ok ? statusToState(sent.reply) : undefined;
    };
    expect((await read())?.state).toBe('pending');
    fake.setStatus(1, 'Delivered');
    expect(await read()).toEqual({ state: 'sent', reason: 'Delivered: The email or SMS has reached the inbox of the recipient.' });
    fake.setStatus(1, 'Undelivered');
    expect((await read())?.state).toBe('not_sent');
  });
});

describe('faults become retries, and the retry reaches the fake once', () => {
  const post = { match: (c: { path: string }) => c.path === '/v2/solicitations' };

  it('a 503', async () => {
    const fake = await start();
    fake.server.failNext({ kind: 'status', status: 503, body: 'down for maintenance' }, post);
    expect(await send(fake)).toEqual({ kind: 'retry', reason: 'HTTP 503: down for maintenance' });
    expect(await send(fake)).toEqual({ kind: 'sent', providerId: '1' });
    expect(fake.server.calls.map((c) => c.outcome)).toEqual([503, 201]);
    expect(fake.solicitations).toHaveLength(1);
  });

  it('a 429 with Retry-After', async () => {
    const fake = await start();
    fake.server.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '3' }, body: '{"detail":"Request was throttled."}' }, post);
    expect(await send(fake)).toEqual({ kind: 'retry', reason: 'Request was throttled.', afterMs: 3000 });
    expect(await send(fake)).toMatchObject({ kind: 'sent' });
    expect(fake.solicitations).toHaveLength(1);
  });

  it('a reset connection', async () => {
    const fake = await start();
    fake.server.failNext({ kind: 'reset' }, post);
    expect(await send(fake)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^network error/) as unknown });
    expect(await send(fake)).toMatchObject({ kind: 'sent' });
    expect(fake.solicitations).toHaveLength(1);
  });

  it('a hang past the deadline', async () => {
    const fake = await start();
    fake.server.failNext({ kind: 'hang' }, post);
    expect(await send(fake)).toEqual({ kind: 'retry', reason: 'no answer within 500 ms' });
    expect(await send(fake)).toMatchObject({ kind: 'sent' });
    expect(fake.solicitations).toHaveLength(1);
  });

  it('a 503 on a bulk call, every item retried, then stored once', async () => {
    const fake = await start();
    fake.server.failNext({ kind: 'status', status: 503, headers: { 'Retry-After': '1' } }, { match: (c) => c.path === '/v2/solicitations/bulk' });
    expect(await sendBulk(fake, many(3))).toEqual(Array(3).fill({ kind: 'retry', reason: 'HTTP 503', afterMs: 1000 }));
    expect((await sendBulk(fake, many(3))).map((o) => o.kind)).toEqual(['sent', 'sent', 'sent']);
    expect(fake.bulkCalls().map((c) => c.outcome)).toEqual([503, 201]);
    expect(fake.solicitations).toHaveLength(3);
  });
});
