/**
 * The feedback requests the CustomerSure fake accepted, each kept twice: the body exactly as it
 * was posted (what a relay test compares with its request) and the record the API answers.
 */
import { formatTimestamp, parseTimestamp } from './customersure-rules';

/** A feedback request as the seed's "EXAMPLE RESPONSE" shows it. */
export interface FeedbackRequestRecord {
  id: number;
  email: string | null;
  state: 'pending' | 'sent' | 'not_sent';
  first_name: string | null;
  surname: string | null;
  survey_id: number;
  email_template_id: number | null;
  reference: string | null;
  machine_id: string | null;
  send_at: string;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
  not_sent_reason: string | null;
  delivery_failure: string | null;
  ignore_throttle: boolean;
  link: string;
  data: { id: number; key: string; value: string }[];
  reminders: {
    id: number;
    email_template_id: number | null;
    send_at: string;
    sent_at: null;
    text_message_template_id: number | null;
    not_sent_reason: null;
    delivery_failure: null;
  }[];
}

export interface StoredFeedbackRequest {
  /** The parsed JSON body as posted, untouched. */
  posted: Record<string, unknown>;
  record: FeedbackRequestRecord;
}

export interface CustomerSureStore {
  readonly requests: readonly StoredFeedbackRequest[];
  /** Stores a checked body and returns the record the 201 answers. */
  add(body: Record<string, unknown>): FeedbackRequestRecord;
  get(id: number): FeedbackRequestRecord | undefined;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const id = (v: unknown) => (v === undefined || v === null || v === '' ? null : Number(v));

/**
 * An in-memory store. Ids start where the seed's example does (208073, data 256777, reminders
 * 60845536) so replies read like the seed.
 */
export function createCustomerSureStore(now: () => number, linkBase: string): CustomerSureStore {
  const requests: StoredFeedbackRequest[] = [];
  let nextDataId = 256777;
  let nextReminderId = 60845536;
  return {
    requests,
    add(body) {
      const stamp = formatTimestamp(now());
      // "external_link: […] The feedback request will have its state set to sent and sent_at set
      // to the current time."
      const external = body.external_link === true;
      const record: FeedbackRequestRecord = {
        id: 208073 + requests.length,
        email: str(body.email),
        state: external ? 'sent' : 'pending',
        first_name: str(body.first_name),
        surname: str(body.surname),
        survey_id: Number(body.survey_id),
        email_template_id: id(body.email_template_id),
        reference: str(body.reference),
        machine_id: str(body.machine_id),
        // "we will always return times in UTC."
        send_at: formatTimestamp(parseTimestamp(body.send_at) ?? now()),
        sent_at: external ? stamp : null,
        created_at: stamp,
        updated_at: stamp,
        not_sent_reason: null,
        delivery_failure: null,
        ignore_throttle: body.ignore_throttle === true,
        link: `${linkBase}${208073 + requests.length}`,
        data: ((body.data as { key: string; value: string }[] | undefined) ?? []).map(({ key, value }) => ({ id: nextDataId++, key, value })),
        // The seed's example answers each reminder's send_at as it was given.
        reminders: ((body.reminders as Record<string, unknown>[] | undefined) ?? []).map((r) => ({
          id: nextReminderId++,
          email_template_id: id(r.email_template_id),
          send_at: String(r.send_at),
          sent_at: null,
          text_message_template_id: id(r.text_message_template_id),
          not_sent_reason: null,
          delivery_failure: null,
        })),
      };
      requests.push({ posted: body, record });
      return record;
    },
    get: (wanted) => requests.find((r) => r.record.id === wanted)?.record,
  };
}
