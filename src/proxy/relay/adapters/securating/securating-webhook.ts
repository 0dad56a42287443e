/**
 * Securating's calls back to the `webhook` URL we gave, read as pure functions
 * (the HTTP route that receives them comes later). Seed:
 * « Nos robots contacteront votre url en ajoutant un paramètre step. »
 */

/**
 * - « step=invitation-created: lors de la réception de la demande »
 * - « step=mail-send: lors de l’envoi du mail d’invitation »
 * - « step=mail-recall: lors de l’envoi d’une relance. »
 * - « step=link-opened: lorsque votre client a affiché le formulaire de sais d’avis. »
 * - « step=review-saved: lorsque votre client aura enregistré son avis. »
 */
export const SECURATING_STEPS = ['invitation-created', 'mail-send', 'mail-recall', 'link-opened', 'review-saved'] as const;
export type SecuratingStep = (typeof SECURATING_STEPS)[number];

/** « Nos robots attendent un retour contenant « ok » ou « success ». »: the receiver answers this, with a 2xx. */
export const SECURATING_WEBHOOK_REPLY = 'ok';

/** One call back, read. */
export interface SecuratingEvent {
  step: SecuratingStep;
  /**
   * « meta_<keys> Informations retournées via les web_hook sans traitement particulier. »: the
   * `meta_*` parameters we sent, keyed without the `meta_` prefix (`data[]` keys, `reference`, `machine_id`).
   */
  meta: Record<string, string>;
  /** « A l’étape « review-saved », des paramètres supplémentaires sont ajoutés » (only then). */
  review?: {
    /** « « rating » indique la note donnée avec l’avis. » Silent on the scale: the number as sent. */
    rating: number;
    /** « « comment » contient le commentaire associé à l’avis (codé en base64) », decoded as UTF-8. */
    comment: string;
  };
}

const isStep = (value: string): value is SecuratingStep => (SECURATING_STEPS as readonly string[]).includes(value);

/**
 * Base64 (silent on the alphabet: standard, URL-safe accepted too) to UTF-8 text; undefined when
 * it is not base64 or not UTF-8. A `+` left unescaped in the query arrives as a space: put back.
 */
function decodeBase64Utf8(value: string): string | undefined {
  const text = value.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
  } catch {
    return undefined;
  }
}

/**
 * Reads one call back from its full URL (our per-request webhook URL with `step`, `meta_*` and, at
 * `review-saved`, `rating` and `comment` added). Other parameters (our own in the webhook URL) are
 * ignored.
 *
 * @example
 * readSecuratingWebhook(new URL('https://proxy.example/relay/securating/tok?step=review-saved&rating=4&comment=VHLDqHMgYmllbg%3D%3D&meta_site_code=newcastle'))
 * // { step: 'review-saved', meta: { site_code: 'newcastle' }, review: { rating: 4, comment: 'Très bien' } }
 */
export function readSecuratingWebhook(url: URL): SecuratingEvent | { error: string } {
  const step = url.searchParams.get('step');
  if (step === null) return { error: 'step is missing' };
  if (!isStep(step)) return { error: `step "${step}" is not one the seed documents` };
  const meta: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name.startsWith('meta_') && name.length > 'meta_'.length) meta[name.slice('meta_'.length)] = value;
  }
  if (step !== 'review-saved') return { step, meta };

  const ratingText = url.searchParams.get('rating');
  if (ratingText === null || ratingText.trim() === '') return { error: 'rating is missing at review-saved' };
  const rating = Number(ratingText);
  if (!Number.isFinite(rating)) return { error: `rating "${ratingText}" is not a number` };
  // Silent on a review without a comment: a missing `comment` is read as an empty one.
  const comment = decodeBase64Utf8(url.searchParams.get('comment') ?? '');
  if (comment === undefined) return { error: 'comment is not base64 of UTF-8 text' };
  return { step, meta, review: { rating, comment } };
}

/**
 * Our request states (CustomerSure's `pending`, `sent`, `not_sent`) for each step: the invitation
 * is pending until its mail leaves (« mail-send »), sent from then on; what follows (a reminder, the
 * link opened, the review saved) happens to a sent request. No step means `not_sent`.
 *
 * @example
 * stepToState('mail-send') // 'sent'
 */
export function stepToState(step: SecuratingStep): 'pending' | 'sent' {
  return step === 'invitation-created' ? 'pending' : 'sent';
}
