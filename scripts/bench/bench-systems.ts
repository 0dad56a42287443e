import { CRITIZR_FAKE_PLACE, CRITIZR_FAKE_SURVEY, CRITIZR_FAKE_TOKEN, startCritizrFake } from '../../test/fakes/critizr/critizr-fake';
import {
  CUSTOMER_RADAR_EXAMPLE_DIRECTORY,
  CUSTOMER_RADAR_PASSWORD,
  CUSTOMER_RADAR_USERNAME,
  startCustomerRadarFake,
} from '../../test/fakes/customer-radar/customer-radar-fake';
import type { FakeServer, RecordedCall } from '../../test/fakes/fake-server';

/** A contract fake as the bench drives it. */
export interface BenchFake {
  server: FakeServer;
  /** Every recipient the system accepted so far, once per invitation. */
  recipients(): string[];
  close(): Promise<void>;
}

/** One system the relay bench runs through the proxy, then hits directly. */
export interface BenchSystem {
  name: string;
  start(): Promise<BenchFake>;
  /** Org acme's `_relay.json`, pointed at the fake. */
  relayFile(fakeUrl: string): Record<string, unknown>;
  /** The environment the relay file names its secrets in. */
  secrets: Record<string, string>;
  /** Calls the relay worker keeps in flight for this system, so the direct baseline keeps as many. */
  concurrency: number;
  /** The calls the fake received, in a few words ("12 bulk", "10,000 + 16 logins"). */
  describeCalls(calls: readonly RecordedCall[]): string;
}

const n = (x: number) => x.toLocaleString('en');
const posts = (calls: readonly RecordedCall[], path: string) => calls.filter((c) => c.method === 'POST' && c.path === path).length;
const [RADAR_CLIENT] = CUSTOMER_RADAR_EXAMPLE_DIRECTORY;
const RADAR_LOCATION = RADAR_CLIENT!.locations[0]!;

/** Critizr takes up to 1,000 solicitations per bulk call; the worker sends one claimed batch at a time. */
export const CRITIZR: BenchSystem = {
  name: 'Critizr',
  async start() {
    const fake = await startCritizrFake();
    return { server: fake.server, recipients: () => fake.solicitations.map((s) => s.recipient), close: () => fake.close() };
  },
  relayFile: (fakeUrl) => ({
    provider: 'critizr',
    base_url: fakeUrl,
    email_sender: 'Acme <feedback@acme.example>',
    place: CRITIZR_FAKE_PLACE.id,
    surveys: { '1484': CRITIZR_FAKE_SURVEY.id },
    token_env: 'BENCH_CRITIZR_TOKEN',
  }),
  secrets: { BENCH_CRITIZR_TOKEN: CRITIZR_FAKE_TOKEN },
  concurrency: 1,
  describeCalls: (calls) => {
    const single = posts(calls, '/v2/solicitations');
    return `${n(posts(calls, '/v2/solicitations/bulk'))} bulk${single ? ` + ${n(single)} single` : ''}`;
  },
};

/** Customer Radar takes one invitation per call, after a login; the worker keeps 16 calls in flight. */
export const CUSTOMER_RADAR: BenchSystem = {
  name: 'Customer Radar',
  async start() {
    const fake = await startCustomerRadarFake();
    return { server: fake.server, recipients: () => fake.invitations.flatMap((i) => i.sendData.map((r) => r.email ?? '')), close: () => fake.close() };
  },
  relayFile: (fakeUrl) => ({
    provider: 'customer-radar',
    base_url: fakeUrl,
    client_display_id: RADAR_CLIENT!.displayId,
    programmes: { '1484': RADAR_CLIENT!.programmes[0]!.displayId },
    sites: { newcastle: { location_display_id: RADAR_LOCATION.displayId, pom_display_id: RADAR_LOCATION.pomDisplayIds[0] } },
    username_env: 'BENCH_CR_USERNAME',
    password_env: 'BENCH_CR_PASSWORD',
  }),
  secrets: { BENCH_CR_USERNAME: CUSTOMER_RADAR_USERNAME, BENCH_CR_PASSWORD: CUSTOMER_RADAR_PASSWORD },
  concurrency: 16,
  describeCalls: (calls) => `${n(posts(calls, '/invitation'))} + ${n(posts(calls, '/auth/login'))} login${posts(calls, '/auth/login') === 1 ? '' : 's'}`,
};
