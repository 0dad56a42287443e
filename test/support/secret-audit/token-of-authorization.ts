/**
 * The token in a CustomerSure `Authorization: Token token="…"` header, when it
 * is long enough to be a real one (short made-up ones such as "fake" would
 * match ordinary words in replies).
 *
 * @example
 * tokenOfAuthorization('Token token="acme-token-0001"') // 'acme-token-0001'
 */
export function tokenOfAuthorization(header: string | null | undefined): string | undefined {
  const match = /^\s*Token\s+token\s*=\s*"?([^"\s,]+)"?\s*$/i.exec(header ?? '');
  const token = match?.[1];
  return token !== undefined && token.length >= 12 ? token : undefined;
}
