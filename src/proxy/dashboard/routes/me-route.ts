import { Hono } from 'hono';
import type { MeJson, SurveyInfoJson } from '../../../shared/dashboard/dashboard-replies';
import { resolveScale } from '../../../shared/rating-scale';
import type { Survey } from '../../../shared/survey-schema';
import { jsonResponse } from '../../json-response';
import type { DashboardDeps, SessionVariables } from '../dashboard-deps';
import { dimensionKind, dimensionOrder, memberLabels } from '../member-labels';

const MEMBERS_SHOWN = 200;

/** `GET /me`: the org, its zone, its surveys' rating questions, and the dimensions to filter and rank by. */
export function meRoute(deps: DashboardDeps): Hono<{ Variables: SessionVariables }> {
  const app = new Hono<{ Variables: SessionVariables }>();
  const labels = memberLabels(deps.store);
  app.get('/me', async (c) => {
    const org = c.get('org');
    const dims = [...new Set(['site_code', 'staff_code', ...(await deps.store.stats.dimensions(org))])].sort(dimensionOrder);
    const dimensions = await Promise.all(
      dims.map(async (key) => {
        const [members, label] = await Promise.all([deps.store.stats.members(org, key, MEMBERS_SHOWN), labels(org, key)]);
        return { key, kind: dimensionKind(key), members: members.map(({ value }) => ({ value, label: label(value) })) };
      }),
    );
    const body: MeJson = {
      org,
      time_zone: deps.orgSettings.timeZone(org),
      surveys: deps.catalog.list(org).map((survey) => surveyInfo(survey, deps.catalog.codeById(org, survey.id) ?? String(survey.id))),
      dimensions,
      expires_at: c.get('sessionExpiresAt').toISOString(),
    };
    return jsonResponse(body);
  });
  return app;
}

function surveyInfo(survey: Survey, code: string): SurveyInfoJson {
  return {
    id: survey.id,
    code,
    name: survey.name,
    rating_questions: survey.questions.flatMap((q) => {
      if (q.answer_type !== 'Rating') return [];
      const scale = resolveScale(q.scale);
      return [{ id: q.id, question: q.question, scale: scale.preset, min: scale.min, max: scale.max, ...(scale.minLabel && { min_label: scale.minLabel }), ...(scale.maxLabel && { max_label: scale.maxLabel }) }];
    }),
  };
}
