import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../fake-server';
import { SECURATING_KEYWEBSITE, SECURATING_PROFILE_ID, startSecuratingFake, type SecuratingFake, type SecuratingFakeOptions } from './securating-fake';

const DAY = 24 * 60 * 60 * 1000;
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

async function securating(options?: SecuratingFakeOptions): Promise<SecuratingFake> {
  const fake = await startSecuratingFake(options);
  open.push(fake);
  return fake;
}

/** A receiver for the robots' calls, answering `answer`. */
async function receiver(answer = () => new Response('ok')): Promise<FakeServer> {
  const server = await startFakeServer(answer);
  open.push(server);
  return server;
}

/** The seed's PHP example, with a real address where it says 'mon-email-ici'. */
const seedExample = {
  keywebsite: 'ma-cle-de-verification',
  email: 'client@example.fr',
  first_name: 'prenom-de-mon-client-ici',
  last_name: 'nom-de-mon-client-ici',
  company_name: 'mon-entreprise-ici',
  days: '0',
  product: '25:0001',
  thematics: '1000100,1000200,1000400',
  url: 'https://mon-site-web/ma-page-web',
};
const minimal = { keywebsite: SECURATING_KEYWEBSITE, email: 'client@example.fr', url: 'https://mon-site-web/avis' };

function create(fake: SecuratingFake, fields: Record<string, string> | [string, string][]): Promise<Response> {
  return fetch(`${fake.server.url}/invitation/create`, { method: 'POST', body: new URLSearchParams(fields) });
}

async function expectRefused(response: Response, status: number, reason: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  const body = await response.text();
  expect(body).toMatch(/^error: /);
  expect(body).toMatch(reason);
}

describe('Securating invitation/create, success', () => {
  it('answers the seed’s PHP example with the link to collect the review, as plain text', async () => {
    const fake = await securating();
    const response = await create(fake, seedExample);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/);
    const [invitation] = fake.invitations;
    expect(await response.text()).toBe(`https://mon-site-web/ma-page-web?securating=${invitation?.id}`);
    expect(invitation?.request).toMatchObject({ email: 'client@example.fr', thematics: ['1000100', '1000200', '1000400'], days: 0, recallCount: 3 });
    expect(invitation?.request.fields.product).toBe('25:0001');
  });

  it('waits 6 days and sends 3 reminders by default', async () => {
    const fake = await securating();
    expect((await create(fake, minimal)).status).toBe(200);
    expect(fake.invitations[0]?.request).toMatchObject({ days: 6, recallCount: 3, thematics: [] });
  });

  it('keeps the relay’s days, reminders, meta_* and order_* fields and webhook', async () => {
    const fake = await securating();
    const response = await create(fake, {
      ...minimal,
      thematics: '2010100',
      days: '2',
      recall_count: '0',
      webhook: 'https://proxy.example/hooks/securating/tok123',
      meta_response: 'r-42',
      from_order: '1',
      order_number: 'A-1',
      order_date: '2024-05-01',
      order_item_type: 'service',
    });
    expect(response.status).toBe(200);
    expect(fake.invitations[0]?.request).toMatchObject({
      days: 2,
      recallCount: 0,
      webhook: 'https://proxy.example/hooks/securating/tok123',
      meta: { meta_response: 'r-42' },
      order: { order_number: 'A-1', order_date: '2024-05-01', order_item_type: 'service' },
    });
  });

  it('takes a known moderator profile, a valid EAN with its product, and a custom thematic index', async () => {
    const fake = await securating();
    const response = await create(fake, { ...minimal, profile_id: SECURATING_PROFILE_ID, product: 'P1', product_ean: '4006381333931', thematics: '1000999' });
    expect(response.status).toBe(200);
  });
});

