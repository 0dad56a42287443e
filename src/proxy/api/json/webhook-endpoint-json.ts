import type { WebhookEndpointJson } from '../../../shared/api/webhook-schemas';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import type { WebhookEndpoint } from '../../store/webhook-store';

/** An endpoint as replies show it: the secrets are left out by construction, not by deletion. */
export function webhookEndpointJson(row: WebhookEndpoint): WebhookEndpointJson {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    disabled: row.disabled_at !== null,
    created_at: formatTimestamp(new Date(row.created_at)),
    updated_at: formatTimestamp(new Date(row.updated_at)),
  };
}
