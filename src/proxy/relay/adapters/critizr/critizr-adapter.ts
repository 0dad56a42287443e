/**
 * The relay adapter for Critizr's Solicitation API
 * (/work/shared/seeds/critizr-solicitation-api.txt): `POST /v2/solicitations`
 * for one request, `POST /v2/solicitations/bulk` ("up to 1000 solicitations at
 * a time") for several due together, and `GET /v2/solicitations/{id}` to read a
 * status back. A translator only; `deliver` makes the calls.
 *
 * Critizr takes no idempotency key and its payload has no field it keeps
 * unique: a send whose reply was lost (a reset or a timeout after Critizr
 * acted) and is then retried solicits the customer twice. A lost bulk reply,
 * retried, sends up to 1,000 of them twice.
 *
 * A solicitation goes out when it is posted ("right after an interaction!"):
 * there is no send time in the payload, so the caller posts at `sendAt`.
 */
import type { HttpCall, RelayAdapter } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import { checkCritizr } from './critizr-check';
import { solicitationOf, type Solicitation } from './critizr-fields';
import { critizrOutcome } from './critizr-replies';
import type { CritizrSecrets, CritizrSettings } from './critizr-settings';

export { statusToState, toBulkOutcomes, type CritizrState } from './critizr-replies';

/** "With this endpoint, you will be able to send up to 1000 solicitations at a time!" */
export const BULK_LIMIT = 1000;

// The seed's only word on auth: "you can use your access token to make direct requests". Sent as an
// OAuth-style Bearer header (the contract fake's reading). Every payload of the seed is JSON.
function headers(secrets: CritizrSecrets, body: boolean): Record<string, string> {
  return { Authorization: `Bearer ${secrets.token}`, Accept: 'application/json', ...(body && { 'Content-Type': 'application/json' }) };
}

function solicitation(request: RelayRequest, settings: CritizrSettings): Solicitation {
  const built = solicitationOf(request, settings);
  if (!built) throw new RangeError(`critizr: request ${request.id} lacks a sender, survey, place or recipient; check() it first`);
  return built;
}

/**
 * One `POST /v2/solicitations`.
 *
 * @example
 * toSingleCall(request, settings, { token }) // { method: 'POST', url: 'https://api.critizr.com/v2/solicitations', … }
 */
export function toSingleCall(request: RelayRequest, settings: CritizrSettings, secrets: CritizrSecrets): HttpCall {
  // "Use the endpoint url https://api.critizr.com/v2/solicitations with the POST verb."
  return { method: 'POST', url: `${settings.base_url}/v2/solicitations`, headers: headers(secrets, true), body: JSON.stringify(solicitation(request, settings)) };
}

/**
 * The bulk calls for requests due together: one per group sharing `sender`, `survey`, `type` and
 * `place` (the bulk payload holds them once, above `data`), each of at most 1,000 requests, in the
 * order given. Read each reply with `toBulkOutcomes(reply, group.requests)`.
 *
 * @example
 * for (const { call, requests: group } of toBulkCalls(requests, settings, secrets)) outcomes.push(...toBulkOutcomes(await send(call), group));
 */
export function toBulkCalls(
  requests: readonly RelayRequest[],
  settings: CritizrSettings,
  secrets: CritizrSecrets,
): { call: HttpCall; requests: RelayRequest[] }[] {
  const groups = new Map<string, { head: Omit<Solicitation, 'recipient' | 'context'>; items: { request: RelayRequest; s: Solicitation }[] }>();
  for (const request of requests) {
    const s = solicitation(request, settings);
    const key = JSON.stringify([s.sender, s.survey, s.type, s.place]);
    const group = groups.get(key) ?? { head: { sender: s.sender, survey: s.survey, type: s.type, place: s.place }, items: [] };
    group.items.push({ request, s });
    groups.set(key, group);
  }
  const calls: { call: HttpCall; requests: RelayRequest[] }[] = [];
  for (const { head, items } of groups.values()) {
    for (let start = 0; start < items.length; start += BULK_LIMIT) {
      const chunk = items.slice(start, start + BULK_LIMIT);
      // "Use the endpoint url https://api.critizr.com/v2/solicitations/bulk with the POST verb."
      const body = { ...head, data: chunk.map(({ s }) => ({ recipient: s.recipient, context: s.context })) };
      calls.push({
        call: { method: 'POST', url: `${settings.base_url}/v2/solicitations/bulk`, headers: headers(secrets, true), body: JSON.stringify(body) },
        requests: chunk.map(({ request }) => request),
      });
    }
  }
  return calls;
}

/**
 * The call reading one solicitation back ("Now you can send a GET request to see this new
 * solicitation and keep track of its status' evolutions!"). The seed names no path; this is the
 * contract fake's `/v2/solicitations/{id}`. Read the reply with `statusToState`.
 *
 * @example
 * toStatusCall('7', settings, secrets) // { method: 'GET', url: 'https://api.critizr.com/v2/solicitations/7', … }
 */
export function toStatusCall(providerId: string, settings: CritizrSettings, secrets: CritizrSecrets): HttpCall {
  return { method: 'GET', url: `${settings.base_url}/v2/solicitations/${encodeURIComponent(providerId)}`, headers: headers(secrets, false) };
}

/**
 * @example
 * const outcome = await deliver(critizrAdapter, request, settings, { token }, 'acme/critizr', deps);
 */
export const critizrAdapter: RelayAdapter<CritizrSettings, CritizrSecrets> = {
  provider: 'critizr',
  check: checkCritizr,
  // One solicitation. Template ids, `callbackUrl` and (with ignore_reminders) reminders have no place in
  // Critizr's payload: the wording is the Critizr survey's, and statuses are read back with GET.
  toCall: (request, settings, secrets) => toSingleCall(request, settings, secrets),
  toOutcome: critizrOutcome,
};
