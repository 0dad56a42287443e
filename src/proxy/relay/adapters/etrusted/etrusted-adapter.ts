/**
 * The relay adapter for eTrusted's Invites API
 * (/work/shared/seeds/etrusted-invites-api.txt): an OAuth2 client-credentials
 * token, then "Schedule new invites" (`POST /invites`) with an `InvitesRequest`
 * whose 207 settles each invite on its own. A translator only; `deliver` makes
 * the calls and keeps the token for its `expires_in`.
 *
 * eTrusted takes no idempotency key, and the seed gives `transaction.reference`
 * no uniqueness: a send whose reply was lost (a reset or a timeout after
 * eTrusted acted) and is then retried schedules the invite twice.
 */
import type { Credential, HttpCall, RelayAdapter } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import { checkEtrusted } from './etrusted-check';
import { channelOf, inviteOf, type InvitesRequest } from './etrusted-fields';
import { etrustedOutcome, tokenCredential } from './etrusted-replies';
import type { EtrustedSecrets, EtrustedSettings } from './etrusted-settings';

export { toBatchOutcomes } from './etrusted-replies';

/**
 * The `InvitesRequest` for requests that share a channel ("The channel which will be associated with
 * the invites": one per request body).
 */
export function invitesRequestOf(requests: readonly RelayRequest[], settings: EtrustedSettings): InvitesRequest {
  const channels = requests.map((request) => channelOf(request, settings));
  const [channel] = channels;
  if (!channel || channels.some((c) => c?.id !== channel.id || c.type !== channel.type)) {
    throw new RangeError('etrusted: one InvitesRequest carries requests for one channel; group them by channelOf() first');
  }
  return { channel, system: settings.system, systemVersion: settings.system_version, invites: requests.map((request) => inviteOf(request, settings)) };
}

/**
 * One `POST /invites` scheduling several requests ("invites: The invites to be scheduled."). Read its
 * reply with `toBatchOutcomes(reply, requests)`; each failed invite is matched back to its request by
 * `transaction.reference`, which carries our request id.
 *
 * @example
 * const outcomes = toBatchOutcomes(reply, requests);
 */
export function toBatchCall(requests: readonly RelayRequest[], settings: EtrustedSettings, _secrets: EtrustedSecrets, credential?: Credential): HttpCall {
  return {
    // "Schedule new invites … Body Content-Type application/json InvitesRequest". The seed gives the POST
    // no path; `/invites` is eTrusted's (and the contract fake's).
    method: 'POST',
    url: `${settings.base_url}/invites`,
    headers: {
      // "token | An authorisation header containing meta information, see OAuth2.": RFC 6750's Bearer.
      Authorization: `Bearer ${credential?.token ?? ''}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(invitesRequestOf(requests, settings)),
  };
}

/**
 * @example
 * const outcome = await deliver(etrustedAdapter, request, settings, secrets, 'acme/etrusted', deps);
 */
export const etrustedAdapter: RelayAdapter<EtrustedSettings, EtrustedSecrets> = {
  provider: 'etrusted',

  check: checkEtrusted,

  // One invite; `callbackUrl` has nowhere to go (the seed documents no webhook) and `sms` is refused
  // by check(), since the Invite's customer has no phone.
  toCall: (request, settings, secrets, credential) => toBatchCall([request], settings, secrets, credential),

  toOutcome: etrustedOutcome,

  login: {
    // RFC 6749 §4.4.2: a form-encoded POST of the client credentials, for eTrusted's API audience.
    toCall: (settings, secrets) => ({
      method: 'POST',
      url: settings.token_url,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: secrets.clientId,
        client_secret: secrets.clientSecret,
        audience: settings.audience,
      }).toString(),
    }),
    read: tokenCredential,
  },
};
