import { afterEach, describe, expect, it } from 'vitest';
import {
  CUSTOMER_RADAR_CODES,
  CUSTOMER_RADAR_EXAMPLE_DIRECTORY,
  CUSTOMER_RADAR_PASSWORD,
  CUSTOMER_RADAR_USERNAME,
  NO_FEEDBACK_CODE,
  NO_POSTMARK_ID,
  TOKEN_LIFETIME_MS,
  startCustomerRadarFake,
  type CustomerRadarFake,
  type CustomerRadarFakeOptions,
} from './customer-radar-fake';

// The seed's "Example Body" and "Example Request", character for character.
const EXAMPLE_LOGIN = `{
"username":"testing" ,
"password":"testing12345"
}`;
const EXAMPLE_REQUEST = `{
"clientDisplayId": "8291a9ed952342c5b5fe2915f2189e7c",
"programmeDisplayId": "1cf118a0326d47aa851a90b9674e90aa",
"sendData": [
{
"email": "abc@gmail.com",
"mobile": "0211234321",
"firstName": "Dave",
"lastName": "Brown",
"locationDisplayId": "1cf118a0326d47aa851a90b9674e90aa",
"pomDisplayId": "7547ct569yh67n0326vghddte86bkkn",
"metadata": [
{
"key": "booking_reference",
"value": "122334345"
},{
"key":"invoice_no",
"value":"INV00001"
}
]
}
]
}`;
const CLIENT = '8291a9ed952342c5b5fe2915f2189e7c';
const PROGRAMME = '1cf118a0326d47aa851a90b9674e90aa';
const LOCATION = '1cf118a0326d47aa851a90b9674e90aa';

type Body = Record<string, unknown> & { sendData: Record<string, unknown>[] };
const example = (): Body => JSON.parse(EXAMPLE_REQUEST) as Body;

const open: CustomerRadarFake[] = [];
afterEach(async () => {
  for (const radar of open.splice(0)) await radar.close();
});
async function start(options?: CustomerRadarFakeOptions): Promise<CustomerRadarFake> {
  const radar = await startCustomerRadarFake(options);
  open.push(radar);
  return radar;
}

const json = { 'Content-Type': 'application/json' };
function login(radar: CustomerRadarFake, body: string = EXAMPLE_LOGIN, headers: Record<string, string> = json): Promise<Response> {
  return fetch(`${radar.server.url}/auth/login`, { method: 'POST', headers, body });
}
async function tokenOf(radar: CustomerRadarFake): Promise<string> {
  return ((await (await login(radar)).json()) as { token: string }).token;
}
function invite(radar: CustomerRadarFake, token: string | undefined, body: string | Body = EXAMPLE_REQUEST, headers: Record<string, string> = json): Promise<Response> {
  return fetch(`${radar.server.url}/invitation`, {
    method: 'POST',
    headers: token === undefined ? headers : { ...headers, Authorization: token },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
async function reply(res: Response): Promise<[number, unknown]> {
  return [res.status, await res.json()];
}
const badRequest = (description: string) => [400, { code: CUSTOMER_RADAR_CODES.badRequest, description }];

describe('the Customer Radar fake, as the seed shows it working', () => {
  it('logs in with the seed example body and answers a token, its expiration 60 minutes on, and the user name', async () => {
    const radar = await start({ now: () => 1_517_430_873_269 });
    const res = await login(radar);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), expiration: 1517434473.269, userName: 'testing' });
    expect(radar.logins).toBe(1);
  });

  it('accepts the seed example request with the token and answers the seed example response', async () => {
    const radar = await start({ now: () => 1000 });
    const res = await invite(radar, await tokenOf(radar));
    expect(await reply(res)).toEqual([200, { code: '00000', description: 'success', data: '846673197418938368' }]);
    expect(radar.invitations).toEqual([
      { id: '846673197418938368', userName: 'testing', ...JSON.parse(EXAMPLE_REQUEST), receivedAt: 1000 },
    ]);
  });

  it('accepts an invitation with only the mandatory attributes, the POM left out for a one-POM location', async () => {
    const radar = await start();
    const body = { clientDisplayId: CLIENT, programmeDisplayId: PROGRAMME, sendData: [{ email: 'abc@g.com', locationDisplayId: LOCATION }] };
    expect((await invite(radar, await tokenOf(radar), body as Body)).status).toBe(200);
  });

  it('accepts a Content-Type with a charset and gives each accepted request its own id', async () => {
    const radar = await start();
    const token = await tokenOf(radar);
    await invite(radar, token);
    const res = await invite(radar, token, EXAMPLE_REQUEST, { 'Content-Type': 'application/json; charset=UTF-8' });
    expect(await reply(res)).toEqual([200, expect.objectContaining({ data: '846673197418938369' })]);
  });
});

