import { Hono } from 'hono';
import { csatResult } from '../../../shared/metrics/csat';
import { npsResult } from '../../../shared/metrics/nps';
import { DATE_PERIODS, defaultMetricsRange, isDatePeriod, periodRange, type DatePeriod } from '../../../shared/periods/date-periods';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import { jsonResponse } from '../../json-response';
import type { RatingFilter } from '../../store/rating-store';
import type { RatingKind } from '../../store/tables';
import { apiFieldError, validationFailed } from '../api-errors';
import type { ApiDeps } from '../api-deps';
import type { ApiContext, ApiEnv } from '../api-env';
import { readQuery } from '../query-params';

/**
 * `GET /nps` and `GET /csat`: from_time (default midnight 30 days ago), to_time
 * (default now), period (wins over both; computed in the org's time zone),
 * company_name (case-insensitive contains), survey_ids[], site_ids[],
 * staff_ids[]. The counting is the store's; the scores are the shared
 * `npsResult` / `csatResult`, the same the dashboard uses.
 */
export function metrics({ store, orgSettings, now }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  async function measure(c: ApiContext, scale: RatingKind): Promise<Response> {
    const resource = `/${scale}`;
    const url = new URL(c.req.url);
    const query = readQuery(url, resource);
    const org = c.get('org');
    const period = query.text('period');
    const filter: RatingFilter = {
      surveyIds: query.ids('survey_ids'),
      siteIds: query.ids('site_ids'),
      staffIds: query.ids('staff_ids'),
      companyName: query.text('company_name'),
    };
    const given = { from: query.timestamp('from_time'), to: query.timestamp('to_time') };
    if (period !== undefined && !isDatePeriod(period)) {
      query.errors.push(apiFieldError(resource, 'period', 'invalid_value', { allowed_values: DATE_PERIODS }));
    }
    if (query.errors.length) return validationFailed(query.errors);
    const clock = now();
    const zone = orgSettings.timeZone(org);
    // "If you pass both from/to times and period, the times you passed will be ignored."
    const fallback = defaultMetricsRange(clock, zone);
    const range = period !== undefined
      ? periodRange(period as DatePeriod, clock, zone) // checked above: a bad period is already a 422
      : { from: given.from ?? fallback.from, to: given.to ?? fallback.to };
    if (range.from.getTime() > range.to.getTime()) {
      return validationFailed([apiFieldError(resource, 'to_time', 'invalid_date', { message: 'to_time is before from_time' })]);
    }
    const counts = await store.ratings.counts(org, scale, range, filter);
    const times = { from_time: formatTimestamp(range.from), to_time: formatTimestamp(range.to) };
    return jsonResponse(scale === 'nps' ? { ...npsResult(counts), ...times } : { ...csatResult(counts), ...times });
  }

  app.get('/nps', (c) => measure(c, 'nps'));
  app.get('/csat', (c) => measure(c, 'csat'));
  return app;
}
