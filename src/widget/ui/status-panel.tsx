import { h } from 'preact';
import type { ComponentChildren } from 'preact';

export interface StatusPanelProps {
  title: string;
  text: string;
  /** A second line, such as "it will be sent once you are back online". */
  note?: string;
  children: ComponentChildren;
}

/** The centred thank-you panel. It is a live region, so screen readers announce it. */
export function StatusPanel({ title, text, note, children }: StatusPanelProps) {
  return (
    <div class="panel" role="status">
      <span class="badge" aria-hidden="true" />
      <h3>{title}</h3>
      <p>{text}</p>
      {note && <p class="note">{note}</p>}
      <div class="actions">{children}</div>
    </div>
  );
}
