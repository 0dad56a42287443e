import { afterEach, describe, expect, it } from 'vitest';
import { customerRadarAdapter } from '../../../../src/proxy/relay/adapters/customer-radar/customer-radar-adapter';
import { CustomerRadarSettingsSchema, type CustomerRadarSettings } from '../../../../src/proxy/relay/adapters/customer-radar/customer-radar-settings';
import { createCredentialCache } from '../../../../src/proxy/relay/credential-cache';
import { deliver, type DeliverDeps } from '../../../../src/proxy/relay/deliver';
import type { RelayRequest } from '../../../../src/proxy/relay/relay-request';
import {
  CUSTOMER_RADAR_EXAMPLE_DIRECTORY,
  CUSTOMER_RADAR_PASSWORD,
  CUSTOMER_RADAR_USERNAME,
  NO_FEEDBACK_CODE,
  NO_POSTMARK_ID,
  startCustomerRadarFake,
  type CustomerRadarClient,
  type CustomerRadarFake,
} from '../../../fakes/customer-radar/customer-radar-fake';
import { relayRequest } from '../relay-fixtures';

const [EXAMPLE_CLIENT] = CUSTOMER_RADAR_EXAMPLE_DIRECTORY as [CustomerRadarClient];
const [EXAMPLE_PROGRAMME] = EXAMPLE_CLIENT.programmes as [CustomerRadarClient['programmes'][number]];
const [EXAMPLE_LOCATION] = EXAMPLE_CLIENT.locations as [CustomerRadarClient['locations'][number]];
const POM = EXAMPLE_LOCATION.pomDisplayIds[0];

// The seed example's programme, set up with the metadata keys the seed example request carries once
// `reference` is renamed to the programme's `booking_reference`.
function directory(programme: Partial<CustomerRadarClient['programmes'][number]> = {}): CustomerRadarClient[] {
  const metadataKeys = ['staff_code', 'category', 'ticket_date', 'booking_reference', 'machine_id'];
  return [{ ...EXAMPLE_CLIENT, programmes: [{ ...EXAMPLE_PROGRAMME, metadataKeys, ...programme }] }];
}

const open: CustomerRadarFake[] = [];
afterEach(async () => {
  for (const radar of open.splice(0)) await radar.close();
});

let clock = 1_700_000_000_000;
async function start(programme?: Partial<CustomerRadarClient['programmes'][number]>): Promise<CustomerRadarFake> {
  clock = 1_700_000_000_000;
  const radar = await startCustomerRadarFake({ directory: directory(programme), now: () => clock });
  open.push(radar);
  return radar;
}

function settingsFor(radar: CustomerRadarFake, overrides: Record<string, unknown> = {}): CustomerRadarSettings {
  return CustomerRadarSettingsSchema.parse({
    provider: 'customer-radar',
    base_url: radar.server.url,
    client_display_id: EXAMPLE_CLIENT.displayId,
    programmes: { '1484': EXAMPLE_PROGRAMME.displayId },
    sites: { newcastle: { location_display_id: EXAMPLE_LOCATION.displayId, pom_display_id: POM } },
    metadata_rename: { reference: 'booking_reference' },
    ignore_reminders: true,
    username_env: 'ACME_CR_USERNAME',
    password_env: 'ACME_CR_PASSWORD',
    ...overrides,
  });
}

const secrets = { username: CUSTOMER_RADAR_USERNAME, password: CUSTOMER_RADAR_PASSWORD };
const deps = (): DeliverDeps => ({ fetch, now: () => clock, credentials: createCredentialCache(), timeoutMs: 500 });

function sender(radar: CustomerRadarFake, d: DeliverDeps = deps(), overrides: Record<string, unknown> = {}, password = secrets.password) {
  return (request: RelayRequest = relayRequest()) =>
    deliver(customerRadarAdapter, request, settingsFor(radar, overrides), { ...secrets, password }, 'acme/customer-radar', d);
}

const statuses = (radar: CustomerRadarFake) => radar.server.calls.map((c) => `${c.path} ${c.outcome}`);

describe('Customer Radar through deliver(), against its contract fake', () => {
  it('logs in, sends the seed example request, and the fake stores exactly what it said', async () => {
    const radar = await start();
    expect(await sender(radar)()).toEqual({ kind: 'sent', providerId: '846673197418938368' });
    expect(radar.invitations).toEqual([
      {
        id: '846673197418938368',
        userName: 'testing',
        clientDisplayId: EXAMPLE_CLIENT.displayId,
        programmeDisplayId: EXAMPLE_PROGRAMME.displayId,
        sendData: [
          {
            email: 'john.smith@example.com',
            firstName: 'John',
            lastName: 'Smith',
            locationDisplayId: EXAMPLE_LOCATION.displayId,
            pomDisplayId: POM,
            metadata: [
              { key: 'staff_code', value: 'luke' },
              { key: 'category', value: 'api-support' },
              { key: 'ticket_date', value: '20th Aug 2023' },
              { key: 'booking_reference', value: '#1041' },
              { key: 'machine_id', value: '8736245' },
            ],
          },
        ],
        receivedAt: clock,
      },
    ]);
  });

  it('sends an SMS request with its email and its mobile', async () => {
    const radar = await start();
    const sms = relayRequest({ channel: 'sms', phone: '021 123 4321', emailTemplateId: null, textMessageTemplateId: 3 });
    expect(await sender(radar)(sms)).toMatchObject({ kind: 'sent' });
    expect(radar.invitations[0]?.sendData[0]).toMatchObject({ email: 'john.smith@example.com', mobile: '0211234321' });
  });
});

