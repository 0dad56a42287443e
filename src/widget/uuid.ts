/**
 * A random UUID v4 from `getRandomValues`, which unlike `crypto.randomUUID`
 * also exists on plain-http pages (randomUUID needs a secure context).
 * In the template, 0 and 1 become random hex digits, 4 stays (the version) and
 * 8 becomes 8-b (the variant).
 */
export function uuidv4(crypto: Pick<Crypto, 'getRandomValues'>): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let n = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (bytes[n++]! & (15 >> (+c / 4)))).toString(16));
}
