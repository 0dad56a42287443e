import { h } from 'preact';

/**
 * A view's h1. It takes focus when the view changes (tabindex -1: focusable
 * by script, not in the tab order), so screen readers announce the new page.
 */
export function ViewHeading({ text }: { text: string }) {
  return (
    <h1 class="view-title" tabIndex={-1}>
      {text}
    </h1>
  );
}
