import type { DeliverDeps } from './deliver';
import type { Credential, HttpCall, HttpReply, Outcome, RelayAdapter } from './relay-adapter';
import { secretValues } from './redact-secrets';
import type { RelayRequest } from './relay-request';
import { sendCall } from './send-call';

/** A system's call for several requests at once, and how to read its reply per request. */
export interface BatchCall<Settings, Secrets> {
  toCall(requests: readonly RelayRequest[], settings: Settings, secrets: Secrets, credential?: Credential): HttpCall;
  toOutcomes(reply: HttpReply, requests: readonly RelayRequest[]): Outcome[];
}

/**
 * Sends several requests in one call (Critizr's bulk endpoint, eTrusted's
 * invite list), with `deliver`'s login, credential renewal and timeout, and
 * one outcome per request, in order. A call that never got a reply is worth
 * retrying for every request in it. Never throws.
 *
 * @example
 * const outcomes = await deliverBatch(critizrAdapter, { toCall: …, toOutcomes: toBulkOutcomes }, requests, settings, secrets, 'acme/critizr', deps);
 */
export async function deliverBatch<Settings, Secrets>(
  adapter: RelayAdapter<Settings, Secrets>,
  batch: BatchCall<Settings, Secrets>,
  requests: readonly RelayRequest[],
  settings: Settings,
  secrets: Secrets,
  cacheKey: string,
  deps: DeliverDeps,
): Promise<Outcome[]> {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const all = (outcome: Outcome) => requests.map(() => outcome);
  // Whatever the system answers is read with the route's credentials blanked out (see sendCall).
  const secretsOf = (credential?: Credential) => [...secretValues(secrets), credential?.token];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let credential = adapter.login ? deps.credentials.fresh(cacheKey, deps.now()) : undefined;
    const login = adapter.login;
    if (login && !credential) {
      const got = await deps.credentials.once(cacheKey, async (): Promise<Credential | Outcome> => {
        const sent = await sendCall(login.toCall(settings, secrets), deps.fetch, timeoutMs, secretsOf());
        if (!sent.ok) return { kind: 'retry', reason: `login: ${sent.reason}` };
        const read = login.read(sent.reply, deps.now());
        if ('kind' in read) return read.kind === 'reauthenticate' ? { kind: 'refused', reason: `login refused: ${read.reason}` } : read;
        deps.credentials.put(cacheKey, read);
        return read;
      });
      if ('kind' in got) return all(got);
      credential = got;
    }
    const sent = await sendCall(batch.toCall(requests, settings, secrets, credential), deps.fetch, timeoutMs, secretsOf(credential));
    if (!sent.ok) return all({ kind: 'retry', reason: sent.reason });
    const outcomes = batch.toOutcomes(sent.reply, requests);
    if (!outcomes.some((o) => o.kind === 'reauthenticate')) return outcomes;
    deps.credentials.drop(cacheKey);
    if (!adapter.login) return outcomes.map((o) => (o.kind === 'reauthenticate' ? { kind: 'refused', reason: o.reason } : o));
  }
  return all({ kind: 'refused', reason: 'credentials refused twice in a row: check the relay settings' });
}
