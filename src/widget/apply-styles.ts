/**
 * Puts the stylesheet into a shadow root: a constructable stylesheet where the
 * browser has them (no inline <style>, so a strict style-src CSP is happy),
 * otherwise a <style> element carrying the page's nonce.
 */
export function applyStyles(root: ShadowRoot, css: string, nonce?: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Fall through to a <style> element (older engines throw on construct).
    }
  }
  const style = root.ownerDocument.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  root.appendChild(style);
}
