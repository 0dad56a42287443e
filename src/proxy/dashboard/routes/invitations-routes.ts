import { Hono } from 'hono';
import { InvitationListQuerySchema } from '../../../shared/dashboard/dashboard-query';
import type { InvitationListJson } from '../../../shared/dashboard/dashboard-replies';
import { notFound, validationFailed } from '../../api/api-errors';
import { feedbackRequestJson } from '../../api/json/feedback-request-json';
import { jsonResponse } from '../../json-response';
import type { DashboardDeps, SessionVariables } from '../dashboard-deps';
import { parseQuery } from '../parse-query';

/** `GET /invitations`: the org's feedback requests, newest first; `GET /invitations/:id` with its timeline. */
export function invitationsRoutes(deps: DashboardDeps): Hono<{ Variables: SessionVariables }> {
  const app = new Hono<{ Variables: SessionVariables }>();
  const base = (url: string) => deps.publicUrl ?? new URL(url).origin;
  app.get('/invitations', async (c) => {
    const parsed = parseQuery(new URL(c.req.url), InvitationListQuerySchema);
    if (!parsed.ok) return validationFailed(parsed.errors);
    const { state, page, limit } = parsed.value;
    const { rows, total } = await deps.store.feedbackRequests.list(c.get('org'), { state }, { limit, offset: (page - 1) * limit });
    const body: InvitationListJson = { items: rows.map((r) => feedbackRequestJson(r, base(c.req.url))), total, page, limit };
    return jsonResponse(body);
  });
  app.get('/invitations/:id{[1-9][0-9]{0,15}}', async (c) => {
    const request = await deps.store.feedbackRequests.find(c.get('org'), Number(c.req.param('id')));
    if (!request) return notFound('No such invitation');
    return jsonResponse(feedbackRequestJson(request, base(c.req.url), await deps.store.feedbackRequests.timeline(request.row.id)));
  });
  return app;
}
