/**
 * What Critizr's replies mean. The seed shows no reply and no error body ("Need
 * help with an error? Head to Troubleshooting and errors", a page we do not
 * have); the contract fake answers as Django REST Framework does: 201 with the
 * created solicitation(s), 400 `{field: [messages]}` (nested for `context` and
 * per item for bulk `data`), `{detail}` for 401/404/405/415. Everything else is
 * HTTP's usual meaning.
 */
import type { HttpReply, Outcome } from '../../relay-adapter';
import { isRetryableStatus, retryAfterMs } from '../../retry-after';

type NotSent = Exclude<Outcome, { kind: 'sent' }>;

/** Our states for a solicitation read back with GET. */
export interface CritizrState {
  state: 'pending' | 'sent' | 'not_sent';
  reason?: string;
}

// "Solicitation statuses": each status, its state for us and the seed's "Meaning". The table
// capitalises them ("Queued") while the prose writes "(sent, opened, ...)": read case-blind.
const STATUSES: Record<string, CritizrState> = {
  queued: { state: 'pending', reason: 'Queued: The solicitation is waiting to be send.' },
  dispatching: { state: 'pending', reason: 'Dispatching: The solicitation is being sent.' },
  sent: { state: 'sent', reason: 'Sent: The solicitation has been sent.' },
  delivered: { state: 'sent', reason: 'Delivered: The email or SMS has reached the inbox of the recipient.' },
  undelivered: {
    state: 'not_sent',
    reason:
      "Undelivered: Email was rejected by the recipient's server, the email address does not exist, emails were marked as spam, or the recipient is on a suppression list.",
  },
  failed: { state: 'not_sent', reason: 'Failed: The email can not been send due to an internal error.' },
  // The four below happen after the message reached the recipient: it was sent.
  opened: { state: 'sent', reason: 'Opened: The recipient opened the email.' },
  clicked: { state: 'sent', reason: 'Clicked: The recipient clicked on a link in the email.' },
  reported: { state: 'sent', reason: 'Reported: The recipient reported the email as "Spam".' },
  unsubscribed: { state: 'sent', reason: 'Unsubscribed: The recipient unsubscribed. It will not be possible to send new emails to this recipient.' },
};

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * DRF's errors in one line, Critizr's own words kept: `{detail}` as is, `{sender: ["…"]}` as
 * `sender: …`, nested as `context.crm_id: …` and `data[1].recipient: …`.
 */
export function errorText(errors: unknown, path = ''): string {
  if (typeof errors === 'string') return path ? `${path}: ${errors}` : errors;
  if (Array.isArray(errors)) {
    if (errors.every((e) => typeof e === 'string')) return errors.length === 0 ? '' : `${path ? `${path}: ` : ''}${errors.join(' ')}`;
    return errors.map((e, i) => errorText(e, `${path}[${i}]`)).filter(Boolean).join('; ');
  }
  if (isObject(errors)) {
    return Object.entries(errors)
      .map(([key, value]) => errorText(value, key === 'detail' || key === 'non_field_errors' ? path : path ? `${path}.${key}` : key))
      .filter(Boolean)
      .join('; ');
  }
  return '';
}

function reasonOf({ status, body }: HttpReply): string {
  const text = errorText(parse(body));
  if (text) return text;
  const raw = body.trim().slice(0, 200);
  return raw ? `HTTP ${status}: ${raw}` : `HTTP ${status}`;
}

/** A non-2xx reply, for any call. */
function failure(reply: HttpReply): NotSent {
  // The seed's "use your access token": a 401 is that token missing or refused. deliver has no login to
  // renew it with, so it ends refused, naming the cause: the org's token_env is wrong or revoked.
  if (reply.status === 401) return { kind: 'reauthenticate', reason: reasonOf(reply) };
  if (isRetryableStatus(reply.status)) {
    // An HTTP-date Retry-After is read against the reply's own Date, keeping this a function of the reply.
    const now = Date.parse(reply.headers.date ?? '');
    const afterMs = retryAfterMs(reply.headers['retry-after'], Number.isNaN(now) ? Date.now() : now);
    return { kind: 'retry', reason: reasonOf(reply), ...(afterMs !== undefined && { afterMs }) };
  }
  // 400 (a field Critizr refused), 403, 404, 405, 415: a retry cannot cure them.
  return { kind: 'refused', reason: reasonOf(reply) };
}

