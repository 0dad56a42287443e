import type { CredentialCache } from './credential-cache';
import { deliverBatch } from './deliver-batch';
import type { Credential, HttpReply, Outcome, RelayAdapter } from './relay-adapter';
import type { RelayRequest } from './relay-request';

export interface DeliverDeps {
  fetch: typeof fetch;
  now: () => number;
  credentials: CredentialCache;
  /** How long one call may take; default 10 s. */
  timeoutMs?: number;
}

/**
 * Sends one request through its adapter: logs in first when the system needs
 * it (reusing a fresh credential), makes the call, and reads the outcome. A
 * refused credential is renewed once; refused twice, it is a configuration
 * problem and the request is refused with that reason. Never throws.
 *
 * @example
 * const outcome = await deliver(critizr, request, settings, secrets, 'acme/critizr', { fetch, now: Date.now, credentials });
 */
export async function deliver<Settings, Secrets>(
  adapter: RelayAdapter<Settings, Secrets>,
  request: RelayRequest,
  settings: Settings,
  secrets: Secrets,
  cacheKey: string,
  deps: DeliverDeps,
): Promise<Outcome> {
  // One request is a batch of one: the login, renewal and deadline live in deliverBatch alone.
  const one = {
    toCall: (requests: readonly RelayRequest[], s: Settings, sec: Secrets, credential?: Credential) => adapter.toCall(requests[0]!, s, sec, credential),
    toOutcomes: (reply: HttpReply) => [adapter.toOutcome(reply)],
  };
  const [outcome] = await deliverBatch(adapter, one, [request], settings, secrets, cacheKey, deps);
  return outcome!;
}
