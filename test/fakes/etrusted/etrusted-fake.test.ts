import { afterEach, describe, expect, it } from 'vitest';
import {
  ETRUSTED_AUDIENCE,
  ETRUSTED_CHANNEL_ID,
  ETRUSTED_CLIENT_ID,
  ETRUSTED_CLIENT_SECRET,
  ETRUSTED_USER_DEFINED_CHANNEL_ID,
  startEtrustedFake,
  type EtrustedFake,
  type EtrustedFakeOptions,
} from './etrusted-fake';

const open: EtrustedFake[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});

async function etrusted(options?: EtrustedFakeOptions): Promise<EtrustedFake> {
  const fake = await startEtrustedFake(options);
  open.push(fake);
  return fake;
}

function tokenForm(overrides: Record<string, string | undefined> = {}): string {
  const fields = { grant_type: 'client_credentials', client_id: ETRUSTED_CLIENT_ID, client_secret: ETRUSTED_CLIENT_SECRET, audience: ETRUSTED_AUDIENCE, ...overrides };
  return new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
}

function askToken(fake: EtrustedFake, body = tokenForm(), type = 'application/x-www-form-urlencoded'): Promise<Response> {
  return fetch(fake.tokenUrl, { method: 'POST', headers: { 'Content-Type': type }, body });
}

async function token(fake: EtrustedFake): Promise<string> {
  return ((await (await askToken(fake)).json()) as { access_token: string }).access_token;
}

/** An invite with every property of the seed's `Invite` model. */
function invite(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    questionnaireTemplate: { id: 'tpl-qst-5a8b3c2d-1e4f-4a6b-9c8d-7e6f5a4b3c2d' },
    template: { id: 'tpl-inv-0f1e2d3c-4b5a-4697-8877-665544332211' },
    customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', locale: 'de_DE' },
    transaction: { reference: 'order-1001', date: '2024-05-02T09:30:00.000Z', products: [] },
    preferredSendTime: '2024-05-03T10:00:00.000Z',
    metadata: { surveyId: 'nps-2024' },
    ...overrides,
  };
}

/** An `InvitesRequest` with the seed's own example values for `system` and `systemVersion`. */
function invitesRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { channel: { id: ETRUSTED_CHANNEL_ID, type: 'etrusted' }, system: 'salesforce', systemVersion: '1.0', invites: [invite()], ...overrides };
}

