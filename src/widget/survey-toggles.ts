/** The attribute of the merchant's own openers; its value, when given, names a survey code. */
export const TOGGLE_ATTRIBUTE = 'data-survey-toggle';

/** What a toggle needs of the widget it opens. */
export interface ToggleTarget {
  toggle(): void;
  isOpen(): boolean;
  /** The id of the widget's host element, for `aria-controls`. */
  hostId: string;
}

export interface ToggleWatch {
  /** Puts `aria-haspopup`, `aria-expanded` and `aria-controls` on every opener, in step with its widget. */
  sync(): void;
  stop(): void;
}

/**
 * Wires every `[data-survey-toggle]` element, including those the page adds
 * later, with one delegated click listener. The host's own handlers always
 * run: the event is never stopped or prevented.
 */
export function watchToggles(document: Document, find: (code: string) => ToggleTarget | undefined): ToggleWatch {
  const targetOf = (opener: Element) => find(opener.getAttribute(TOGGLE_ATTRIBUTE) ?? '');
  const sync = () => {
    document.querySelectorAll(`[${TOGGLE_ATTRIBUTE}]`).forEach((opener) => {
      const target = targetOf(opener);
      if (!target) return;
      opener.setAttribute('aria-haspopup', 'dialog');
      opener.setAttribute('aria-expanded', String(target.isOpen()));
      opener.setAttribute('aria-controls', target.hostId);
    });
  };
  const onClick = (event: Event) => {
    const opener = (event.target as Element | null)?.closest?.(`[${TOGGLE_ATTRIBUTE}]`);
    if (opener) targetOf(opener)?.toggle();
  };
  document.addEventListener('click', onClick);
  // Openers added later get their ARIA attributes at once, not at the next toggle.
  const observer = new MutationObserver(sync);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  sync();
  return {
    sync,
    stop() {
      document.removeEventListener('click', onClick);
      observer.disconnect();
    },
  };
}
