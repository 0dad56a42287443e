/** The content codings the widget's files are stored in, in the server's order of preference. */
export const ENCODINGS = ['br', 'gzip', 'identity'] as const;
export type Encoding = (typeof ENCODINGS)[number];

// RFC 9110 §12.4.2: a qvalue is 0 to 1 with at most three decimals; anything else makes the entry void.
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;
// RFC 9110 §8.4.1.3: recipients should treat x-gzip as gzip.
const ALIASES: Record<string, string> = { 'x-gzip': 'gzip' };
// An identity the header does not mention stays acceptable (RFC 9110 §12.5.3) but is the last resort,
// below any coding the client named: `gzip;q=0.5` still means "gzip, please".
const UNLISTED_IDENTITY = 0.0001;

/**
 * The coding to answer in, from a request's `Accept-Encoding` (RFC 9110
 * §12.5.3): the highest qvalue wins, `q=0` refuses, `*` stands for every
 * coding not named, and ties go to the smaller file (br, then gzip). A
 * request without the header gets identity: RFC 9110 would allow any coding,
 * but a client that says nothing (a bare `curl`) cannot be assumed to decode.
 * When the header refuses everything, identity is sent anyway, which the RFC
 * allows in place of a 406 and which a script tag can still use.
 *
 * @example
 * chooseEncoding('gzip, deflate, br, zstd') // 'br'
 * chooseEncoding('br;q=0.5, gzip')          // 'gzip'
 */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding {
  if (acceptEncoding == null) return 'identity';
  const listed = new Map<string, number>();
  for (const entry of acceptEncoding.split(',')) {
    const [coding = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=').map((part) => part.trim());
      if (key.toLowerCase() === 'q') q = QVALUE.test(value) ? Number(value) : Number.NaN;
    }
    if (Number.isNaN(q)) continue;
    const name = coding.toLowerCase();
    listed.set(ALIASES[name] ?? name, q);
  }
  const star = listed.get('*');
  const qOf = (encoding: Encoding) => listed.get(encoding) ?? star ?? (encoding === 'identity' ? UNLISTED_IDENTITY : 0);
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const encoding of ENCODINGS) {
    const q = qOf(encoding);
    if (q > bestQ) [best, bestQ] = [encoding, q];
  }
  return best;
}
