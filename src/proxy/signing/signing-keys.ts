import type { SecretLookup } from '../config';

/** HS256 keys shorter than the hash output are weaker than the hash (RFC 7518 3.2 asks for at least 256 bits). */
export const MIN_KEY_BYTES = 32;

/** One org's signed-params settings, its secrets read: what the proxy verifies with. */
export interface SigningSettings {
  /** Every survey of the org refuses responses without valid signed params. */
  required: boolean;
  /** The usable secrets by key id; a key whose variable is unset or short is left out. */
  keys: ReadonlyMap<string, string>;
}

/** An org without signing settings: nothing required, nothing verifies. */
export const NO_SIGNING: SigningSettings = { required: false, keys: new Map() };

/**
 * Reads the secrets an org's `signed_params` names. A key id whose variable
 * is unset or shorter than 32 bytes is reported (org, kid and variable, never
 * a value) and left out, so tokens under it are refused as an unknown key id
 * rather than checked against a guessable secret.
 *
 * @example
 * signingKeys('acme', { required: false, keys: { '2026-11': 'ACME_SIGNING_KEY_2026_11' } }, (name) => env[name], console.error)
 * // { required: false, keys: Map { '2026-11' => '…' } }
 */
export function signingKeys(
  org: string,
  settings: { required: boolean; keys: Record<string, string> } | undefined,
  secrets: SecretLookup,
  log: (message: string) => void,
): SigningSettings {
  if (!settings) return NO_SIGNING;
  const keys = new Map<string, string>();
  for (const [kid, variable] of Object.entries(settings.keys)) {
    const secret = secrets(variable);
    if (secret === undefined) log(`[survey-proxy] ${org} signing key "${kid}" is unusable: ${variable} is not set`);
    else if (Buffer.byteLength(secret, 'utf8') < MIN_KEY_BYTES) log(`[survey-proxy] ${org} signing key "${kid}" is unusable: ${variable} is shorter than ${MIN_KEY_BYTES} bytes`);
    else keys.set(kid, secret);
  }
  if (settings.required && keys.size === 0) log(`[survey-proxy] ${org} requires signed survey params but has no usable signing key: every response will be refused`);
  return { required: settings.required, keys };
}
