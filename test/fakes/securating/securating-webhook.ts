/**
 * The webhook calls Securating's robots make, as pure functions: the URL of a
 * step's call, whether a step can happen yet, and whether the receiver's answer
 * is one the robots accept. The HTTP request itself is made by the fake.
 */
import { DAY_MS, type InvitationRequest } from './securating-rules';

/**
 * « Nos robots contacteront votre url en ajoutant un paramètre step. »
 * - « step=invitation-created: lors de la réception de la demande » (on receiving the request)
 * - « step=mail-send: lors de l’envoi du mail d’invitation » (when the invitation mail is sent)
 * - « step=mail-recall: lors de l’envoi d’une relance. » (when a reminder is sent)
 * - « step=link-opened: lorsque votre client a affiché le formulaire de sais d’avis. » (form shown)
 * - « step=review-saved: lorsque votre client aura enregistré son avis. » (review saved)
 */
export const WEBHOOK_STEPS = ['invitation-created', 'mail-send', 'mail-recall', 'link-opened', 'review-saved'] as const;
export type WebhookStep = (typeof WEBHOOK_STEPS)[number];

/** What only `review-saved` carries. */
export interface ReviewExtra {
  /** « « rating » indique la note donnée avec l’avis. » Silent on the scale; sent as given. */
  rating: number;
  /** Plain text; the fake encodes it: « « comment » contient le commentaire […] (codé en base64) ». */
  comment?: string;
}

/**
 * The URL a step's call goes to. Silent on the method: a GET of the webhook URL is taken, since
 * the robots « contacteront votre url en ajoutant un paramètre » (add a parameter to your URL).
 * The webhook's own query is kept (the seed's example carries `?id=123456`); a `step` already
 * there is replaced.
 *
 * @example
 * webhookCallUrl({ webhook: 'https://ws.monsite.com/securating?id=123456', meta: {} }, 'mail-send');
 * // 'https://ws.monsite.com/securating?id=123456&step=mail-send'
 */
export function webhookCallUrl(request: Pick<InvitationRequest, 'webhook' | 'meta'>, step: WebhookStep, review?: ReviewExtra): string {
  if (!request.webhook) throw new Error('securating fake: this invitation gave no webhook');
  const url = new URL(request.webhook);
  url.searchParams.set('step', step);
  // « meta_<keys> Informations retournées via les web_hook sans traitement particulier. »
  // (returned through the webhook untouched): silent on which steps; every step, names kept.
  for (const [name, value] of Object.entries(request.meta)) url.searchParams.set(name, value);
  // « A l’étape « review-saved », des paramètres supplémentaires sont ajoutés » (only at review-saved)
  if (step === 'review-saved' && review) {
    url.searchParams.set('rating', String(review.rating));
    // « codé en base64 »: standard base64 of the UTF-8 text (silent on the charset and alphabet).
    url.searchParams.set('comment', Buffer.from(review.comment ?? '', 'utf8').toString('base64'));
  }
  return url.toString();
}

/**
 * Why a step cannot be played now, or nothing: the fake only plays what the real robots could.
 * `played` is the steps already called, in order; `createdAt` and `now` are in ms.
 */
export function stepRefusal(
  invitation: { request: InvitationRequest; createdAt: number; played: readonly WebhookStep[] },
  step: WebhookStep,
  review: ReviewExtra | undefined,
  now: number,
): string | undefined {
  const { request, createdAt, played } = invitation;
  const count = (s: WebhookStep) => played.filter((p) => p === s).length;
  if (!WEBHOOK_STEPS.includes(step)) return `"${step}" is not a step the seed documents`;
  if ((step === 'review-saved') !== (review !== undefined)) return 'rating and comment come with review-saved, and only with it';
  // « lors de la réception de la demande »: once, before anything else.
  if (step === 'invitation-created' && played.length > 0) return 'invitation-created comes first, and once';
  if (step === 'mail-send') {
    if (count('mail-send') > 0) return 'the invitation mail is sent once';
    // « Le nombre de jour d’attente avant d’envoyer l’invitation par mail » (days to wait before the mail)
    if (now < createdAt + request.days * DAY_MS) return `the mail waits ${request.days} day(s) after the request`;
  }
  if (step === 'mail-recall') {
    if (count('mail-send') === 0) return 'a reminder follows the invitation mail';
    // « Nombre de relance à effectuer, tant que le client n’a pas donner son avis »
    // (that many reminders, as long as the customer has not reviewed)
    if (count('mail-recall') >= request.recallCount) return `only ${request.recallCount} reminder(s) were asked for`;
  }
  if ((step === 'mail-send' || step === 'mail-recall') && count('review-saved') > 0) return 'no mail after the review is saved';
  if (step === 'review-saved' && count('review-saved') > 0) return 'a review is saved once';
  return undefined;
}

/**
 * « Nos robots attendent un retour contenant « ok » ou « success ». » (a reply containing "ok" or
 * "success"). Read literally (a substring, case-sensitive, so `token` passes too: answer exactly
 * `ok`), and, as the seed is silent on the status, only from a 2xx answer.
 */
export function isWebhookAccepted(status: number, body: string): boolean {
  return status >= 200 && status < 300 && (body.includes('ok') || body.includes('success'));
}
