/**
 * What Securating's replies to `/invitation/create` mean. The seed documents
 * one reply, the success, and only through its PHP example:
 * « $returnedLink = httpPost(…); echo 'link: <a href="'.$returnedLink.'">' »,
 * the body is the link to collect the review. No error is documented; the
 * contract fake's readings (README, "Contract fakes") are followed: 401 for the
 * key, 400 for validation, 409 for the 24-hour rule, 415 for the encoding, all
 * as `text/plain` `error: <reason>`.
 */
import type { HttpReply, Outcome } from '../../relay-adapter';
import { isRetryableStatus, retryAfterMs } from '../../retry-after';

/** How much of a reply body is kept as the reason. */
const REASON_CHARS = 300;

/** Securating's own words, trimmed; the status when it said nothing. */
function reasonOf(status: number, body: string): string {
  const text = body.trim().slice(0, REASON_CHARS);
  return text ? `HTTP ${status}: ${text}` : `HTTP ${status}`;
}

/** The body as the link the seed's example prints, or undefined when it is anything else. */
function linkOf(body: string): string | undefined {
  const text = body.trim();
  if (!URL.canParse(text)) return undefined;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:' ? text : undefined;
}

/**
 * The outcome of `POST /invitation/create`. `now` (ms) reads an HTTP-date
 * `Retry-After` when the reply has no `Date` of its own.
 *
 * @example
 * securatingOutcome({ status: 200, headers: {}, body: 'https://acme.example/avis?securating=abc' }, Date.now())
 * // { kind: 'sent', link: 'https://acme.example/avis?securating=abc' }
 */
export function securatingOutcome({ status, headers, body }: HttpReply, now: number): Outcome {
  if (status >= 200 && status < 300) {
    // « les avis sont récoltés directement sur votre site Internet à l’aide d’une Url encodée »: the
    // link is all Securating returns; it has no invitation id (calls back come to our per-request
    // webhook instead). A 2xx that is not a link is not the documented success: a PHP service may
    // well answer its errors with 200, so it is refused with its text rather than called sent.
    const link = linkOf(body);
    if (link) return { kind: 'sent', link };
    return { kind: 'refused', reason: `Securating answered without an invitation link: ${reasonOf(status, body)}` };
  }
  if (isRetryableStatus(status)) {
    const date = Date.parse(headers.date ?? '');
    const afterMs = retryAfterMs(headers['retry-after'], Number.isNaN(date) ? now : date);
    return { kind: 'retry', reason: reasonOf(status, body), ...(afterMs !== undefined && { afterMs }) };
  }
  // The key is a fixed secret, not a token with a login to renew: a refused `keywebsite` (« La clé de
  // vérification de votre site internet », from « la rubrique site de votre manager ») is a relay
  // configuration problem, reported as such rather than retried.
  if (status === 401 || status === 403) return { kind: 'refused', reason: `keywebsite refused, check the relay settings: ${reasonOf(status, body)}` };
  // « L’API ne permet pas la création d’invitations successives trop rapprochées dans le temps
  // ( < 24 heures) pour un même email. »: the fake's 409. Not retried: the proxy never sets
  // `force_invitation` (« que dans des phase de tests »), and a day later the moment has passed.
  if (status === 409) return { kind: 'refused', reason: `less than 24 hours since the last invitation to this email: ${reasonOf(status, body)}` };
  // 400 (a parameter refused), 404/405/415 (a wrong base_url or encoding): retrying cannot cure them.
  return { kind: 'refused', reason: reasonOf(status, body) };
}
