/**
 * A random UUID v4: `crypto.randomUUID` where the page is a secure context,
 * otherwise built from `getRandomValues` (plain-http intranet pages lack randomUUID).
 * In the template, 0 and 1 become random hex digits, 4 stays (the version) and
 * 8 becomes 8-b (the variant).
 */
export function uuidv4(crypto: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string }): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let n = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (bytes[n++]! & (15 >> (+c / 4)))).toString(16));
}
