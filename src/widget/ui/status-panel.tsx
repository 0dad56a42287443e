import type { ComponentChildren } from 'preact';
import { CheckIcon, CloseIcon } from './icons';

export interface StatusPanelProps {
  done: boolean;
  title: string;
  text: string;
  children: ComponentChildren;
}

/**
 * The centred panel for the thank-you and for a failed send. It is a live
 * region, so screen readers announce the thank-you or the problem.
 */
export function StatusPanel({ done, title, text, children }: StatusPanelProps) {
  return (
    <div class="panel" role={done ? 'status' : 'alert'}>
      <span class={done ? 'badge' : 'badge bad'}>{done ? <CheckIcon /> : <CloseIcon />}</span>
      <h3>{title}</h3>
      <p>{text}</p>
      <div class="actions">{children}</div>
    </div>
  );
}
