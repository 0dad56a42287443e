/**
 * The solicitations the Critizr fake has accepted, with their statuses, as the seed's
 * "Solicitation statuses" table describes them.
 */
import type { NewSolicitation } from './critizr-rules';

/**
 * "A solicitation can have different status in its lifespan." The seed's table spells them
 * capitalised ("Queued", "Sent"…) while its prose says "monitor its status (sent, opened, ...)";
 * the fake answers the table's spelling.
 */
export const SOLICITATION_STATUSES = [
  'Queued',
  'Dispatching',
  'Sent',
  'Delivered',
  'Undelivered',
  'Failed',
  'Opened',
  'Clicked',
  'Reported',
  'Unsubscribed',
] as const;

export type SolicitationStatus = (typeof SOLICITATION_STATUSES)[number];

/**
 * Statuses the table words for email only: "The recipient opened the email.", "clicked on a link
 * in the email.", "reported the email as "Spam".", "It will not be possible to send new emails to
 * this recipient." (strict reading: an SMS never takes them).
 */
const EMAIL_ONLY: readonly SolicitationStatus[] = ['Opened', 'Clicked', 'Reported', 'Unsubscribed'];

/** A solicitation as GET /v2/solicitations/{id} answers it. */
export interface StoredSolicitation extends NewSolicitation {
  /** Integer ids, as Django's primary keys are (the seed never shows one). */
  id: number;
  status: SolicitationStatus;
  /** ISO 8601, from the fake's clock. */
  created_at: string;
  updated_at: string;
}

export interface CritizrStore {
  /** Every stored solicitation, oldest first (a live array). */
  readonly solicitations: readonly StoredSolicitation[];
  add(solicitation: NewSolicitation): StoredSolicitation;
  get(id: number): StoredSolicitation | undefined;
  setStatus(id: number, status: SolicitationStatus): StoredSolicitation;
}

/** An in-memory store stamping times from `now` (ms). */
export function createCritizrStore(now: () => number): CritizrStore {
  const solicitations: StoredSolicitation[] = [];
  const stamp = () => new Date(now()).toISOString();
  // Counted so an add skips the scan while nobody has unsubscribed: the relay bench adds 20,000.
  let unsubscribedCount = 0;
  const unsubscribed = (recipient: string) =>
    unsubscribedCount > 0 &&
    solicitations.some((s) => s.type === 'email' && s.status === 'Unsubscribed' && s.recipient.toLowerCase() === recipient.toLowerCase());
  return {
    solicitations,
    add(solicitation) {
      const at = stamp();
      // "Queued: The solicitation is waiting to be send." Every new solicitation starts there,
      // except an email to an unsubscribed recipient: "Unsubscribed: The recipient unsubscribed. It
      // will not be possible to send new emails to this recipient." together with "Undelivered: …
      // An email was sent to a recipient who is on a suppression list" reads as: accepted, never
      // sent, Undelivered at once.
      const status: SolicitationStatus = solicitation.type === 'email' && unsubscribed(solicitation.recipient) ? 'Undelivered' : 'Queued';
      const stored = { ...solicitation, id: solicitations.length + 1, status, created_at: at, updated_at: at };
      solicitations.push(stored);
      return stored;
    },
    get: (id) => solicitations.find((s) => s.id === id),
    setStatus(id, status) {
      const stored = solicitations.find((s) => s.id === id);
      if (!stored) throw new Error(`critizr fake: no solicitation ${id}`);
      if (!SOLICITATION_STATUSES.includes(status)) throw new Error(`critizr fake: "${status}" is not a status of the seed's table`);
      if (stored.type === 'sms' && EMAIL_ONLY.includes(status)) throw new Error(`critizr fake: "${status}" is an email status, ${id} is an SMS`);
      unsubscribedCount += Number(status === 'Unsubscribed') - Number(stored.status === 'Unsubscribed');
      stored.status = status;
      stored.updated_at = stamp();
      return stored;
    },
  };
}
