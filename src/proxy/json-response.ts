import type { ErrorBody } from '../shared/error-body';

/** Every JSON answer says its charset; some clients still guess Latin-1 without it. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A JSON `Response`; web-standard so it works from any handler or middleware. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, 'Content-Type': JSON_CONTENT_TYPE } });
}

/** A CustomerSure-style error: `{"message": "..."}`, with `errors[]` for validation. */
export function errorResponse(status: number, body: string | ErrorBody, headers: Record<string, string> = {}): Response {
  return jsonResponse(typeof body === 'string' ? { message: body } : body, status, headers);
}
