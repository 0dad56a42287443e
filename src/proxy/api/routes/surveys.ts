import { Hono } from 'hono';
import { validationFailed } from '../api-errors';
import type { ApiDeps } from '../api-deps';
import type { ApiEnv } from '../api-env';
import { surveyJson } from '../json/survey-json';
import { paginated, readPage } from '../pagination';

/** `GET /surveys`: the org's survey files, "sorted by name". */
export function surveys({ catalog }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/', (c) => {
    const url = new URL(c.req.url);
    const page = readPage(url, '/surveys');
    if (Array.isArray(page)) return validationFailed(page);
    const all = catalog.list(c.get('org')).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    return paginated(url, all.slice(page.offset, page.offset + page.limit).map(surveyJson), all.length, page);
  });
  return app;
}
