import type { Context } from 'hono';
import type { z } from 'zod';
import { isJsonContentType } from '../require-json';
import { errorResponse } from '../json-response';
import { echoed } from '../validation-error';
import { validationFailed } from './api-errors';
import { zodIssueErrors } from '../zod-issue-errors';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Reads a POST/PATCH body the seed's way: JSON ("400 Bad Request - The
 * request cannot be fulfilled due to malformed JSON"), only the schema's
 * keys ("403 Forbidden - You'll see this if you send us unpermitted
 * parameters"), then the schema's rules (422, every problem at once, named
 * against `resource`).
 */
export async function readJsonBody<S extends z.ZodObject>(c: Context, schema: S, resource: string): Promise<BodyResult<z.infer<S>>> {
  if (!isJsonContentType(c.req.header('Content-Type'))) {
    return { ok: false, response: errorResponse(415, 'Unsupported Media Type: send the body as application/json') };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, response: errorResponse(400, 'Problems parsing JSON') };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, response: errorResponse(400, 'Problems parsing JSON: the body must be a JSON object') };
  }
  const allowed = new Set(Object.keys(schema.shape));
  const unpermitted = Object.keys(raw).filter((key) => !allowed.has(key));
  if (unpermitted.length) {
    return { ok: false, response: errorResponse(403, `Unpermitted parameters: ${unpermitted.slice(0, 20).map((key) => echoed(key)).join(', ')}; allowed: ${[...allowed].join(', ')}`) };
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const errors = zodIssueErrors(parsed.error.issues).map((e) => ({ ...e, resource }));
    return { ok: false, response: validationFailed(errors) };
  }
  return { ok: true, value: parsed.data };
}