describe('Securating invitation/create, refusals', () => {
  it('refuses a missing or unknown keywebsite with 401, and takes the keys it is given', async () => {
    const fake = await securating({ keys: ['cle-a', 'cle-b'] });
    await expectRefused(await create(fake, { ...minimal, keywebsite: '' }), 401, /keywebsite is missing/);
    await expectRefused(await create(fake, minimal), 401, /keywebsite is not a known key/);
    expect((await create(fake, { ...minimal, keywebsite: 'cle-b' })).status).toBe(200);
  });

  it.each(['email', 'url'])('refuses an invitation without %s', async (name) => {
    const fake = await securating();
    const fields: Record<string, string> = { ...minimal };
    delete fields[name];
    await expectRefused(await create(fake, fields), 400, new RegExp(`${name} is missing`));
  });

  it.each([
    ['four codes', '1000100,1000200,1000300,1000400', /at most 3 codes/],
    ['six digits', '100010', /not a \[V\]/],
    ['a visibility other than 1 or 2', '3000100', /not a \[V\]/],
    ['a language other than 00 or 01', '1020100', /not a \[V\]/],
    ['a reserved digit other than 0', '1001100', /not a \[V\]/],
    ['an index below 100', '1000099', /not a \[V\]/],
    ['a space after the comma', '1000100, 1000200', /not a \[V\]/],
    ['a trailing comma', '1000100,', /not a \[V\]/],
    ['a repeated code', '1000100,1000100', /repeated/],
  ])('refuses thematics with %s', async (_, thematics, reason) => {
    const fake = await securating();
    await expectRefused(await create(fake, { ...minimal, thematics }), 400, reason);
  });

  it.each([
    ['days', '-1'],
    ['days', '1.5'],
    ['days', ''],
    ['days', '366'],
    ['recall_count', 'trois'],
    ['recall_count', '11'],
    ['survey_only', 'true'],
    ['with_gift', '2'],
    ['from_order', 'oui'],
    ['email', 'mon-email-ici'],
    ['url', 'mon-site-web/ma-page'],
    ['webhook', 'ftp://ws.monsite.com/securating'],
    ['customer_link', 'www.client.fr'],
    ['product_ean', '4006381333932'],
    ['order_date', '01/05/2024'],
    ['order_item_type', 'gift'],
  ])('refuses %s=%j', async (name, value) => {
    const fake = await securating();
    await expectRefused(await create(fake, { ...minimal, product: 'P1', [name]: value }), 400, new RegExp(`^error: ${name}: `));
  });

  it('refuses a parameter the seed does not list, the PHP array form included', async () => {
    const fake = await securating();
    await expectRefused(await create(fake, { ...minimal, recall: '2' }), 400, /recall: not a parameter/);
    await expectRefused(await create(fake, { ...minimal, 'thematics[]': '1000100' }), 400, /thematics\[\]: not a parameter/);
    await expectRefused(await create(fake, { ...minimal, order_total: '12' }), 400, /order_total: not a parameter/);
  });

  it('refuses a parameter sent twice', async () => {
    const fake = await securating();
    const fields: [string, string][] = [...Object.entries(minimal), ['thematics', '1000100'], ['thematics', '1000200']];
    await expectRefused(await create(fake, fields), 400, /thematics: sent more than once/);
  });

  it('refuses a thematic-only survey without thematics', async () => {
    const fake = await securating();
    await expectRefused(await create(fake, { ...minimal, survey_only: '1' }), 400, /thematics is missing/);
  });

  it('refuses a product EAN or description without the product', async () => {
    const fake = await securating();
    await expectRefused(await create(fake, { ...minimal, product_desc: 'Chaise' }), 400, /product_desc needs product/);
  });

  it('refuses a moderator profile not created in the manager', async () => {
    const fake = await securating();
    await expectRefused(await create(fake, { ...minimal, profile_id: '999' }), 400, /profile_id/);
  });

  it('refuses a service that ends before it starts', async () => {
    const fake = await securating();
    const fields = { ...minimal, order_service_start: '2024-05-10', order_service_end: '2024-05-01' };
    await expectRefused(await create(fake, fields), 400, /order_service_end: before/);
  });

  it('refuses JSON, multipart and an untyped body with 415', async () => {
    const fake = await securating();
    const url = `${fake.server.url}/invitation/create`;
    const json = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(minimal) });
    await expectRefused(json, 415, /x-www-form-urlencoded/);
    const form = new FormData();
    for (const [name, value] of Object.entries(minimal)) form.append(name, value);
    await expectRefused(await fetch(url, { method: 'POST', body: form }), 415, /x-www-form-urlencoded/);
    await expectRefused(await fetch(url, { method: 'POST', body: new Blob([new URLSearchParams(minimal).toString()]) }), 415, /x-www-form-urlencoded/);
    expect(fake.invitations).toEqual([]);
  });

  it('answers 405 to anything but POST, and 404 elsewhere', async () => {
    const fake = await securating();
    const get = await fetch(`${fake.server.url}/invitation/create?${new URLSearchParams(minimal)}`);
    expect([get.status, get.headers.get('Allow')]).toEqual([405, 'POST']);
    expect((await fetch(`${fake.server.url}/invitation/send`, { method: 'POST', body: new URLSearchParams(minimal) })).status).toBe(404);
  });
});

