import { describe, expect, it } from 'vitest';
import { chooseEncoding, type Encoding } from '../../../src/proxy/widget-files/choose-encoding';

describe('chooseEncoding()', () => {
  it.each<[string | undefined, Encoding, string]>([
    ['gzip, deflate, br, zstd', 'br', 'a browser gets brotli, the smallest'],
    ['gzip, deflate', 'gzip', 'a client without brotli gets gzip'],
    [undefined, 'identity', 'a client that sends no Accept-Encoding gets plain bytes'],
    ['', 'identity', 'an empty header asks for no coding'],
    ['identity', 'identity', 'identity alone is plain bytes'],
    ['deflate, zstd', 'identity', 'codings the proxy does not store fall back to plain'],
    ['br;q=0.5, gzip', 'gzip', 'a higher q-value beats the server’s preference'],
    ['gzip;q=0.8, br;q=0.8', 'br', 'equal q-values go to the smaller file'],
    ['br;q=0, gzip', 'gzip', 'q=0 refuses a coding'],
    ['br;q=0.000, gzip;q=0.001', 'gzip', 'q=0.000 refuses too, and q=0.001 still accepts'],
    ['*', 'br', '* accepts every coding'],
    ['*;q=0.5, br;q=0', 'gzip', '* gives its q-value to codings not named'],
    ['gzip;q=0.5', 'gzip', 'an identity not mentioned is only the last resort'],
    ['gzip;q=0.5, identity', 'identity', 'an identity named at q=1 wins'],
    ['br;q=0, gzip;q=0, identity;q=0', 'identity', 'refusing everything still gets plain bytes, not a 406'],
    ['*;q=0', 'identity', '*;q=0 refuses everything too'],
    ['BR, GZIP', 'br', 'codings are case-insensitive'],
    ['br; Q=0, gzip', 'gzip', 'the q parameter is case-insensitive, and spaces are allowed'],
    ['x-gzip', 'gzip', 'x-gzip means gzip'],
    ['br;q=2, gzip', 'gzip', 'a q-value over 1 voids its entry'],
    ['br;q=0.5000, gzip;q=0.1', 'gzip', 'a q-value with four decimals voids its entry'],
    ['br;q=abc, gzip;q=0.1', 'gzip', 'a q-value that is no number voids its entry'],
    [' , ,gzip', 'gzip', 'empty list entries are skipped'],
  ])('%j → %s: %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
