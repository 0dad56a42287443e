/** What a secret becomes in anything the proxy keeps or shows. */
export const REDACTED = '[redacted]';

/**
 * Values shorter than this are left alone: they would match ordinary words in
 * a reply (a username such as "acme"), and a secret that short is no secret.
 */
const MIN_SECRET_CHARS = 4;

/**
 * A function replacing every one of `secrets` in a text with `[redacted]`, in
 * each form a relay call carries it: as is, URL- and form-encoded (Securating's
 * form, eTrusted's token request), JSON-escaped (Customer Radar's login body),
 * base64 (HTTP Basic, alone or as `a:b` with another secret of the route).
 * A provider that echoes our call back (an error page quoting the request, a
 * debugging proxy) would otherwise have its words, and our credentials with
 * them, stored as a request's reason and shown by the API, the dashboard and
 * the webhooks. Pure.
 *
 * @example
 * redactSecrets(['s3cret-key'])('keywebsite=s3cret-key refused') // 'keywebsite=[redacted] refused'
 */
export function redactSecrets(secrets: Iterable<string | undefined>): (text: string) => string {
  const values = [...new Set([...secrets].filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_CHARS))];
  const forms = new Set<string>();
  for (const value of values) {
    forms.add(value);
    forms.add(encodeURIComponent(value));
    forms.add(new URLSearchParams([['', value]]).toString().slice(1));
    forms.add(JSON.stringify(value).slice(1, -1));
    for (const encoded of [base64(value), ...values.filter((other) => other !== value).map((other) => base64(`${other}:${value}`))]) {
      forms.add(encoded);
      forms.add(encoded.replace(/=+$/, ''));
    }
  }
  if (forms.size === 0) return (text) => text;
  // Longest first, so a value's encoded form is not half-replaced by a shorter secret inside it.
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, REDACTED);
}

/**
 * The string values of a route's secrets object (`{token}`, `{username, password}`, …).
 *
 * @example
 * secretValues({ clientId: 'id-1', clientSecret: 's-2' }) // ['id-1', 's-2']
 */
export function secretValues(secrets: unknown): string[] {
  if (typeof secrets !== 'object' || secrets === null) return [];
  return Object.values(secrets).filter((v): v is string => typeof v === 'string');
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