describe('the Customer Radar fake, on authentication', () => {
  it('refuses a wrong password with 401 and issues no token', async () => {
    const radar = await start();
    const res = await login(radar, JSON.stringify({ username: CUSTOMER_RADAR_USERNAME, password: 'Testing12345' }));
    expect(await reply(res)).toEqual([401, { code: CUSTOMER_RADAR_CODES.unauthorized, description: 'Invalid username or password' }]);
    expect(radar.logins).toBe(0);
  });

  it('accepts the credentials it was given instead of the defaults', async () => {
    const radar = await start({ credentials: { username: 'acme', password: 's3cret' } });
    expect((await login(radar)).status).toBe(401);
    expect((await login(radar, JSON.stringify({ username: 'acme', password: 's3cret' }))).status).toBe(200);
  });

  it('refuses a login without a username with 400', async () => {
    const radar = await start();
    const res = await login(radar, JSON.stringify({ password: CUSTOMER_RADAR_PASSWORD }));
    expect(await reply(res)).toEqual(badRequest('Mandatory attribute is missing: username'));
  });

  it('refuses a login that is not sent as application/json with 400', async () => {
    const radar = await start();
    const res = await login(radar, EXAMPLE_LOGIN, { 'Content-Type': 'text/plain' });
    expect(await reply(res)).toEqual(badRequest('Attribute is wrong: Content-Type'));
  });

  it('refuses an invitation without an Authorization header with 401', async () => {
    const radar = await start();
    const res = await invite(radar, undefined);
    expect(await reply(res)).toEqual([401, { code: CUSTOMER_RADAR_CODES.unauthorized, description: 'Mandatory attribute is missing: Authorization' }]);
    expect(radar.invitations).toEqual([]);
  });

  it('refuses an unknown token, and a real one behind a Bearer prefix, with 401', async () => {
    const radar = await start();
    const token = await tokenOf(radar);
    expect(await reply(await invite(radar, 'eyJ0sUHBDusmUUmiYQiL.CJaJ0-XAiabs'))).toEqual([401, expect.objectContaining({ description: 'Invalid token' })]);
    expect((await invite(radar, `Bearer ${token}`)).status).toBe(401);
  });

  it('honours a token until 60 minutes after it was generated, refuses it from then on, and honours a new login', async () => {
    let clock = 0;
    const radar = await start({ now: () => clock });
    const token = await tokenOf(radar);
    clock = TOKEN_LIFETIME_MS - 1;
    expect((await invite(radar, token)).status).toBe(200);
    clock = TOKEN_LIFETIME_MS;
    expect(await reply(await invite(radar, token))).toEqual([401, { code: CUSTOMER_RADAR_CODES.unauthorized, description: 'Token has expired' }]);
    expect((await invite(radar, await tokenOf(radar))).status).toBe(200);
    expect(radar.logins).toBe(2);
  });

  it('expires every issued token at once on expireTokens(), to play a 401 mid-session', async () => {
    const radar = await start();
    const [first, second] = [await tokenOf(radar), await tokenOf(radar)];
    radar.expireTokens();
    expect((await invite(radar, first)).status).toBe(401);
    expect((await invite(radar, second)).status).toBe(401);
    expect((await invite(radar, await tokenOf(radar))).status).toBe(200);
  });
});

describe('the Customer Radar fake, on the invitation body', () => {
  it('refuses an invitation without a Content-Type, or with another one, with 400', async () => {
    const radar = await start();
    const token = await tokenOf(radar);
    const withoutType = await fetch(`${radar.server.url}/invitation`, { method: 'POST', headers: { Authorization: token }, body: new Blob([EXAMPLE_REQUEST]) });
    expect(await reply(withoutType)).toEqual(badRequest('Mandatory attribute is missing: Content-Type'));
    expect(await reply(await invite(radar, token, EXAMPLE_REQUEST, { 'Content-Type': 'text/plain' }))).toEqual(badRequest('Attribute is wrong: Content-Type'));
  });

  it('refuses a body that is not JSON with 400', async () => {
    const radar = await start();
    expect(await reply(await invite(radar, await tokenOf(radar), '{"clientDisplayId":'))).toEqual(badRequest('Attribute is wrong: body'));
  });

  it.each([
    ['clientDisplayId', (b: Body) => delete b.clientDisplayId],
    ['programmeDisplayId', (b: Body) => delete b.programmeDisplayId],
    ['sendData', (b: Body) => Reflect.deleteProperty(b, 'sendData')],
    ['sendData[0].email', (b: Body) => delete b.sendData[0]!.email],
    ['sendData[0].locationDisplayId', (b: Body) => delete b.sendData[0]!.locationDisplayId],
    ['sendData[0].metadata[1].key', (b: Body) => delete (b.sendData[0]!.metadata as Record<string, unknown>[])[1]!.key],
  ])('refuses an invitation missing %s with 400', async (attribute, strip) => {
    const radar = await start();
    const body = example();
    strip(body);
    expect(await reply(await invite(radar, await tokenOf(radar), body))).toEqual(badRequest(`Mandatory attribute is missing: ${attribute}`));
    expect(radar.invitations).toEqual([]);
  });

  it.each([
    ['clientDisplayId', 'not alphanumeric', (b: Body) => (b.clientDisplayId = '8291a9ed-9523')],
    ['programmeDisplayId', 'a number', (b: Body) => (b.programmeDisplayId = 1234)],
    ['sendData', 'empty', (b: Body) => (b.sendData = [])],
    ['sendData[0].email', 'not an email address', (b: Body) => (b.sendData[0]!.email = 'abc.gmail.com')],
    ['sendData[0].mobile', 'not digits', (b: Body) => (b.sendData[0]!.mobile = '021 123 4321')],
    ['sendData[0].locationDisplayId', 'not alphanumeric', (b: Body) => (b.sendData[0]!.locationDisplayId = 'loc_1')],
    ['sendData[0].pomDisplayId', 'not alphanumeric', (b: Body) => (b.sendData[0]!.pomDisplayId = 'pom 1')],
    ['sendData[0].firstName', 'not a string', (b: Body) => (b.sendData[0]!.firstName = 42)],
    ['sendData[0].metadata[0].value', 'not a string', (b: Body) => ((b.sendData[0]!.metadata as Record<string, unknown>[])[0]!.value = 122334345)],
  ])('refuses an invitation whose %s is %s with 400', async (attribute, _how, spoil) => {
    const radar = await start();
    const body = example();
    spoil(body);
    expect(await reply(await invite(radar, await tokenOf(radar), body))).toEqual(badRequest(`Attribute is wrong: ${attribute}`));
  });

  it('refuses a metadata key that does not match the programme settings in case and spelling with 400', async () => {
    const radar = await start();
    const body = example();
    (body.sendData[0]!.metadata as Record<string, unknown>[])[1]!.key = 'Invoice_No';
    expect(await reply(await invite(radar, await tokenOf(radar), body))).toEqual(badRequest('Attribute is wrong: sendData[0].metadata[1].key'));
  });
});

