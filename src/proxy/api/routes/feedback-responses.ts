import { Hono } from 'hono';
import { jsonResponse } from '../../json-response';
import { noSuch, validationFailed } from '../api-errors';
import type { ApiDeps } from '../api-deps';
import type { ApiEnv } from '../api-env';
import { feedbackResponseJson } from '../json/feedback-response-json';
import { paginated, readPage } from '../pagination';
import { readQuery } from '../query-params';

const RESOURCE = '/feedback_responses';

/**
 * `GET /feedback_responses` ("returned in reverse chronological order";
 * created_since, updated_since, email, survey_ids[], site_ids[], staff_ids[];
 * and, not in the seed, verified)
 * and `GET /feedback_responses/:id`. Read only, as in the seed.
 */
export function feedbackResponses({ store, catalog }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const surveyName = (org: string, id: number) => catalog.byId(org, id)?.name ?? null;
  // The requests a page of responses answers, in one query.
  const requestsFor = async (rows: { feedback_request_id: number | null }[]) => {
    const ids = [...new Set(rows.flatMap((r) => (r.feedback_request_id === null ? [] : [r.feedback_request_id])))];
    return new Map((await store.feedbackRequests.byIds(ids)).map((r) => [r.row.id, r.row]));
  };

  app.get('/', async (c) => {
    const url = new URL(c.req.url);
    const page = readPage(url, RESOURCE);
    const query = readQuery(url, RESOURCE);
    const filter = {
      createdSince: query.timestamp('created_since')?.toISOString(),
      updatedSince: query.timestamp('updated_since')?.toISOString(),
      email: query.text('email'),
      surveyIds: query.ids('survey_ids'),
      siteIds: query.ids('site_ids'),
      staffIds: query.ids('staff_ids'),
      verified: query.flag('verified'),
    };
    const errors = [...(Array.isArray(page) ? page : []), ...query.errors];
    if (errors.length || Array.isArray(page)) return validationFailed(errors);
    const org = c.get('org');
    const { rows, total } = await store.responses.list(org, filter, page);
    const requests = await requestsFor(rows);
    return paginated(url, rows.map((row) => feedbackResponseJson(row, surveyName(org, row.survey_id), requests.get(row.feedback_request_id ?? 0) ?? null)), total, page);
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const org = c.get('org');
    const row = /^[1-9]\d{0,15}$/.test(id) ? await store.responses.find(org, Number(id)) : undefined;
    if (!row) return noSuch('feedback response', id);
    const requests = await requestsFor([row]);
    return jsonResponse(feedbackResponseJson(row, surveyName(org, row.survey_id), requests.get(row.feedback_request_id ?? 0) ?? null));
  });
  return app;
}
