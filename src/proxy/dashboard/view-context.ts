import type { Context } from 'hono';
import type { FieldError } from '../../shared/error-body';
import type { DatePeriod } from '../../shared/periods/date-periods';
import type { DaySpan } from '../../shared/periods/day-span';
import type { Survey } from '../../shared/survey-schema';
import { validationFailed } from '../api/api-errors';
import { fieldError } from '../validation-error';
import type { DashboardDeps, SessionVariables } from './dashboard-deps';
import { viewSpans } from './view-span';

/** What every view's query resolves to: the org, its zone, the days, and the surveys in view. */
export interface ViewContext {
  org: string;
  tz: string;
  current: DaySpan;
  previous: DaySpan;
  surveys: Survey[];
  /** Undefined for all of the org's surveys. */
  surveyIds?: number[];
}

/**
 * Resolves a parsed view query against the signed-in org, or answers the 422
 * (an impossible date, a survey the org does not have) every route would give.
 */
export function viewContext(
  c: Context<{ Variables: SessionVariables }>,
  deps: DashboardDeps,
  query: { period?: DatePeriod; from?: string; to?: string; survey_id?: number },
): ViewContext | Response {
  const org = c.get('org');
  const tz = deps.orgSettings.timeZone(org);
  const spans = viewSpans(query, deps.now(), tz);
  const errors: FieldError[] = spans.ok ? [] : [...spans.errors];
  const all = deps.catalog.list(org);
  const surveys = query.survey_id === undefined ? all : all.filter((s) => s.id === query.survey_id);
  if (query.survey_id !== undefined && surveys.length === 0) errors.push(fieldError('survey_id', 'invalid_value', { message: 'no survey of this org has this id' }));
  if (!spans.ok || errors.length > 0) return validationFailed(errors);
  return { org, tz, current: spans.current, previous: spans.previous, surveys, ...(query.survey_id !== undefined && { surveyIds: [query.survey_id] }) };
}
