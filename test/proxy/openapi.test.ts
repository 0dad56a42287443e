import { compileErrors, dereference, validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import type { Hono } from 'hono';
import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/proxy/openapi/openapi-document';
import { createOrgSettings } from '../../src/proxy/org-settings/org-settings';
import { postResponse, testApp, validPayload } from './fixtures';

const V1_HEADERS = { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'test', Authorization: 'Token token="tok"' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
type Method = (typeof METHODS)[number];

/** acme's token is `tok`; one template of each kind, so the template lists are not empty. */
async function documentedApp(): Promise<Hono> {
  const orgSettings = createOrgSettings({
    acme: {
      emailTemplates: [{ id: 10, name: 'Post Sale', from_name: 'Kate', from_email: 'kate@acme.example', subject: 'How did we do?', body: 'Hi', locale: 'en', archived: false }],
      textMessageTemplates: [{ id: 7, name: 'Post Sale SMS', body: 'Tell us: {{link-to-survey}}', locale: 'en', archived: true }],
    },
  });
  const { app } = await testApp({ openApiDocument, orgSettings, tokenLookup: async (t) => (t === 'tok' ? 'acme' : undefined) });
  return app;
}

async function servedDocument(app: Hono): Promise<OpenAPIV3_1.Document> {
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as OpenAPIV3_1.Document;
}

describe('GET /api/openapi.json', () => {
  let app: Hono;
  let served: OpenAPIV3_1.Document;
  beforeAll(async () => {
    app = await documentedApp();
    served = await servedDocument(app);
  });

  it('is served without a token, as OpenAPI 3.1', () => {
    expect(served.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('passes a real OpenAPI validator with no errors or warnings', async () => {
    // validate() dereferences in place, so it gets a copy.
    const result = await validate(structuredClone(served));
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.warnings).toEqual([]);
  });

  it('documents every route the app registers, and no route it does not', () => {
    const registered = new Set(
      app.routes
        // ALL: middleware and the 405 catch-alls; a wildcard: middleware (`/api/*`) or the demo pages (`/*`).
        // The dashboard's page and JSON API serve its own page behind a session cookie: not part of the integration API.
        .filter((route) => route.method !== 'ALL' && !route.path.endsWith('*') && !route.path.startsWith('/dashboard'))
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)(?:\{[^/]*\})?/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(served.paths ?? {}).flatMap(([path, item]) => METHODS.filter((m) => item?.[m]).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    expect([...documented].sort()).toEqual([...registered].sort());
    expect(documented.size).toBe(41);
  });

  it('is built once and reused', () => {
    expect(openApiDocument()).toBe(openApiDocument());
  });
});

/** Checks replies and request bodies against the document, with ajv for JSON Schema 2020-12 as OpenAPI 3.1 uses. */
interface Contract {
  /** Fails unless the reply's status, required headers, media type and JSON body are as documented; returns the body. */
  expectReply(res: Response, path: string, method: Method): Promise<unknown>;
  /** The documented request body schema's verdict on `body`: its errors, empty when valid. */
  requestErrors(path: string, method: Method, body: unknown): unknown[];
}

async function contractOf(served: OpenAPIV3_1.Document): Promise<Contract> {
  const doc = (await dereference(structuredClone(served))) as OpenAPIV3_1.Document;
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    formats: {
      'date-time': (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)),
      uri: (s: string) => URL.canParse(s),
      uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    },
  });
  const errorsOf = (schema: object, value: unknown) => {
    const check = ajv.compile(schema);
    return check(value) ? [] : (check.errors ?? []);
  };
  const operation = (path: string, method: Method) => {
    const found = doc.paths?.[path]?.[method];
    expect(found, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
    return found as OpenAPIV3_1.OperationObject;
  };
  return {
    async expectReply(res, path, method) {
      const where = `${res.status} of ${method.toUpperCase()} ${path}`;
      const reply = operation(path, method).responses?.[String(res.status)] as OpenAPIV3_1.ResponseObject | undefined;
      expect(reply, `${where} is documented`).toBeDefined();
      for (const [name, header] of Object.entries((reply?.headers ?? {}) as Record<string, OpenAPIV3_1.HeaderObject>)) {
        const raw = res.headers.get(name);
        if (header.required) expect(raw, `${where} has the header ${name}`).not.toBeNull();
        if (raw === null || !header.schema) continue;
        const schema = header.schema as OpenAPIV3_1.SchemaObject;
        const value = schema.type === 'integer' || schema.type === 'number' ? Number(raw) : raw;
        expect(errorsOf(schema, value), `${where}: header ${name}: ${raw}`).toEqual([]);
      }
      const mediaType = res.headers.get('Content-Type')?.split(';')[0]?.trim() ?? '';
      const content = reply?.content ?? {};
      expect(Object.keys(content), `${where} is sent as a documented media type`).toContain(mediaType);
      if (mediaType !== 'application/json') return res.text();
      const body: unknown = await res.json();
      const schema = content[mediaType]?.schema;
      expect(schema, `${where} documents its body`).toBeDefined();
      expect(errorsOf(schema as object, body), `${where}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
      return body;
    },
    requestErrors(path, method, body) {
      const requestBody = operation(path, method).requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
      const schema = requestBody?.content['application/json']?.schema;
      expect(schema, `${method.toUpperCase()} ${path} documents its body`).toBeDefined();
      return errorsOf(schema as object, body);
    },
  };
}

describe('real replies match the document', () => {
  let app: Hono;
  let contract: Contract;
  const get = (path: string, headers: Record<string, string> = V1_HEADERS) => app.request(path, { headers });
  const send = (method: 'POST' | 'PATCH', path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { ...V1_HEADERS, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const SITE = { site_code: 'hq', name: 'Head Office', region: 'Kent', city: 'Canterbury' };
  const STAFF = { code: 'luke', first_name: 'Luke', email: 'Luke@Acme.example', deactivated_at: null };
  // Replies of the writes the lists and lookups below depend on, checked in their own tests.
  const setup: Record<string, Response> = {};
  const ids = { site: '', staff: '', response: 0 };

  beforeAll(async () => {
    app = await documentedApp();
    contract = await contractOf(await servedDocument(app));
    setup.site = await send('POST', '/api/sites', SITE);
    setup.staff = await send('POST', '/api/staff', STAFF);
    setup.response = await postResponse(app, validPayload());
    setup.retry = await postResponse(app, validPayload());
    ids.site = ((await setup.site.clone().json()) as { id: string }).id;
    ids.staff = ((await setup.staff.clone().json()) as { id: string }).id;
    const listed = (await (await get('/api/feedback_responses')).json()) as { id: number }[];
    ids.response = listed[0]?.id ?? 0;
  });

  it.each([
    ['POST /api/sites', 201, 'site', '/api/sites', 'post'],
    ['POST /api/staff', 201, 'staff', '/api/staff', 'post'],
    ['POST /v1/responses', 201, 'response', '/v1/responses', 'post'],
    ['POST /v1/responses again, the same response,', 200, 'retry', '/v1/responses', 'post'],
  ] as const)('%s answers %i as documented', async (_name, status, key, path, method) => {
    const res = setup[key] as Response;
    expect(res.status).toBe(status);
    await contract.expectReply(res, path, method);
  });

  const lists = [
    '/api/feedback_responses',
    '/api/surveys',
    '/api/sites',
    '/api/staff',
    '/api/email_templates',
    '/api/text_message_templates',
  ];
  it.each(lists)('GET %s answers a non-empty page with the pagination headers', async (path) => {
    const res = await get(`${path}?per_page=5`);
    expect(res.status).toBe(200);
    const body = await contract.expectReply(res, path, 'get');
    expect(body).not.toEqual([]);
  });

  // [what, request, documented path, method, status]
  const cases: [string, () => Response | Promise<Response>, string, Method, number][] = [
    ['GET a feedback response', () => get(`/api/feedback_responses/${ids.response}`), '/api/feedback_responses/{id}', 'get', 200],
    ['GET a filtered list of feedback responses', () => get('/api/feedback_responses?email=mariner@example.com&staff_ids[]=1&created_since=2025-01-01T00:00:00Z'), '/api/feedback_responses', 'get', 200],
    ['GET a site by id', () => get(`/api/sites/${ids.site}`), '/api/sites/{id}', 'get', 200],
    ['GET a site by site_code', () => get('/api/sites/hq'), '/api/sites/{id}', 'get', 200],
    ['PATCH a site', () => send('PATCH', `/api/sites/${ids.site}`, { city: 'Dover', site_type: '' }), '/api/sites/{id}', 'patch', 200],
    ['GET staff by code', () => get('/api/staff?code=luke'), '/api/staff', 'get', 200],
    ['GET a staff member', () => get(`/api/staff/${ids.staff}`), '/api/staff/{id}', 'get', 200],
    ['PATCH a staff member', () => send('PATCH', `/api/staff/${ids.staff}`, { surname: 'Skywalker', deactivated_at: '2025-05-01T09:00:00+01:00' }), '/api/staff/{id}', 'patch', 200],
    ['GET /api/nps', () => get('/api/nps'), '/api/nps', 'get', 200],
    ['GET /api/nps for a period', () => get('/api/nps?period=current_year'), '/api/nps', 'get', 200],
    ['GET /api/csat', () => get('/api/csat?company_name=acme'), '/api/csat', 'get', 200],
    ['an unknown token', () => get('/api/sites', { ...V1_HEADERS, Authorization: 'Token token="nope"' }), '/api/sites', 'get', 401],
    ['no User-Agent', () => get('/api/sites', { Accept: V1_HEADERS.Accept, Authorization: V1_HEADERS.Authorization }), '/api/sites', 'get', 403],
    ['an unpermitted key', () => send('POST', '/api/sites', { ...SITE, site_code: 'two', colour: 'red' }), '/api/sites', 'post', 403],
    ['an unknown site', () => get('/api/sites/nowhere'), '/api/sites/{id}', 'get', 404],
    ['an unknown feedback response', () => get('/api/feedback_responses/999999'), '/api/feedback_responses/{id}', 'get', 404],
    ['no v1 Accept header', () => get('/api/sites', { ...V1_HEADERS, Accept: 'application/json' }), '/api/sites', 'get', 406],
    ['a per_page over 100', () => get('/api/sites?per_page=500'), '/api/sites', 'get', 422],
    ['an unknown period', () => get('/api/csat?period=fortnight'), '/api/csat', 'get', 422],
    ['a staff member without code or name', () => send('POST', '/api/staff', {}), '/api/staff', 'post', 422],
    ['a site_code already taken', () => send('POST', '/api/sites', SITE), '/api/sites', 'post', 422],
    ['malformed JSON', () => send('POST', '/api/sites', '{"site_code":'), '/api/sites', 'post', 400],
    ['a site over the API’s body limit', () => send('POST', '/api/sites', { ...SITE, name: 'x'.repeat(20_000) }), '/api/sites', 'post', 413],
    ['a body that is not JSON', () => send('POST', '/api/sites', 'site_code=hq', { 'Content-Type': 'application/x-www-form-urlencoded' }), '/api/sites', 'post', 415],
    ['GET a survey for the widget', () => get('/v1/surveys/acme/post-purchase?locale=fr', {}), '/v1/surveys/{org}/{survey}', 'get', 200],
    ['GET an unknown survey', () => get('/v1/surveys/acme/nope', {}), '/v1/surveys/{org}/{survey}', 'get', 404],
    ['an invalid widget response', () => postResponse(app, validPayload({ id: crypto.randomUUID(), answers: [{ question_id: 1, answer: 11 }] })), '/v1/responses', 'post', 422],
    ['a different response under a used id', () => postResponse(app, validPayload({ answers: [{ question_id: 1, answer: 3 }] })), '/v1/responses', 'post', 409],
    ['a widget response that is not JSON', () => postResponse(app, '{', { 'Content-Type': 'text/plain' }), '/v1/responses', 'post', 415],
    ['a widget response past the size limit', () => postResponse(app, validPayload({ metadata: { note: 'x'.repeat(70_000) } })), '/v1/responses', 'post', 413],
    ['a widget response from an origin not allowed', () => postResponse(app, validPayload({ id: crypto.randomUUID() }), { Origin: 'https://evil.example' }), '/v1/responses', 'post', 403],
    ['GET the survey JSON Schema', () => get('/v1/schema/survey.json', {}), '/v1/schema/survey.json', 'get', 200],
    ['GET the widget script', () => get('/survey_widget.js', {}), '/survey_widget.js', 'get', 200],
    ['GET the widget stylesheet before it is built', () => get('/survey_widget.css', {}), '/survey_widget.css', 'get', 404],
    ['GET the document itself', () => get('/api/openapi.json', {}), '/api/openapi.json', 'get', 200],
  ];
  it.each(cases)('%s answers as documented', async (_name, request, path, method, status) => {
    const res = await request();
    expect(res.status).toBe(status);
    await contract.expectReply(res, path, method);
  });
});

describe('replies over an abuse limit', () => {
  it('answer 429 with Retry-After and the RateLimit headers, as documented, on the widget\u2019s route and the API', async () => {
    const limits = { windowSeconds: 60, responsesPerIp: 1, responsesPerOrg: 0, apiPerIp: 1, apiPerOrg: 0, signInPerIp: 0 };
    const { app } = await testApp({ openApiDocument, rateLimits: limits, tokenLookup: async (t) => (t === 'tok' ? 'acme' : undefined) });
    const contract = await contractOf(await servedDocument(app));
    const api = () => app.request('/api/sites', { headers: { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'test', Authorization: 'Token token="tok"' } });
    for (const [request, path, method] of [
      [() => postResponse(app, validPayload({ id: crypto.randomUUID() })), '/v1/responses', 'post'],
      [api, '/api/sites', 'get'],
    ] as const) {
      await request();
      const res = await request();
      expect(res.status).toBe(429);
      expect(res.headers.get('Retry-After')).toMatch(/^\d+$/);
      await contract.expectReply(res, path, method);
    }
  });
});

describe('documented request bodies', () => {
  let contract: Contract;
  beforeAll(async () => {
    contract = await contractOf(await servedDocument(await documentedApp()));
  });

  it('accept the bodies the handlers accept, before their transforms', () => {
    expect(contract.requestErrors('/api/sites', 'post', { site_code: 'hq', name: 'Head Office', region: 'Kent', city: '' })).toEqual([]);
    expect(contract.requestErrors('/api/staff/{id}', 'patch', { deactivated_at: '2025-05-01T09:00:00+01:00', email: null })).toEqual([]);
    expect(contract.requestErrors('/v1/responses', 'post', validPayload())).toEqual([]);
  });

  it('refuse keys the API answers 403 for', () => {
    expect(contract.requestErrors('/api/sites', 'post', { site_code: 'hq', name: 'Head Office', region: 'Kent', colour: 'red' })).not.toEqual([]);
  });

  it('require what the API answers 422 without', () => {
    expect(contract.requestErrors('/api/staff', 'post', { first_name: 'Luke' })).not.toEqual([]);
  });
});
