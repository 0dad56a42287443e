/**
 * The relay adapter for Securating's invitation API
 * (/work/shared/seeds/securating-invitation-api-fr.txt, in French): one
 * form-encoded `POST /invitation/create`, authenticated by the site's
 * `keywebsite` in the form itself. A translator only; `deliver` makes the call.
 *
 * Securating takes no idempotency key and has no way to read invitations back:
 * a send whose reply was lost (a reset or a timeout after Securating acted) and
 * is then retried is refused by its 24-hour rule for the same email (so the
 * customer is not mailed twice, but the request ends `not_sent` though the
 * first invitation went out), unless 24 hours have passed, when it is sent twice.
 */
import type { HttpCall, RelayAdapter } from '../../relay-adapter';
import { checkSecurating } from './securating-check';
import { encodeForm, invitationFields } from './securating-fields';
import { securatingOutcome } from './securating-outcome';
import type { SecuratingSecrets, SecuratingSettings } from './securating-settings';

const endpoint = (settings: SecuratingSettings, path: string) => `${settings.base_url.replace(/\/+$/, '')}${path}`;

/**
 * The adapter with its clock: `days` is counted from `now()` to the request's `sendAt`, so
 * `toCall` stays a function of its arguments and the clock.
 *
 * @example
 * const securating = createSecuratingAdapter(() => clock);
 * const outcome = await deliver(securating, request, settings, { keywebsite }, 'acme/securating', deps);
 */
export function createSecuratingAdapter(now: () => number): RelayAdapter<SecuratingSettings, SecuratingSecrets> {
  return {
    provider: 'securating',

    check: (request, settings) => checkSecurating(request, settings, now()),

    toCall(request, settings, secrets): HttpCall {
      return {
        // « Pour envoyer l’email d’invitation, automatiquement via notre serveur, utilisez l’API
        // suivante: https://api.securating.io/invitation/create » « … doivent être envoyés à l’aide
        // d’une requête HTTP POST. »
        method: 'POST',
        url: endpoint(settings, '/invitation/create'),
        // « 'header' => "Content-type: application/x-www-form-urlencoded\r\n" » (the PHP example).
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        // « 'content' => http_build_query($data) »: the key travels in the form, not a header.
        body: encodeForm(invitationFields(request, settings, secrets.keywebsite, now())),
      };
    },

    toOutcome: (reply) => securatingOutcome(reply, now()),
  };
}

/** The adapter on the real clock. */
export const securatingAdapter: RelayAdapter<SecuratingSettings, SecuratingSecrets> = createSecuratingAdapter(Date.now);
