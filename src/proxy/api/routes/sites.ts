import { Hono } from 'hono';
import { SiteCreateSchema, SitePatchSchema } from '../../../shared/api/api-inputs';
import { jsonResponse } from '../../json-response';
import type { SiteFields } from '../../store/site-store';
import { noSuch, validationFailed } from '../api-errors';
import { codeTaken, isTaken } from '../code-taken';
import type { ApiDeps } from '../api-deps';
import type { ApiEnv } from '../api-env';
import { readJsonBody } from '../json-body';
import { siteJson } from '../json/site-json';
import { paginated, readPage } from '../pagination';

/**
 * Sites: `POST /sites`, `GET /sites` ("sorted by name"), `GET /sites/:id`
 * and `PATCH /sites/:id`, where `:id` is our id or the site's code (the
 * seed's own examples use `/sites/hq`). `site_code` is unique per org.
 */
export function sites({ store, now }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/', async (c) => {
    const body = await readJsonBody(c, SiteCreateSchema, '/sites');
    if (!body.ok) return body.response;
    const { site_code, name, region, city = null, site_type = null } = body.value;
    const created = await store.sites.create(c.get('org'), { site_code, name, region, city, site_type }, now());
    if (isTaken(created)) return codeTaken('/sites', created);
    return jsonResponse(siteJson(created), 201, { Location: new URL(`${c.req.url.replace(/\/$/, '')}/${created.id}`).href });
  });

  app.get('/', async (c) => {
    const url = new URL(c.req.url);
    const page = readPage(url, '/sites');
    if (Array.isArray(page)) return validationFailed(page);
    const { rows, total } = await store.sites.list(c.get('org'), page);
    return paginated(url, rows.map(siteJson), total, page);
  });

  app.get('/:id', async (c) => {
    const site = await store.sites.find(c.get('org'), c.req.param('id'));
    return site ? jsonResponse(siteJson(site)) : noSuch('site', c.req.param('id'));
  });

  app.patch('/:id', async (c) => {
    const org = c.get('org');
    const site = await store.sites.find(org, c.req.param('id'));
    if (!site) return noSuch('site', c.req.param('id'));
    const resource = `/sites/${site.id}`;
    const body = await readJsonBody(c, SitePatchSchema, resource);
    if (!body.ok) return body.response;
    const patch = Object.fromEntries(Object.entries(body.value).filter(([, v]) => v !== undefined)) as Partial<SiteFields>;
    const updated = await store.sites.update(org, site.id, patch, now());
    if (isTaken(updated)) return codeTaken(resource, updated);
    return jsonResponse(siteJson(updated));
  });
  return app;
}
