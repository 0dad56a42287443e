import type { HttpCall, HttpReply } from './relay-adapter';
import { redactSecrets } from './redact-secrets';

export type SendResult = { ok: true; reply: HttpReply } | { ok: false; reason: string };

/**
 * Makes one call with a deadline. Never throws: a network error or a
 * timeout is a value, which `deliver` treats as worth retrying.
 *
 * `secrets` (the route's credentials, a login's token) are redacted from
 * the reply and the error before anyone reads them: adapters quote a
 * provider's words as a request's reason, and a provider that echoes the
 * call back would otherwise put our credentials there.
 */
export async function sendCall(call: HttpCall, fetchFn: typeof fetch, timeoutMs: number, secrets: readonly (string | undefined)[] = []): Promise<SendResult> {
  const redact = redactSecrets(secrets);
  try {
    const response = await fetchFn(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
    const body = redact(await response.text());
    return { ok: true, reply: { status: response.status, headers: Object.fromEntries([...response.headers].map(([k, v]) => [k.toLowerCase(), redact(v)])), body } };
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `network error: ${redact((error as Error).message)}`;
    return { ok: false, reason };
  }
}
