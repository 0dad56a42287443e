/**
 * The relay adapter for Customer Radar's invitation API
 * (/work/shared/seeds/customer-radar-invitation-api.txt): log in at
 * `/auth/login`, then `POST /invitation` with the token. A translator only;
 * `deliver` makes the calls and keeps the token for its 60 minutes.
 *
 * Customer Radar takes no idempotency key: a send whose reply was lost (a reset
 * or a timeout after CR acted) and is then retried invites the customer twice.
 */
import type { HttpCall, RelayAdapter } from '../../relay-adapter';
import { checkCustomerRadar } from './customer-radar-check';
import { invitationBody } from './customer-radar-fields';
import { invitationOutcome, loginCredential } from './customer-radar-replies';
import type { CustomerRadarSecrets, CustomerRadarSettings } from './customer-radar-settings';

const endpoint = (settings: CustomerRadarSettings, path: string) => `${settings.base_url.replace(/\/+$/, '')}${path}`;

/**
 * @example
 * const outcome = await deliver(customerRadarAdapter, request, settings, secrets, 'acme/customer-radar', deps);
 */
export const customerRadarAdapter: RelayAdapter<CustomerRadarSettings, CustomerRadarSecrets> = {
  provider: 'customer-radar',

  check: checkCustomerRadar,

  toCall(request, settings, _secrets, credential): HttpCall {
    return {
      // "Method: POST URL: api.feedback.fyi/invitation"
      method: 'POST',
      url: endpoint(settings, '/invitation'),
      headers: {
        // "Authorization | eyJ0sUHBDusmUUmiYQiL.CJaJ0-XAiabs | Alpha | Yes | The token which was received
        // after successful submission of username and password": the bare token, no `Bearer ` (the
        // example value has none, and the contract fake refuses one).
        Authorization: credential?.token ?? '',
        // "Content-Type | application/json | JSON | Yes"
        'Content-Type': 'application/json',
      },
      // "Body Type: Raw / JSON". The invitation goes out when CR receives it (the seed has no send
      // time), so the worker makes this call at `sendAt`; template ids have no CR equivalent (the
      // programme's Send Rule picks the message) and `callbackUrl` has nowhere to go.
      body: JSON.stringify(invitationBody(request, settings)),
    };
  },

  toOutcome: invitationOutcome,

  login: {
    // "Method: POST URL: api.feedback.fyi/auth/login Example Body: { "username":"testing" ,
    // "password":"testing12345" }". "This token needs to be set in the header for all requests and is
    // valid for 60 minutes once generated": deliver's credential cache keeps it until a minute before.
    toCall: (settings, secrets) => ({
      method: 'POST',
      url: endpoint(settings, '/auth/login'),
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: secrets.username, password: secrets.password }),
    }),
    read: loginCredential,
  },
};
