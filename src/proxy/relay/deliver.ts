import type { CredentialCache } from './credential-cache';
import type { Outcome, RelayAdapter } from './relay-adapter';
import type { RelayRequest } from './relay-request';
import { sendCall } from './send-call';

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
  const timeoutMs = deps.timeoutMs ?? 10_000;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let credential = adapter.login ? deps.credentials.fresh(cacheKey, deps.now()) : undefined;
    if (adapter.login && !credential) {
      const sent = await sendCall(adapter.login.toCall(settings, secrets), deps.fetch, timeoutMs);
      if (!sent.ok) return { kind: 'retry', reason: `login: ${sent.reason}` };
      const read = adapter.login.read(sent.reply, deps.now());
      if ('kind' in read) return read.kind === 'reauthenticate' ? { kind: 'refused', reason: `login refused: ${read.reason}` } : read;
      credential = read;
      deps.credentials.put(cacheKey, credential);
    }
    const sent = await sendCall(adapter.toCall(request, settings, secrets, credential), deps.fetch, timeoutMs);
    if (!sent.ok) return { kind: 'retry', reason: sent.reason };
    const outcome = adapter.toOutcome(sent.reply);
    if (outcome.kind !== 'reauthenticate') return outcome;
    deps.credentials.drop(cacheKey);
    if (!adapter.login) return { kind: 'refused', reason: outcome.reason };
  }
  return { kind: 'refused', reason: 'credentials refused twice in a row: check the relay settings' };
}