describe('the Customer Radar fake, on what CR Support set up', () => {
  const twoPoms = [{ ...CUSTOMER_RADAR_EXAMPLE_DIRECTORY[0]!, locations: [{ displayId: LOCATION, pomDisplayIds: ['pomA', 'pomB'] }] }];

  it.each([
    ['an unknown clientDisplayId', {}, (b: Body) => (b.clientDisplayId = 'ffff')],
    ['an unknown programmeDisplayId', {}, (b: Body) => (b.programmeDisplayId = 'ffff')],
    ['an unknown locationDisplayId', {}, (b: Body) => (b.sendData[0]!.locationDisplayId = 'ffff')],
    ['a pomDisplayId of another location', {}, (b: Body) => (b.sendData[0]!.pomDisplayId = 'ffff')],
    ['no pomDisplayId for a location with two POMs', { directory: twoPoms }, (b: Body) => delete b.sendData[0]!.pomDisplayId],
  ])('answers 400 "No Feedback code found" for %s', async (_case, options: CustomerRadarFakeOptions, spoil) => {
    const radar = await start(options);
    const body = example();
    spoil(body);
    expect(await reply(await invite(radar, await tokenOf(radar), body))).toEqual([400, { code: CUSTOMER_RADAR_CODES.noFeedbackCode, description: NO_FEEDBACK_CODE }]);
  });

  it('accepts a location with two POMs when the invitation names one of them', async () => {
    const radar = await start({ directory: twoPoms });
    const body = example();
    body.sendData[0]!.pomDisplayId = 'pomB';
    expect((await invite(radar, await tokenOf(radar), body)).status).toBe(200);
  });

  it('answers 400 "the programme must set Postmark ID" when the programme has none', async () => {
    const client = CUSTOMER_RADAR_EXAMPLE_DIRECTORY[0]!;
    const radar = await start({ directory: [{ ...client, programmes: [{ displayId: PROGRAMME }] }] });
    expect(await reply(await invite(radar, await tokenOf(radar)))).toEqual([400, { code: CUSTOMER_RADAR_CODES.noPostmarkId, description: NO_POSTMARK_ID }]);
  });
});

describe('the Customer Radar fake, misbehaving on demand', () => {
  it('plays a 503 injected with failNext on the next invitation, then answers by its rules again', async () => {
    const radar = await start();
    const token = await tokenOf(radar);
    radar.server.failNext({ kind: 'status', status: 503 }, { match: (call) => call.path === '/invitation' });
    expect((await invite(radar, token)).status).toBe(503);
    expect((await invite(radar, token)).status).toBe(200);
    expect(radar.server.calls.map((c) => [c.path, c.outcome])).toEqual([['/auth/login', 200], ['/invitation', 503], ['/invitation', 200]]);
    expect(radar.invitations).toHaveLength(1);
  });

  it('plays a reset connection injected with failNext on login', async () => {
    const radar = await start();
    radar.server.failNext({ kind: 'reset' });
    await expect(login(radar)).rejects.toThrow();
    expect(radar.logins).toBe(0);
  });

  it('refuses any method but POST on its endpoints with 405', async () => {
    const radar = await start();
    expect((await fetch(`${radar.server.url}/invitation`)).status).toBe(405);
  });
});
