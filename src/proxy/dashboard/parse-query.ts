import type { z } from 'zod';
import type { FieldError } from '../../shared/error-body';
import { zodIssueErrors } from '../zod-issue-errors';

/** Keys that may repeat in a dashboard query (`segment=a:1&segment=b:2`); every other key is read once. */
const REPEATED = new Set(['segment']);

/**
 * A dashboard query string read with its zod schema: the value, or every
 * problem as v1 field errors (a 422 body) naming the parameter.
 */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldError[] } {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    raw[key] = REPEATED.has(key) ? values : (values[values.length - 1] as string);
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodIssueErrors(parsed.error.issues) };
}
