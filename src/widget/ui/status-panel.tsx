import type { ComponentChildren } from 'preact';
import { AlertIcon, CheckIcon } from './icons';

export interface StatusPanelProps {
  tone: 'busy' | 'done' | 'problem';
  title: string;
  text?: string;
  children?: ComponentChildren;
}

/**
 * The centred panel for loading, thank-you and error states. It is a live
 * region, so screen readers announce the thank-you or the problem.
 */
export function StatusPanel({ tone, title, text, children }: StatusPanelProps) {
  return (
    <div class="panel" role={tone === 'problem' ? 'alert' : 'status'}>
      {tone === 'busy' ? (
        <span class="spinner" aria-hidden="true" />
      ) : (
        <span class={`badge${tone === 'problem' ? ' bad' : ''}`} aria-hidden="true">
          {tone === 'done' ? <CheckIcon /> : <AlertIcon />}
        </span>
      )}
      <h3>{title}</h3>
      {text && <p>{text}</p>}
      {children && <div class="actions">{children}</div>}
    </div>
  );
}
