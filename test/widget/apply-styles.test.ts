import { describe, expect, it } from 'vitest';
import { applyStyles } from '../../src/widget/apply-styles';

const CSS = '.trigger { color: rgb(1, 2, 3); }';

describe('applyStyles()', () => {
  it('adopts a constructed stylesheet, so no inline <style> meets the page’s CSP', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    applyStyles(root, CSS, 'n0nce');
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.adoptedStyleSheets[0]?.cssRules[0]?.cssText).toContain('.trigger');
    expect(root.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> carrying the page’s nonce where stylesheets cannot be adopted', () => {
    // A shadow root of an engine without constructable stylesheets: adopting throws.
    const holder = document.createElement('div');
    holder.appendChild(document.createElement('div'));
    const oldEngineRoot = {
      ownerDocument: document,
      set adoptedStyleSheets(_: CSSStyleSheet[]) {
        throw new TypeError('adoptedStyleSheets is not supported');
      },
      prepend: (node: Node) => holder.prepend(node),
    } as unknown as ShadowRoot;
    applyStyles(oldEngineRoot, CSS, 'n0nce');
    const style = holder.firstElementChild as HTMLStyleElement;
    expect(style.tagName).toBe('STYLE');
    expect(style.textContent).toBe(CSS);
    expect(style.nonce).toBe('n0nce');
  });
});
