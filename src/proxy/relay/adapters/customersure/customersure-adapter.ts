/**
 * The CustomerSure relay: a merchant's feedback request, already in CustomerSure's format,
 * forwarded to the real API (`POST {base_url}/feedback_requests`) with the org's token, company
 * name and id mappings (seed: `/work/shared/seeds/customersure-rest-and-widget-api.txt`).
 *
 * CustomerSure takes no idempotency key and documents no lookup by machine_id: a retry after a
 * reply lost on the way (a reset, a timeout) can create the feedback request twice.
 */
import type { HttpCall, RelayAdapter } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import { checkCustomerSure } from './customersure-check';
import { toCustomerSureBody } from './customersure-fields';
import { customerSureOutcome } from './customersure-outcome';
import type { CustomerSureSecrets, CustomerSureSettings } from './customersure-settings';

/**
 * The call that creates one feedback request.
 *
 * @example
 * toCustomerSureCall(request, settings, { token: 'ec76…' }).url // 'https://api.customersure.com/feedback_requests'
 */
export function toCustomerSureCall(request: RelayRequest, settings: CustomerSureSettings, secrets: CustomerSureSecrets): HttpCall {
  return {
    method: 'POST',
    // "POST https://api.customersure.com/feedback_requests"
    url: `${settings.base_url}/feedback_requests`,
    headers: {
      // "you MUST explicitly specify the version on every API request via the HTTP Accept header."
      Accept: 'application/vnd.customersure.v1+json',
      // "You must set the token in the Authorization header in every API request." Quoted, as the
      // seed's examples quote it, so a token is read whole whatever it holds.
      Authorization: `Token token="${secrets.token}"`,
      // "All API requests MUST include a valid User-Agent header. […] Please use the same company
      // name as you use for your CustomerSure account".
      'User-Agent': settings.company_name,
      // "parameters not included in the URL should be encoded as JSON with a Content-Type of
      // 'application/json'."
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(toCustomerSureBody(request, settings)),
  };
}

/**
 * The adapter with its clock: `now` judges "in the future" in `check` and dates an HTTP-date
 * `Retry-After` in `toOutcome`.
 */
export function createCustomerSureAdapter(now: () => number): RelayAdapter<CustomerSureSettings, CustomerSureSecrets> {
  return {
    provider: 'customersure',
    relaysAtOnce: true,
    check: (request, settings) => checkCustomerSure(request, settings, now()),
    // No `login`: "To get your API token simply email us at support and we'll issue it to you."
    toCall: (request, settings, secrets) => toCustomerSureCall(request, settings, secrets),
    toOutcome: (reply) => customerSureOutcome(reply, now()),
  };
}

/**
 * CustomerSure on the wall clock.
 *
 * @example
 * await deliver(customerSureAdapter, request, settings, { token }, 'acme/customersure', deps);
 */
export const customerSureAdapter: RelayAdapter<CustomerSureSettings, CustomerSureSecrets> = createCustomerSureAdapter(Date.now);
