import type { WebhookDeliveryJson } from '../../../shared/api/webhook-schemas';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import type { WebhookDeliveryView } from '../../store/webhook-store';

const stamp = (iso: string | null) => (iso === null ? null : formatTimestamp(new Date(iso)));

/** One delivery in the endpoint's log: its state, attempts and last answer, never its body. */
export function webhookDeliveryJson(row: WebhookDeliveryView): WebhookDeliveryJson {
  return {
    id: row.id,
    message_id: row.message_id,
    type: row.type as WebhookDeliveryJson['type'],
    subject_id: row.subject_id,
    status: row.delivered_at !== null ? 'delivered' : row.failed_at !== null ? 'failed' : 'pending',
    attempts: row.attempts,
    next_attempt_at: row.delivered_at === null && row.failed_at === null ? stamp(row.next_attempt_at) : null,
    created_at: formatTimestamp(new Date(row.created_at)),
    delivered_at: stamp(row.delivered_at),
    failed_at: stamp(row.failed_at),
    last_status: row.last_status,
    last_error: row.last_error,
  };
}
