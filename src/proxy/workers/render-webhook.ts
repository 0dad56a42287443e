import { feedbackRequestJson } from '../api/json/feedback-request-json';
import { feedbackResponseJson } from '../api/json/feedback-response-json';
import type { Store } from '../store/open-store';
import type { SurveyCatalog } from '../survey-catalog';
import type { WebhookRender } from './webhook-worker';

/**
 * A webhook's `data`: the response or request exactly as `GET
 * /api/feedback_responses/:id` and `GET /api/feedback_requests/:id` show it
 * (without the timeline), at its first delivery attempt. Undefined when the
 * subject no longer exists.
 */
export function createWebhookRender(store: Store, catalog: SurveyCatalog, publicUrl: string): WebhookRender {
  return async (type, org, id) => {
    if (type === 'feedback_request.updated') {
      const request = await store.feedbackRequests.find(org, id);
      return request && feedbackRequestJson(request, publicUrl);
    }
    const row = await store.responses.find(org, id);
    if (!row) return undefined;
    const [request] = row.feedback_request_id === null ? [] : await store.feedbackRequests.byIds([row.feedback_request_id]);
    return feedbackResponseJson(row, catalog.byId(org, row.survey_id)?.name ?? null, request?.row ?? null);
  };
}
