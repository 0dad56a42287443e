import type { HttpCall, HttpReply } from './relay-adapter';

export type SendResult = { ok: true; reply: HttpReply } | { ok: false; reason: string };

/**
 * Makes one call with a deadline. Never throws: a network error or a
 * timeout is a value, which `deliver` treats as worth retrying.
 */
export async function sendCall(call: HttpCall, fetchFn: typeof fetch, timeoutMs: number): Promise<SendResult> {
  try {
    const response = await fetchFn(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
    const body = await response.text();
    return { ok: true, reply: { status: response.status, headers: Object.fromEntries([...response.headers].map(([k, v]) => [k.toLowerCase(), v])), body } };
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `network error: ${(error as Error).message}`;
    return { ok: false, reason };
  }
}
