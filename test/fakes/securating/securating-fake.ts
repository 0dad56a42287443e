/**
 * The contract fake of Securating's invitation API (seed:
 * `/work/shared/seeds/securating-invitation-api-fr.txt`, in French): a loopback
 * server enforcing `POST /invitation/create` as the seed writes it, keeping the
 * invitations it created, and playing the webhook calls its robots would make.
 */
import { randomBytes } from 'node:crypto';
import { startFakeServer, type FakeServer } from '../fake-server';
import { createSecuratingApp, type SecuratingInvitation } from './securating-app';
import { isWebhookAccepted, stepRefusal, webhookCallUrl, type ReviewExtra, type WebhookStep } from './securating-webhook';

export type { SecuratingInvitation } from './securating-app';
export type { WebhookStep, ReviewExtra } from './securating-webhook';

/** The seed's own example key (`'keywebsite' => 'ma-cle-de-verification'`). */
export const SECURATING_KEYWEBSITE = 'ma-cle-de-verification';
/** A moderator profile « préalablement créé depuis votre manager ». */
export const SECURATING_PROFILE_ID = '1001';
/** Silent on the robots' patience; they give up on a receiver after this long. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

export interface SecuratingFakeOptions {
  /** The `keywebsite` values accepted (default `[SECURATING_KEYWEBSITE]`). */
  keys?: string[];
  /** The `profile_id` values created in the manager (default `[SECURATING_PROFILE_ID]`). */
  profileIds?: string[];
  /** The clock, in ms (default `Date.now`): the 24-hour rule and the mail's `days` wait. */
  now?: () => number;
}

/** A webhook call the fake made, and what the receiver answered. */
export interface WebhookDelivery {
  url: string;
  status: number;
  body: string;
  /** Whether the robots would take the answer (2xx containing `ok` or `success`). */
  accepted: boolean;
}

export interface SecuratingFake {
  /** `url`, `calls` and `failNext` of the underlying loopback server. */
  server: FakeServer;
  /** Every invitation created, in order, with its parsed form fields. */
  invitations: SecuratingInvitation[];
  /**
   * Plays the robots' call for `step` to the invitation's `webhook`: a real GET, `step` added,
   * `meta_*` returned, and for `review-saved` the `rating` and base64 `comment` (give `review`
   * then, and only then). Throws if the invitation is unknown, gave no webhook, or the step could
   * not happen yet (a second mail, a reminder beyond `recall_count`, the mail before `days`…).
   */
  fireWebhook(invitationId: string, step: WebhookStep, review?: ReviewExtra): Promise<WebhookDelivery>;
  close(): Promise<void>;
}

/**
 * Starts the fake on 127.0.0.1 and a free port.
 *
 * @example
 * const securating = await startSecuratingFake({ now: () => clock });
 * await fetch(`${securating.server.url}/invitation/create`, { method: 'POST', body: new URLSearchParams({…}) });
 * await securating.fireWebhook(securating.invitations[0]!.id, 'review-saved', { rating: 5, comment: 'Parfait' });
 */
export async function startSecuratingFake(options: SecuratingFakeOptions = {}): Promise<SecuratingFake> {
  const now = options.now ?? Date.now;
  const invitations: SecuratingInvitation[] = [];
  const app = createSecuratingApp({
    keys: options.keys ?? [SECURATING_KEYWEBSITE],
    profileIds: options.profileIds ?? [SECURATING_PROFILE_ID],
    now,
    newId: () => randomBytes(16).toString('base64url'),
    invitations,
  });
  const server = await startFakeServer(app.fetch);

  return {
    server,
    invitations,
    async fireWebhook(invitationId, step, review) {
      const invitation = invitations.find((i) => i.id === invitationId);
      if (!invitation) throw new Error(`securating fake: no invitation ${invitationId}`);
      const refusal = stepRefusal(invitation, step, review, now());
      if (refusal) throw new Error(`securating fake: cannot play ${step}: ${refusal}`);
      const url = webhookCallUrl(invitation.request, step, review);
      const response = await fetch(url, { signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
      const body = await response.text();
      invitation.played.push(step);
      return { url, status: response.status, body, accepted: isWebhookAccepted(response.status, body) };
    },
    close: () => server.close(),
  };
}
