import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, describe, expect, it } from 'vitest';
import { critizrAdapter } from '../../../src/proxy/relay/adapters/critizr/critizr-adapter';
import type { CritizrSettings } from '../../../src/proxy/relay/adapters/critizr/critizr-settings';
import { createCredentialCache } from '../../../src/proxy/relay/credential-cache';
import { deliver } from '../../../src/proxy/relay/deliver';
import { loadRelayRoutes, type RelayRoute } from '../../../src/proxy/relay/relay-routes';
import { startDemoCritizr } from '../../../scripts/demo/demo-critizr';
import { CRITIZR_FAKE_TOKEN, type CritizrFake } from '../../fakes/critizr/critizr-fake';
import { relayRequest } from './relay-fixtures';

const DEMO_SURVEYS = new URL('../../../demo/surveys', import.meta.url).pathname;
const DEMO_FILE = new URL('../../../demo/surveys/acme/_relay.json', import.meta.url);
const SCHEMA = new URL('../../../schema/relay.schema.json', import.meta.url);

const open: CritizrFake[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});

/** Org acme's route as `npm start` loads it: the fake's token in ACME_CRITIZR_TOKEN. */
function demoRoute(log: (message: string) => void = () => {}): Extract<RelayRoute, { adapter: unknown }> {
  const route = loadRelayRoutes(DEMO_SURVEYS, (name) => (name === 'ACME_CRITIZR_TOKEN' ? CRITIZR_FAKE_TOKEN : undefined), log).forOrg('acme');
  if (!('adapter' in route)) throw new Error(`acme relays to ${route.provider}, not Critizr`);
  return route;
}

describe('the demo relay file (demo/surveys/acme/_relay.json)', () => {
  it('loads without complaint and sends org acme to Critizr on loopback', () => {
    const messages: string[] = [];
    const route = demoRoute((m) => messages.push(m));
    expect(messages).toEqual([]);
    expect(route).toMatchObject({ provider: 'critizr', settings: { base_url: 'http://127.0.0.1:8790' }, secrets: { ok: true, values: { token: CRITIZR_FAKE_TOKEN } } });
  });

  it('is valid against the committed JSON Schema editors check it with', () => {
    const ajv = new Ajv2020({ strict: false, formats: { uri: (s: string) => URL.canParse(s) } });
    const check = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    expect(check(JSON.parse(readFileSync(DEMO_FILE, 'utf8'))), JSON.stringify(check.errors)).toBe(true);
  });

  it("accepts CustomerSure's example request, reminders and all, for both demo surveys", () => {
    const { settings } = demoRoute();
    expect(critizrAdapter.check(relayRequest(), settings as CritizrSettings)).toEqual([]);
    expect(critizrAdapter.check(relayRequest({ surveyId: 2166 }), settings as CritizrSettings)).toEqual([]);
  });

  it("sends that request to the demo's Critizr fake, which logs it and keeps every field in a slot", async () => {
    const lines: string[] = [];
    const fake = await startDemoCritizr({ port: 0, log: (line) => lines.push(line) });
    open.push(fake);
    const atFake = { ...(demoRoute().settings as CritizrSettings), base_url: fake.server.url };
    const outcome = await deliver(critizrAdapter, relayRequest(), atFake, { token: CRITIZR_FAKE_TOKEN }, 'acme/critizr', { fetch, now: Date.now, credentials: createCredentialCache() });
    expect(outcome).toMatchObject({ kind: 'sent', providerId: '1' });
    expect(lines).toEqual(['[critizr-fake] solicitation #1 to john.smith@example.com (survey 1337, place 4242)']);
    expect(fake.solicitations[0]?.context).toEqual({
      first_name: 'John',
      last_name: 'Smith',
      crm_id: '8736245',
      additional_information_1: 'luke',
      additional_information_3: 'category: api-support',
      additional_information_4: 'ticket_date: 20th Aug 2023',
      additional_information_5: 'reference: #1041',
    });
  });
});
