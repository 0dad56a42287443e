/**
 * `npm start`: the demo, relaying end to end with no internet. Starts the
 * Critizr contract fake that demo/surveys/acme/_relay.json points at (unless
 * DEMO_RELAY=off), gives the proxy the fake's token and an API token for org
 * acme when the environment sets none, starts the proxy exactly as
 * `npm run serve` does (startProxy), seeds org acme with a believable
 * history when it has no response yet (unless DEMO_SEED=off), so the
 * dashboard has something to show, then prints a curl that creates a feedback
 * request: the fake logs the solicitation and the API shows it sent.
 *
 * The environment is set here, before the proxy reads it once in startProxy.
 * `npm start` runs the build of this file, dist/proxy/start-demo.js.
 */
import { randomBytes } from 'node:crypto';
import { startProxy } from '../../src/proxy/start-proxy';
import { CRITIZR_FAKE_TOKEN } from '../../test/fakes/critizr/critizr-fake';
import { DEMO_CRITIZR_PORT, startDemoCritizr } from './demo-critizr';
import { demoInstructions } from './demo-curl';
import { seedDemo } from './seed-demo';

const env = process.env;
const relay = env.DEMO_RELAY?.trim().toLowerCase() !== 'off';
const seed = env.DEMO_SEED?.trim().toLowerCase() !== 'off';
// While the demo seeds, the fake's line per solicitation would fill a screen; seedOnce prints their count instead.
let seeding = false;
let quieted = 0;
const fakeLog = (line: string) => {
  if (seeding && line.startsWith('[critizr-fake] solicitation #')) quieted++;
  else console.log(line);
};
if (relay) {
  try {
    await startDemoCritizr({ port: DEMO_CRITIZR_PORT, log: fakeLog });
  } catch (error) {
    console.error(`[demo] cannot start the Critizr fake on 127.0.0.1:${DEMO_CRITIZR_PORT}: ${(error as Error).message}`);
    console.error('[demo] is another `npm start` running? DEMO_RELAY=off starts the demo without the fake');
    process.exit(1);
  }
  env.ACME_CRITIZR_TOKEN ||= CRITIZR_FAKE_TOKEN;
}
// Random per run: the demo may listen beyond loopback (HOST=0.0.0.0), and a fixed token would be everyone's.
env.API_TOKENS ||= `acme:demo-token-${randomBytes(8).toString('hex')}`;
// The seed posts its 1,200 responses from this machine in a few seconds: far past the shipped 60 a
// minute per address, which stays as shipped for everything else.
env.RATE_LIMIT_RESPONSES_PER_IP ||= '5000';

const { config, port } = await startProxy(env).catch((error: unknown) => {
  console.error(`[survey-proxy] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
// Any address the proxy listens on is reachable on loopback.
const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
const token = config.apiTokens.find((t) => t.org === 'acme')?.token;
if (seed && token) await seedOnce(origin, token);
const relayUrl = relay ? `http://127.0.0.1:${DEMO_CRITIZR_PORT}` : undefined;
console.log(['', ...demoInstructions({ origin, token, relayUrl }), ''].join('\n'));

/** Seeds an empty org acme; a failure is reported, and the demo goes on without the history. */
async function seedOnce(origin: string, token: string): Promise<void> {
  seeding = true;
  try {
    const { seeded, responses } = await seedDemo({ origin, token, log: (line) => console.log(line) });
    if (!seeded) console.log(`[demo] org acme already has ${responses.toLocaleString('en-GB')} responses, so nothing was seeded`);
  } catch (error) {
    console.error(`[demo] could not seed the demo data (DEMO_SEED=off skips it): ${(error as Error).message}`);
  } finally {
    seeding = false;
  }
  if (quieted > 0) console.log(`[critizr-fake] ${quieted} solicitations for the seeded invitations so far; the rest are due within half an hour`);
}
