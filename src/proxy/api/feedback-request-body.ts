import type { FeedbackRequestCreate } from '../../shared/api/feedback-request-inputs';
import type { FieldError } from '../../shared/error-body';
import type { NewFeedbackRequest } from '../store/feedback-request-rows';
import type { RelayRoute } from '../relay/relay-routes';
import { relayRequestOf } from '../relay/relay-request-of';
import { apiFieldError } from './api-errors';

const RESOURCE = '/feedback_requests';
const HOUR_MS = 3_600_000;
/** A send time this far in the past is a mistake, not clock skew or a retry after an outage. */
export const SEND_AT_PAST_LIMIT_MS = 24 * HOUR_MS;
/** Nothing is scheduled further ahead than this. */
export const SEND_AT_FUTURE_LIMIT_MS = 366 * 24 * HOUR_MS;

export interface RequestContext {
  org: string;
  now: Date;
  route: RelayRoute;
  surveyExists(id: number): boolean;
  /** The org's templates by id (`archived` ones are refused); empty when the org lists none, and then any id goes. */
  emailTemplates: ReadonlyMap<number, { archived: boolean }>;
  textMessageTemplates: ReadonlyMap<number, { archived: boolean }>;
  idempotencyKey: string | null;
  bodyHash: string;
}

export type Resolved = { ok: true; request: NewFeedbackRequest } | { ok: false; errors: FieldError[] };

/**
 * A validated body, checked against the org (its surveys, templates, the
 * send window and its relay system's rules) and turned into the request to
 * store. Every problem is reported at once. Pure.
 *
 * @example
 * resolveFeedbackRequest(body, { org: 'acme', now, route, surveyExists: (id) => id === 1484, … })
 */
export function resolveFeedbackRequest(body: FeedbackRequestCreate, ctx: RequestContext): Resolved {
  const errors: FieldError[] = [];
  const fail = (field: string, error: FieldError['error'], extra: Record<string, unknown>) => errors.push(apiFieldError(RESOURCE, field, error, extra));
  const sms = body.sms ?? null;

  // "The call will fail if you pass a survey ID that you do not own."
  if (!ctx.surveyExists(body.survey_id)) fail('survey_id', 'invalid_value', { message: `no survey ${body.survey_id} in your account` });
  checkSendAt('send_at', body.send_at, ctx.now, fail);
  body.reminders.forEach((r, i) => checkSendAt(`reminders.${i}.send_at`, r.send_at, ctx.now, fail));

  const template = (field: string, id: number | null | undefined, templates: RequestContext['emailTemplates']) => {
    if (id == null || templates.size === 0) return;
    const found = templates.get(id);
    if (!found) fail(field, 'invalid_value', { message: `no template ${id} in your account` });
    else if (found.archived) fail(field, 'forbidden_value', { message: `template ${id} is archived` });
  };
  // "email_template_id: required (Ignored for SMS sends)".
  if (!sms) template('email_template_id', body.email_template_id, ctx.emailTemplates);
  if (sms) template('sms.text_message_template_id', sms.text_message_template_id, ctx.textMessageTemplates);
  body.reminders.forEach((r, i) => {
    template(`reminders.${i}.email_template_id`, r.email_template_id, ctx.emailTemplates);
    template(`reminders.${i}.text_message_template_id`, r.text_message_template_id, ctx.textMessageTemplates);
  });

  // An external link is the merchant's to send: nothing is relayed, so no system's rules apply.
  const provider = body.external_link ? 'proxy' : ctx.route.provider;
  const request: NewFeedbackRequest = {
    org: ctx.org,
    provider,
    channel: sms ? 'sms' : 'email',
    email: body.email ?? null,
    phone: sms?.number ?? null,
    first_name: body.first_name,
    surname: body.surname,
    survey_id: body.survey_id,
    email_template_id: sms ? null : (body.email_template_id ?? null),
    text_message_template_id: sms?.text_message_template_id ?? null,
    reference: body.reference,
    machine_id: body.machine_id,
    send_at: body.send_at,
    relay_at: provider !== 'proxy' && 'adapter' in ctx.route && ctx.route.adapter.relaysAtOnce ? ctx.now.toISOString() : undefined,
    ignore_throttle: body.ignore_throttle,
    external_link: body.external_link,
    data: body.data,
    reminders: body.reminders.map((r) => ({ send_at: r.send_at, email_template_id: r.email_template_id ?? null, text_message_template_id: r.text_message_template_id ?? null })),
    idempotency_key: ctx.idempotencyKey,
    body_hash: ctx.bodyHash,
  };

  // "A request that would break them is a 422 at our API, not a failure later": each system's seed rules.
  if (provider !== 'proxy' && 'adapter' in ctx.route) {
    for (const breach of ctx.route.adapter.check(relayRequestOf(request, 0, null), ctx.route.settings)) {
      fail(breach.field, breach.error, { ...breach.extraInfo, provider: ctx.route.provider });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, request };
}

function checkSendAt(field: string, iso: string, now: Date, fail: (field: string, error: FieldError['error'], extra: Record<string, unknown>) => void): void {
  const at = new Date(iso).getTime();
  // "send_at: required The time in the future": a time up to a day past is sent at once (a retry
  // after an outage, a clock a little behind); older is a mistake worth hearing about.
  if (at < now.getTime() - SEND_AT_PAST_LIMIT_MS) fail(field, 'invalid_date', { message: 'must be in the future (or at most 24 hours past, sent at once)' });
  if (at > now.getTime() + SEND_AT_FUTURE_LIMIT_MS) fail(field, 'invalid_date', { message: 'must be within a year from now' });
}