describe('Customer Radar refusals, in its own words', () => {
  it('refuses a site mapped to a location CR does not know: "No Feedback code found"', async () => {
    const radar = await start();
    const send = sender(radar, deps(), { sites: { newcastle: { location_display_id: 'ffff' } } });
    expect(await send()).toEqual({ kind: 'refused', reason: NO_FEEDBACK_CODE });
  });

  it('refuses an email invitation for a programme without a Postmark ID', async () => {
    const radar = await start({ postmarkId: undefined });
    expect(await sender(radar)()).toEqual({ kind: 'refused', reason: NO_POSTMARK_ID });
  });

  it('refuses a metadata key that does not match the programme settings', async () => {
    const radar = await start();
    const send = sender(radar, deps(), { metadata_rename: {} });
    expect(await send()).toEqual({ kind: 'refused', reason: 'Attribute is wrong: sendData[0].metadata[3].key' });
  });

  it('refuses a request without an email, which check() would have caught first', async () => {
    const radar = await start();
    const sms = relayRequest({ channel: 'sms', email: null, phone: '0211234321' });
    expect(await sender(radar)(sms)).toEqual({ kind: 'refused', reason: 'Mandatory attribute is missing: sendData[0].email' });
  });

  it('refuses a mobile that is not digits', async () => {
    const radar = await start();
    expect(await sender(radar)(relayRequest({ phone: '021 CALL ME' }))).toEqual({ kind: 'refused', reason: 'Attribute is wrong: sendData[0].mobile' });
  });

  it('refuses, naming the cause, when CR refuses the login', async () => {
    const radar = await start();
    expect(await sender(radar, deps(), {}, 'Testing12345')()).toEqual({ kind: 'refused', reason: 'login refused: Invalid username or password' });
    expect(radar.invitations).toEqual([]);
  });
});

describe('the Customer Radar token', () => {
  it('is reused across sends while fresh', async () => {
    const radar = await start();
    const send = sender(radar);
    for (let i = 0; i < 3; i += 1) expect(await send()).toMatchObject({ kind: 'sent' });
    expect(radar.logins).toBe(1);
    expect(radar.invitations).toHaveLength(3);
  });

  it('expired mid-session, is renewed once without the send noticing', async () => {
    const radar = await start();
    const send = sender(radar);
    await send();
    radar.expireTokens();
    expect(await send()).toMatchObject({ kind: 'sent' });
    expect(radar.logins).toBe(2);
    expect(statuses(radar)).toEqual(['/auth/login 200', '/invitation 200', '/invitation 401', '/auth/login 200', '/invitation 200']);
    expect(radar.invitations).toHaveLength(2);
  });

  it('is renewed before the call once the clock nears its 60 minutes, so no call meets a 401', async () => {
    const radar = await start();
    const send = sender(radar);
    await send();
    clock += 59 * 60_000 + 30_000;
    expect(await send()).toMatchObject({ kind: 'sent' });
    clock += 61 * 60_000;
    expect(await send()).toMatchObject({ kind: 'sent' });
    expect(radar.logins).toBe(3);
    expect(statuses(radar)).not.toContain('/invitation 401');
  });
});

describe('Customer Radar misbehaving', () => {
  const onInvitation = { match: (call: { path: string }) => call.path === '/invitation' };

  it.each([
    ['a 503', { kind: 'status', status: 503 } as const, { kind: 'retry', reason: 'HTTP 503' }],
    ['a 429 with Retry-After', { kind: 'status', status: 429, headers: { 'Retry-After': '7' } } as const, { kind: 'retry', reason: 'HTTP 429', afterMs: 7000 }],
    ['a reset connection', { kind: 'reset' } as const, { kind: 'retry', reason: expect.stringContaining('network error') }],
    ['a hang', { kind: 'hang' } as const, { kind: 'retry', reason: 'no answer within 500 ms' }],
  ])('turns %s into a retry, and the retried send reaches CR once', async (_case, fault, expected) => {
    const radar = await start();
    const send = sender(radar);
    radar.server.failNext(fault, onInvitation);
    expect(await send()).toEqual(expected);
    expect(radar.invitations).toEqual([]);
    expect(await send()).toMatchObject({ kind: 'sent' });
    expect(radar.invitations).toHaveLength(1);
    expect(radar.logins).toBe(1);
  });

  it('turns a login that meets a 503 into a retry', async () => {
    const radar = await start();
    radar.server.failNext({ kind: 'status', status: 503 }, { match: (call) => call.path === '/auth/login' });
    expect(await sender(radar)()).toEqual({ kind: 'retry', reason: 'HTTP 503' });
  });
});
