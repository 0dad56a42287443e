/**
 * The Solicitation API's HTTP rules as a Hono app: auth, methods, content type, JSON, then the
 * pure checks of `critizr-rules.ts` and the store. Paths are the seed's, without a trailing
 * slash ("https://api.critizr.com/v2/solicitations"): `/v2/solicitations/` is a 404, strictly.
 */
import { Hono, type Context } from 'hono';
import { checkBulk, checkSolicitation, type CritizrCatalog } from './critizr-rules';
import type { CritizrStore } from './critizr-store';

export interface CritizrAppDeps {
  store: CritizrStore;
  catalog: CritizrCatalog;
  /** The access tokens the fake accepts. */
  tokens: readonly string[];
}

/** Lists answer one DRF page holding everything: the seed documents no pagination. */
const page = <T>(results: T[]) => ({ count: results.length, next: null, previous: null, results });

/**
 * The seed's only word on auth is "you can use your access token to make direct requests". The
 * fake reads it as an OAuth-style `Authorization: Bearer {token}` header, refused with a DRF 401.
 */
function authenticate(c: Context, tokens: readonly string[]): Response | undefined {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer (\S+)$/i.exec(header.trim());
  const challenge = { 'WWW-Authenticate': 'Bearer realm="api"' };
  if (!match) return c.json({ detail: 'Authentication credentials were not provided.' }, 401, challenge);
  if (!tokens.includes(match[1] ?? '')) return c.json({ detail: 'Invalid token.' }, 401, challenge);
  return undefined;
}

/**
 * A POST body as a JSON object, or the reply refusing it. Every payload of the seed is JSON and
 * it names no other format, so anything but `Content-Type: application/json` is a 415 (strict).
 */
async function readJsonObject(c: Context): Promise<Record<string, unknown> | Response> {
  const contentType = c.req.header('content-type') ?? '';
  if (contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    return c.json({ detail: `Unsupported media type "${contentType}" in request.` }, 415);
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (error) {
    return c.json({ detail: `JSON parse error - ${(error as Error).message}` }, 400);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const got = Array.isArray(body) ? 'list' : body === null ? 'null' : typeof body;
    return c.json({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] }, 400);
  }
  return body as Record<string, unknown>;
}

const notAllowed = (allow: string) => (c: Context) =>
  c.json({ detail: `Method "${c.req.method}" not allowed.` }, 405, { Allow: allow });

/** The fake's rules; never listens (`startCritizrFake` binds it). */
export function createCritizrApp({ store, catalog, tokens }: CritizrAppDeps): Hono {
  const app = new Hono();

  // Auth comes before everything, 404s included, as DRF authenticates before routing errors.
  app.use('*', async (c, next) => authenticate(c, tokens) ?? next());

  // "Use the endpoint url https://api.critizr.com/v2/solicitations with the POST verb."
  app.post('/v2/solicitations', async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const checked = checkSolicitation(body, catalog);
    if (!checked.ok) return c.json(checked.errors, 400);
    // The seed shows no reply; a create answers 201 with the solicitation, its id and status.
    return c.json(store.add(checked.value), 201);
  });

  // "Use the endpoint url https://api.critizr.com/v2/solicitations/bulk with the POST verb."
  app.post('/v2/solicitations/bulk', async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const checked = checkBulk(body, catalog);
    if (!checked.ok) return c.json(checked.errors, 400);
    // No reply shown either: 201 with the created solicitations in the order of "data".
    return c.json(checked.value.map((s) => store.add(s)), 201);
  });
  app.all('/v2/solicitations/bulk', notAllowed('POST'));

  // "you can send a GET request at https://api.critizr.com/v2/solicitations to see these new
  // solicitations."
  app.get('/v2/solicitations', (c) => c.json(page([...store.solicitations])));
  app.all('/v2/solicitations', notAllowed('GET, POST'));

  // "Now you can send a GET request to see this new solicitation and keep track of its status'
  // evolutions!" The seed names no path; the fake reads it as /v2/solicitations/{id}.
  app.get('/v2/solicitations/:id', (c) => {
    const id = c.req.param('id');
    const found = /^\d+$/.test(id) ? store.get(Number(id)) : undefined;
    return found ? c.json(found) : c.json({ detail: 'Not found.' }, 404);
  });
  app.all('/v2/solicitations/:id', notAllowed('GET'));

  // "Call the endpoint url https://api.critizr.com/v2/places with the GET parameter "partner_id"
  // filled in with your internal point of sales code." Without it, every place.
  app.get('/v2/places', (c) => {
    const partnerId = c.req.query('partner_id');
    return c.json(page(catalog.places.filter((p) => partnerId === undefined || p.partner_id === partnerId)));
  });
  app.all('/v2/places', notAllowed('GET'));

  // "Call the endpoint url https://api.critizr.com/v2/surveys to obtain the ID corresponding to
  // the right survey."
  app.get('/v2/surveys', (c) => c.json(page([...catalog.surveys])));
  app.all('/v2/surveys', notAllowed('GET'));

  // "Call the endpoint url https://api.critizr.com/v2/configuration to get the attribute list";
  // ""required" tells you which attribute is mandatory or not". The shape is the fake's choice.
  app.get('/v2/configuration', (c) => c.json({ context: catalog.contextAttributes }));
  app.all('/v2/configuration', notAllowed('GET'));

  app.notFound((c) => c.json({ detail: 'Not found.' }, 404));
  return app;
}
