/**
 * Whether the browser reached us over https: the request's own scheme, or the
 * scheme a TLS-terminating proxy in front reports, or a configured https
 * PUBLIC_URL. Decides the session cookie's `Secure` and whether HSTS is sent.
 *
 * @example
 * isHttps('http://10.0.0.5:8787/dashboard', 'https', undefined) // true: TLS ended at the load balancer
 */
export function isHttps(url: string, forwardedProto: string | undefined, publicUrl: string | undefined): boolean {
  return url.startsWith('https:') || forwardedProto?.split(',')[0]?.trim() === 'https' || Boolean(publicUrl?.startsWith('https:'));
}
