/**
 * A feedback request as every relay adapter reads it: CustomerSure's
 * `POST /feedback_requests` (the seed's "Feedback Requests"), validated and
 * normalised, with times as ISO UTC instants. Adapters translate it into
 * their system's call; they never see our database.
 */
export interface RelayRequest {
  /** Our feedback request id: the idempotency key adapters pass on where their system takes one. */
  id: number;
  org: string;
  /** `sms` when the request has an `sms` hash, else `email`. */
  channel: 'email' | 'sms';
  email: string | null;
  /** `sms.number`, as given. */
  phone: string | null;
  firstName: string | null;
  surname: string | null;
  /** Our (CustomerSure) survey id. */
  surveyId: number;
  emailTemplateId: number | null;
  textMessageTemplateId: number | null;
  reference: string | null;
  machineId: string | null;
  /** When the invitation should go out. */
  sendAt: string;
  /** `data[]`: staff_code, site_code, custom segments and other information, in the order given. */
  data: { key: string; value: string }[];
  reminders: { sendAt: string; emailTemplateId: number | null; textMessageTemplateId: number | null }[];
  /**
   * Where the system may call back about this request (Securating's `webhook`): the proxy's
   * public URL with an unguessable per-request token; null when the org has none configured.
   */
  callbackUrl: string | null;
}

/** The value of one `data[]` key, or undefined. */
export function dataValue(request: RelayRequest, key: string): string | undefined {
  return request.data.find((d) => d.key === key)?.value;
}