async function schedule(fake: EtrustedFake, body: unknown, init: { token?: string | null; type?: string } = {}): Promise<Response> {
  const bearer = init.token === undefined ? await token(fake) : init.token;
  const headers: Record<string, string> = { 'Content-Type': init.type ?? 'application/json' };
  if (bearer !== null) headers.Authorization = `Bearer ${bearer}`;
  return fetch(`${fake.server.url}/invites`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function list(fake: EtrustedFake, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fake.server.url}${path}`, { headers: { Authorization: `Bearer ${await token(fake)}`, ...headers } });
}

const MAY_1 = Date.parse('2024-05-01T00:00:00.000Z');

describe('the eTrusted fake token endpoint', () => {
  it('issues a Bearer token for client credentials posted as a form', async () => {
    const fake = await etrusted({ tokenLifetimeSeconds: 300 });
    const res = await askToken(fake);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 300 });
  });

  it('listens on the configured token path', async () => {
    const fake = await etrusted({ tokenPath: '/auth/realms/etrusted/token' });
    expect(fake.tokenUrl).toBe(`${fake.server.url}/auth/realms/etrusted/token`);
    expect((await askToken(fake)).status).toBe(200);
  });

  it.each([
    ['a wrong secret', { client_secret: 'nope' }],
    ['an unknown client', { client_id: 'someone-else' }],
    ['no secret', { client_secret: undefined }],
  ])('refuses %s with 401 invalid_client', async (_, overrides) => {
    const res = await askToken(await etrusted(), tokenForm(overrides));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses a grant type other than client_credentials', async () => {
    const res = await askToken(await etrusted(), tokenForm({ grant_type: 'password' }));
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, 'unsupported_grant_type']);
  });

  it('refuses a request without grant_type, or for another audience', async () => {
    const fake = await etrusted();
    expect((await askToken(fake, tokenForm({ grant_type: undefined }))).status).toBe(400);
    const res = await askToken(fake, tokenForm({ audience: 'https://example.com' }));
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, 'invalid_request']);
  });

  it('takes a request without audience when the fake is told to need none', async () => {
    expect((await askToken(await etrusted({ audience: null }), tokenForm({ audience: undefined }))).status).toBe(200);
  });

  it('refuses credentials sent as JSON', async () => {
    const body = JSON.stringify({ grant_type: 'client_credentials', client_id: ETRUSTED_CLIENT_ID, client_secret: ETRUSTED_CLIENT_SECRET });
    const res = await askToken(await etrusted(), body, 'application/json');
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, 'invalid_request']);
  });
});

describe('scheduling invites on the eTrusted fake', () => {
  it('schedules every invite of a well-formed InvitesRequest and answers 207 with a batchId', async () => {
    const fake = await etrusted({ now: () => MAY_1 });
    const res = await schedule(fake, invitesRequest({ invites: [invite(), invite({ customer: { email: 'bob@example.com' } })] }));
    expect(res.status).toBe(207);
    const body = (await res.json()) as { batchId: string };
    expect(body).toEqual({ batchId: expect.any(String), successfulInvites: 2, failedInvites: [] });
    const stored = fake.invites.get(ETRUSTED_CHANNEL_ID) ?? [];
    expect(stored.map((s) => [s.batchId, s.invite.customer.email, s.system, s.systemVersion])).toEqual([
      [body.batchId, 'ada@example.com', 'salesforce', '1.0'],
      [body.batchId, 'bob@example.com', 'salesforce', '1.0'],
    ]);
  });

  it('schedules for its preferredSendTime an invite asking for a future one, and at once one asking for a past one or none', async () => {
    const fake = await etrusted({ now: () => MAY_1 });
    const past = invite({ preferredSendTime: '2024-04-01T10:00:00.000+02:00' });
    const { preferredSendTime: _, ...unset } = invite();
    await schedule(fake, invitesRequest({ invites: [invite(), past, unset] }));
    expect(fake.invites.get(ETRUSTED_CHANNEL_ID)?.map((s) => new Date(s.scheduledAt).toISOString())).toEqual([
      '2024-05-03T10:00:00.000Z',
      '2024-05-01T00:00:00.000Z',
      '2024-05-01T00:00:00.000Z',
    ]);
  });

  it('takes a user_defined channel by the ID its owner gave it', async () => {
    const fake = await etrusted();
    const res = await schedule(fake, invitesRequest({ channel: { id: ETRUSTED_USER_DEFINED_CHANNEL_ID, type: 'user_defined' } }));
    expect(res.status).toBe(207);
    expect(fake.invites.get(ETRUSTED_CHANNEL_ID)).toHaveLength(1);
  });

  it('refuses a request without a token with 401 and an ErrorResponse', async () => {
    const res = await schedule(await etrusted(), invitesRequest(), { token: null });
    expect([res.status, res.headers.get('WWW-Authenticate')]).toEqual([401, 'Bearer']);
    expect(await res.json()).toEqual({ Message: expect.stringContaining('Bearer') });
  });

  it('refuses a token it never issued with 401', async () => {
    const res = await schedule(await etrusted(), invitesRequest(), { token: 'forged' });
    expect([res.status, await res.json()]).toEqual([401, { Message: 'token is not valid' }]);
  });

  it('refuses a token whose lifetime has run out on its clock with 401', async () => {
    let clock = MAY_1;
    const fake = await etrusted({ now: () => clock, tokenLifetimeSeconds: 60 });
    const bearer = await token(fake);
    clock += 59_999;
    expect((await schedule(fake, invitesRequest(), { token: bearer })).status).toBe(207);
    clock += 1;
    const res = await schedule(fake, invitesRequest(), { token: bearer });
    expect([res.status, await res.json()]).toEqual([401, { Message: 'token has expired' }]);
  });

  it('refuses tokens expired with expireTokens(), and takes a fresh one', async () => {
    const fake = await etrusted();
    const bearer = await token(fake);
    fake.expireTokens();
    expect((await schedule(fake, invitesRequest(), { token: bearer })).status).toBe(401);
    expect((await schedule(fake, invitesRequest())).status).toBe(207);
  });

  it('refuses a body that is not application/json with 415', async () => {
    const res = await schedule(await etrusted(), invitesRequest(), { type: 'text/plain' });
    expect([res.status, await res.json()]).toEqual([415, { Message: 'Content-Type must be application/json' }]);
  });

  it('takes application/json with a charset', async () => {
    expect((await schedule(await etrusted(), invitesRequest(), { type: 'application/json; charset=utf-8' })).status).toBe(207);
  });

  it('refuses a body that is not JSON with 400 and an ErrorResponse', async () => {
    const res = await schedule(await etrusted(), '{"channel":');
    expect([res.status, await res.json()]).toEqual([400, { Message: 'body is not valid JSON' }]);
  });

  it.each([
    ['channel', invitesRequest({ channel: undefined }), 'channel is required'],
    ['channel.id', invitesRequest({ channel: { type: 'etrusted' } }), 'channel.id is required'],
    ['channel.type', invitesRequest({ channel: { id: ETRUSTED_CHANNEL_ID } }), 'channel.type is required'],
    ['system', invitesRequest({ system: undefined }), 'system is required'],
    ['systemVersion', invitesRequest({ systemVersion: undefined }), 'systemVersion is required'],
    ['invites', invitesRequest({ invites: undefined }), 'invites is required'],
  ])('refuses a request without %s with 400', async (_, body, message) => {
    const res = await schedule(await etrusted(), body);
    expect([res.status, await res.json()]).toEqual([400, { Message: message }]);
  });

  it.each([
    ['an empty list of invites', invitesRequest({ invites: [] }), 'invites must hold at least one invite'],
    ['an empty system', invitesRequest({ system: '' }), 'system must not be empty'],
    ['a channel type other than user_defined or etrusted', invitesRequest({ channel: { id: ETRUSTED_CHANNEL_ID, type: 'shop' } }), 'channel.type must be user_defined or etrusted'],
    ['an etrusted channel ID not shaped chl-<uuid>', invitesRequest({ channel: { id: 'chl-123', type: 'etrusted' } }), 'channel.id must be in the format chl-xxxxxxxx-yyyy-xxxx-yyyy-xxxxxxxxxxxx when channel.type is etrusted'],
    ['a body that is not an object', [invitesRequest()], 'body must be a JSON object'],
  ])('refuses %s with 400', async (_, body, message) => {
    const res = await schedule(await etrusted(), body);
    expect([res.status, await res.json()]).toEqual([400, { Message: message }]);
  });

  it.each([
    ['an etrusted channel', { id: 'chl-00000000-0000-4000-8000-000000000000', type: 'etrusted' }],
    ['a user_defined channel', { id: 'someone-elses-shop', type: 'user_defined' }],
  ])('refuses %s the account does not own with 400', async (_, channel) => {
    const fake = await etrusted();
    const res = await schedule(fake, invitesRequest({ channel }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ Message: expect.stringContaining('is not a channel of this account') });
    expect(fake.invites.size).toBe(0);
  });

  it.each([
    ['questionnaireTemplate', invite({ questionnaireTemplate: undefined }), 'questionnaireTemplate is required'],
    ['questionnaireTemplate.id', invite({ questionnaireTemplate: {} }), 'questionnaireTemplate.id is required'],
    ['template.id', invite({ template: {} }), 'template.id is required'],
    ['customer', invite({ customer: undefined }), 'customer is required'],
    ['customer.email', invite({ customer: { firstName: 'Ada' } }), 'customer.email is required'],
    ['transaction', invite({ transaction: undefined }), 'transaction is required'],
    ['transaction.reference', invite({ transaction: { date: '2024-05-02T09:30:00.000Z' } }), 'transaction.reference is required'],
    ['transaction.date', invite({ transaction: { reference: 'order-1001' } }), 'transaction.date is required'],
  ])('fails alone, with 400 inside the 207, an invite without %s', async (_, bad, reason) => {
    const fake = await etrusted();
    const res = await schedule(fake, invitesRequest({ invites: [bad, invite()] }));
    expect(res.status).toBe(207);
    expect(await res.json()).toEqual({ batchId: expect.any(String), successfulInvites: 1, failedInvites: [{ ...bad, status: 400, reasons: [reason] }] });
    expect(fake.invites.get(ETRUSTED_CHANNEL_ID)).toHaveLength(1);
  });

  it.each([
    ['an email that is not an email address', invite({ customer: { email: 'ada-at-example' } }), 'customer.email must be a valid email address'],
    ['a transaction date without milliseconds', invite({ transaction: { reference: 'r', date: '2024-05-02T09:30:00Z' } }), "transaction.date must be in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ"],
    ['a transaction date without a time', invite({ transaction: { reference: 'r', date: '2024-05-02' } }), "transaction.date must be in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ"],
    ['a transaction date that is not on the calendar', invite({ transaction: { reference: 'r', date: '2024-02-30T09:30:00.000Z' } }), "transaction.date must be in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ"],
    ['a preferredSendTime that is not a date-time', invite({ preferredSendTime: 'tomorrow' }), "preferredSendTime must be in the format yyyy-MM-dd'T'HH:mm:ss.SSSZ"],
    ['metadata that is not key-value pairs', invite({ metadata: ['a'] }), 'metadata must be an object'],
    ['a metadata value that is not a string', invite({ metadata: { score: 9 } }), 'metadata.score must be a string'],
    ['products that are not objects', invite({ transaction: { reference: 'r', date: '2024-05-02T09:30:00.000Z', products: ['sku-1'] } }), 'transaction.products.0 must be an object'],
  ])('fails alone, with 400 inside the 207, an invite with %s', async (_, bad, reason) => {
    const res = await schedule(await etrusted(), invitesRequest({ invites: [invite(), bad] }));
    expect(res.status).toBe(207);
    expect(await res.json()).toMatchObject({ successfulInvites: 1, failedInvites: [{ status: 400, reasons: [reason] }] });
  });

  it('takes date-times with the RFC 3339 offset +02:00 and the pattern offset +0200', async () => {
    const body = invitesRequest({
      invites: [invite({ transaction: { reference: 'a', date: '2024-05-02T09:30:00.000+02:00' } }), invite({ transaction: { reference: 'b', date: '2024-05-02T09:30:00.000+0200' } })],
    });
    expect(await (await schedule(await etrusted(), body)).json()).toMatchObject({ successfulInvites: 2, failedInvites: [] });
  });

  it('settles each invite on its own in a 207 when chosen invites are made to fail, for the next request only', async () => {
    const fake = await etrusted();
    fake.failInvites((inv) => inv.customer.email === 'bob@example.com', 409, 'invite already exists');
    const bob = invite({ customer: { email: 'bob@example.com' } });
    const res = await schedule(fake, invitesRequest({ invites: [invite(), bob] }));
    expect(res.status).toBe(207);
    expect(await res.json()).toEqual({ batchId: expect.any(String), successfulInvites: 1, failedInvites: [{ ...bob, status: 409, reasons: ['invite already exists'] }] });
    expect(await (await schedule(fake, invitesRequest({ invites: [bob] }))).json()).toMatchObject({ successfulInvites: 1, failedInvites: [] });
  });

  it('leaves out the batchId when no invite was scheduled', async () => {
    const fake = await etrusted();
    fake.failInvites(() => true, 500, 'scheduling is down');
    const res = await schedule(fake, invitesRequest());
    expect([res.status, await res.json()]).toEqual([207, { successfulInvites: 0, failedInvites: [{ ...invite(), status: 500, reasons: ['scheduling is down'] }] }]);
  });

  it('plays a fault injected with server.failNext, then answers from its rules again', async () => {
    const fake = await etrusted();
    fake.server.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '7' } }, { match: (call) => call.path === '/invites' });
    const bearer = await token(fake);
    const limited = await schedule(fake, invitesRequest(), { token: bearer });
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '7']);
    expect((await schedule(fake, invitesRequest(), { token: bearer })).status).toBe(207);
    expect(fake.server.calls.map((call) => [call.method, call.path, call.outcome])).toEqual([
      ['POST', '/oauth/token', 200],
      ['POST', '/invites', 429],
      ['POST', '/invites', 207],
    ]);
  });
});

describe('listing invites on the eTrusted fake', () => {
  it("answers the seed's example request with an InviteResponseListDto", async () => {
    const fake = await etrusted();
    await schedule(fake, invitesRequest({ invites: [invite({ customer: { email: 'search_term@example.com', firstName: 'Sam' } }), invite()] }));
    // The seed's example: GET /channels/{channelId}/invites?count=95&query=search_term, with its headers.
    const res = await list(fake, `/channels/${ETRUSTED_CHANNEL_ID}/invites?count=95&query=search_term`, { 'Content-Type': 'application/json', 'cache-control': 'no-cache' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[] };
    expect(body).toMatchObject({ totalElements: 0, paging: { count: 1, cursor: {}, links: {} } });
    expect(body.items).toEqual([
      expect.objectContaining({
        id: fake.invites.get(ETRUSTED_CHANNEL_ID)?.[0]?.id,
        _object: 'invite',
        channelRef: ETRUSTED_CHANNEL_ID,
        inviteSource: 'CUSTOM',
        customer: expect.objectContaining({ email: 'search_term@example.com', firstName: 'Sam' }),
        transaction: { reference: 'order-1001', date: '2024-05-02T09:30:00.000Z' },
        status: expect.objectContaining({ name: 'SCHEDULED' }),
      }),
    ]);
  });

  it('pages with after and before cursors and links that keep the query', async () => {
    const fake = await etrusted();
    const refs = ['a', 'b', 'c', 'd', 'e'].map((ref) => invite({ transaction: { reference: `order-${ref}`, date: '2024-05-02T09:30:00.000Z' } }));
    await schedule(fake, invitesRequest({ invites: refs }));
    const ids = fake.invites.get(ETRUSTED_CHANNEL_ID)?.map((s) => s.id) ?? [];
    type Page = { paging: { count: number; cursor: { after?: string; before?: string }; links: { next?: string; previous?: string } }; items: { id: string }[] };
    const first = (await (await list(fake, `/channels/${ETRUSTED_CHANNEL_ID}/invites?count=2&query=order`)).json()) as Page;
    expect([first.items.map((i) => i.id), first.paging.count, first.paging.cursor]).toEqual([ids.slice(0, 2), 2, { after: ids[1] }]);
    expect(first.paging.links.next).toBe(`${fake.server.url}/channels/${ETRUSTED_CHANNEL_ID}/invites?count=2&query=order&after=${ids[1]}`);
    const last = (await (await list(fake, `/channels/${ETRUSTED_CHANNEL_ID}/invites?count=2&after=${ids[3]}`)).json()) as Page;
    expect([last.items.map((i) => i.id), last.paging.count, last.paging.cursor]).toEqual([[ids[4]], 1, { before: ids[4] }]);
    const back = (await (await list(fake, `/channels/${ETRUSTED_CHANNEL_ID}/invites?count=2&before=${ids[4]}`)).json()) as Page;
    expect(back.items.map((i) => i.id)).toEqual(ids.slice(2, 4));
  });

  it('finds the channel by the Channel-Id header when the path says user-defined', async () => {
    const fake = await etrusted();
    await schedule(fake, invitesRequest());
    const res = await list(fake, '/channels/user-defined/invites', { 'Channel-Id': ETRUSTED_USER_DEFINED_CHANNEL_ID });
    expect([res.status, ((await res.json()) as { items: unknown[] }).items.length]).toEqual([200, 1]);
  });

  it('refuses a request without a token with 401', async () => {
    const fake = await etrusted();
    expect((await fetch(`${fake.server.url}/channels/${ETRUSTED_CHANNEL_ID}/invites`)).status).toBe(401);
  });

  it("refuses another account's eTrusted channel ID with 403", async () => {
    const res = await list(await etrusted(), '/channels/chl-00000000-0000-4000-8000-000000000000/invites');
    expect(res.status).toBe(403);
  });

  it.each([
    ['a user-defined ID in the path', `/channels/${ETRUSTED_USER_DEFINED_CHANNEL_ID}/invites`, {}],
    ['an unknown Channel-Id', '/channels/user-defined/invites', { 'Channel-Id': 'nobody' }],
    ['user-defined without a Channel-Id', '/channels/user-defined/invites', {}],
  ])('answers 404 for %s', async (_, path, headers) => {
    expect((await list(await etrusted(), path, headers)).status).toBe(404);
  });

  it.each([
    ['a count that is not a positive integer', `/channels/${ETRUSTED_CHANNEL_ID}/invites?count=0`, {}],
    ['a cursor that is not an invite of the list', `/channels/${ETRUSTED_CHANNEL_ID}/invites?after=nope`, {}],
    ['a Channel-Id header beside a real channel ID', `/channels/${ETRUSTED_CHANNEL_ID}/invites`, { 'Channel-Id': ETRUSTED_USER_DEFINED_CHANNEL_ID }],
  ])('refuses %s with 400', async (_, path, headers) => {
    const res = await list(await etrusted(), path, headers);
    expect([res.status, await res.json()]).toEqual([400, { Message: expect.any(String) }]);
  });
});
