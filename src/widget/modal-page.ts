/**
 * What the page around an open popover needs on phones: it must not scroll
 * behind the sheet, and when the on-screen keyboard shrinks the visual
 * viewport the sheet shrinks with it, keeping the focused field in sight.
 * Returns the function that puts the page back as it was.
 */
export function holdPage(document: Document, host: HTMLElement, root: ShadowRoot): () => void {
  const html = document.documentElement.style;
  const overflow = html.overflow;
  html.overflow = 'hidden';
  const viewport = document.defaultView?.visualViewport;
  const fit = () => {
    host.style.setProperty('--sw-vh', `${viewport!.height}px`);
    (root.activeElement as HTMLElement | null)?.scrollIntoView?.({ block: 'nearest' });
  };
  viewport?.addEventListener('resize', fit);
  return () => {
    html.overflow = overflow;
    viewport?.removeEventListener('resize', fit);
    host.style.removeProperty('--sw-vh');
  };
}
