/**
 * Puts the stylesheet into a shadow root: a constructable stylesheet where the
 * browser has them (no inline <style>, so a strict style-src CSP is happy),
 * otherwise a <style> element carrying the page's nonce.
 */
export function applyStyles(root: ShadowRoot, css: string, nonce?: string): true {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // No constructable stylesheets (older engines): a <style> element instead.
    const style = root.ownerDocument.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.prepend(style);
  }
  return true;
}
