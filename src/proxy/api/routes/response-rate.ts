import { Hono } from 'hono';
import { responseRateResult } from '../../../shared/metrics/response-rate';
import { defaultResponseRateRange } from '../../../shared/periods/date-periods';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import { jsonResponse } from '../../json-response';
import { apiFieldError, validationFailed } from '../api-errors';
import type { ApiDeps } from '../api-deps';
import type { ApiEnv } from '../api-env';
import { readQuery } from '../query-params';

/**
 * `GET /response_rate` (the seed's "Retrieve your response rate"): requests
 * sent in the range, those delivered, those replied to, and the rate. The
 * range defaults to midnight 32 days ago to midnight 2 days ago in the org's
 * time zone; `survey_ids[]` and `site_ids[]` narrow it.
 */
export function responseRate({ store, orgSettings, now }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/response_rate', async (c) => {
    const resource = '/response_rate';
    const org = c.get('org');
    const query = readQuery(new URL(c.req.url), resource);
    const given = { from: query.timestamp('from_time'), to: query.timestamp('to_time') };
    const surveyIds = query.ids('survey_ids');
    const siteIds = query.ids('site_ids');
    if (query.errors.length) return validationFailed(query.errors);
    const fallback = defaultResponseRateRange(now(), orgSettings.timeZone(org));
    const range = { from: given.from ?? fallback.from, to: given.to ?? fallback.to };
    if (range.from.getTime() > range.to.getTime()) {
      return validationFailed([apiFieldError(resource, 'to_time', 'invalid_date', { message: 'to_time is before from_time' })]);
    }
    // Requests carry a site's code (data[] site_code); an unknown site id matches nothing.
    const siteCodes = siteIds && (await Promise.all(siteIds.map((id) => store.sites.find(org, String(id))))).flatMap((s) => (s ? [s.site_code] : []));
    const counts = await store.feedbackRequests.responseRate(org, range.from.toISOString(), range.to.toISOString(), { surveyIds, siteCodes });
    return jsonResponse({ ...responseRateResult(counts), from_time: formatTimestamp(range.from), to_time: formatTimestamp(range.to) });
  });
  return app;
}