describe('Securating invitation/create, 24 hours between invitations to one email', () => {
  it('refuses a second invitation to the same email, in any case, within 24 hours, with 409', async () => {
    let clock = Date.UTC(2024, 4, 1);
    const fake = await securating({ now: () => clock });
    expect((await create(fake, minimal)).status).toBe(200);
    clock += DAY - 1;
    await expectRefused(await create(fake, { ...minimal, email: 'Client@Example.FR' }), 409, /less than 24 hours/);
    clock += 1;
    expect((await create(fake, minimal)).status).toBe(200);
    expect(fake.invitations).toHaveLength(2);
  });

  it('lets force_invitation with any value through, and other sites’ invitations do not count', async () => {
    const fake = await securating({ keys: [SECURATING_KEYWEBSITE, 'autre-site'] });
    expect((await create(fake, minimal)).status).toBe(200);
    expect((await create(fake, { ...minimal, force_invitation: '0' })).status).toBe(200);
    expect((await create(fake, { ...minimal, keywebsite: 'autre-site' })).status).toBe(200);
    await expectRefused(await create(fake, { ...minimal, force_invitation: '' }), 409, /24 hours/);
  });
});

describe('Securating webhooks', () => {
  async function invited(fake: SecuratingFake, hook: FakeServer, fields: Record<string, string> = {}): Promise<string> {
    const response = await create(fake, { ...minimal, days: '0', webhook: `${hook.url}/securating?id=123456`, meta_survey: 's1', ...fields });
    expect(response.status).toBe(200);
    return fake.invitations.at(-1)?.id as string;
  }

  it('calls the webhook for every step with step and the meta_* fields, and review-saved with rating and a base64 comment', async () => {
    const fake = await securating();
    const hook = await receiver();
    const id = await invited(fake, hook, { recall_count: '1' });
    for (const step of ['invitation-created', 'mail-send', 'mail-recall', 'link-opened'] as const) {
      expect(await fake.fireWebhook(id, step)).toMatchObject({ status: 200, body: 'ok', accepted: true });
    }
    const saved = await fake.fireWebhook(id, 'review-saved', { rating: 4, comment: 'Très bien, merci !' });
    expect(saved.accepted).toBe(true);

    expect(hook.calls.map((c) => [c.method, c.path, c.query.get('id'), c.query.get('step'), c.query.get('meta_survey')])).toEqual(
      ['invitation-created', 'mail-send', 'mail-recall', 'link-opened', 'review-saved'].map((step) => ['GET', '/securating', '123456', step, 's1']),
    );
    const review = hook.calls[4]?.query;
    expect(review?.get('rating')).toBe('4');
    expect(Buffer.from(review?.get('comment') ?? '', 'base64').toString('utf8')).toBe('Très bien, merci !');
    expect(hook.calls[1]?.query.has('rating')).toBe(false);
  });

  it('reports an answer the robots would not take: a 5xx, or a body without ok or success', async () => {
    const fake = await securating();
    const hook = await receiver(() => new Response('received'));
    const id = await invited(fake, hook);
    expect(await fake.fireWebhook(id, 'invitation-created')).toMatchObject({ status: 200, accepted: false });
    hook.failNext({ kind: 'status', status: 500, body: 'ok' });
    expect(await fake.fireWebhook(id, 'mail-send')).toMatchObject({ status: 500, accepted: false });
  });

  it('only plays what the robots could: the mail after its days, reminders as counted and before the review', async () => {
    let clock = Date.UTC(2024, 4, 1);
    const fake = await securating({ now: () => clock });
    const hook = await receiver();
    const id = await invited(fake, hook, { days: '2', recall_count: '1' });
    await expect(fake.fireWebhook(id, 'mail-send')).rejects.toThrow(/waits 2 day/);
    await expect(fake.fireWebhook(id, 'mail-recall')).rejects.toThrow(/follows the invitation mail/);
    clock += 2 * DAY;
    await fake.fireWebhook(id, 'mail-send');
    await fake.fireWebhook(id, 'mail-recall');
    await expect(fake.fireWebhook(id, 'mail-recall')).rejects.toThrow(/only 1 reminder/);
    await expect(fake.fireWebhook(id, 'review-saved')).rejects.toThrow(/rating/);
    await expect(fake.fireWebhook(id, 'link-opened', { rating: 5 })).rejects.toThrow(/rating/);
    expect(hook.calls.map((c) => c.query.get('step'))).toEqual(['mail-send', 'mail-recall']);
  });
});

describe('Securating faults', () => {
  it('plays a fault queued with server.failNext, then answers from its rules again', async () => {
    const fake = await securating();
    fake.server.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '3' } });
    const busy = await create(fake, minimal);
    expect([busy.status, busy.headers.get('Retry-After')]).toEqual([429, '3']);
    expect(fake.invitations).toEqual([]);
    expect((await create(fake, minimal)).status).toBe(200);
    expect(fake.server.calls.map((c) => c.outcome)).toEqual([429, 200]);
  });
});