/**
 * One created solicitation. An email to an unsubscribed recipient is accepted but born Undelivered
 * ("It will not be possible to send new emails to this recipient."): it will never go out.
 */
function createdOutcome(created: unknown): Outcome {
  if (!isObject(created)) return { kind: 'sent' };
  const id = typeof created.id === 'number' || typeof created.id === 'string' ? String(created.id) : undefined;
  const known = typeof created.status === 'string' ? STATUSES[created.status.toLowerCase()] : undefined;
  if (known?.state === 'not_sent') return { kind: 'refused', reason: `Critizr solicitation ${id ?? '(no id)'} is ${known.reason ?? ''}` };
  return id !== undefined ? { kind: 'sent', providerId: id } : { kind: 'sent' };
}

/**
 * The outcome of `POST /v2/solicitations`: 201 with the solicitation and its id.
 *
 * @example
 * critizrOutcome({ status: 201, headers: {}, body: '{"id":7,"status":"Queued"}' }) // { kind: 'sent', providerId: '7' }
 */
export function critizrOutcome(reply: HttpReply): Outcome {
  if (reply.status < 200 || reply.status > 299) return failure(reply);
  // A 2xx we cannot read is still sent: sending again could solicit the customer twice.
  return createdOutcome(parse(reply.body));
}

/**
 * The outcome of each request of one `POST /v2/solicitations/bulk`, in order. A 201 lists the created
 * solicitations in the order of `data`. A 400 refuses the whole call: items Critizr named
 * (`{data: [{}, {recipient: […]}]}`) are refused with their own errors, the innocent ones (`{}`) were
 * not stored and are worth sending again without the bad one.
 *
 * @example
 * toBulkOutcomes({ status: 201, headers: {}, body: '[{"id":1},{"id":2}]' }, [a, b]) // [{ kind: 'sent', providerId: '1' }, …]
 */
export function toBulkOutcomes(reply: HttpReply, requests: readonly unknown[]): Outcome[] {
  const parsed = parse(reply.body);
  if (reply.status >= 200 && reply.status <= 299) {
    const created = Array.isArray(parsed) && parsed.length === requests.length ? parsed : [];
    return requests.map((_, i) => createdOutcome(created[i]));
  }
  const { data, ...shared } = isObject(parsed) ? parsed : {};
  if (reply.status === 400 && Array.isArray(data) && data.length === requests.length && errorText(shared) === '') {
    return data.map((item): Outcome => {
      const text = errorText(item);
      return text ? { kind: 'refused', reason: text } : { kind: 'retry', reason: 'Critizr refused the bulk call for another solicitation in it' };
    });
  }
  const outcome = failure(reply);
  return requests.map(() => outcome);
}

/**
 * Our state for `GET /v2/solicitations/{id}`'s reply. A reply we cannot read leaves it pending (ask
 * again later); a 404 means Critizr has no such solicitation, so it was never sent.
 *
 * @example
 * statusToState({ status: 200, headers: {}, body: '{"id":1,"status":"Delivered"}' }) // { state: 'sent', reason: 'Delivered: …' }
 */
export function statusToState(reply: HttpReply): CritizrState {
  if (reply.status === 404) return { state: 'not_sent', reason: reasonOf(reply) };
  if (reply.status < 200 || reply.status > 299) return { state: 'pending', reason: `could not read the status: ${reasonOf(reply)}` };
  const parsed = parse(reply.body);
  const status = isObject(parsed) && typeof parsed.status === 'string' ? parsed.status : undefined;
  if (status === undefined) return { state: 'pending', reason: 'the reply carried no status' };
  return STATUSES[status.toLowerCase()] ?? { state: 'pending', reason: `unknown Critizr status "${status}"` };
}
