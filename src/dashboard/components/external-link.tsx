import { h } from 'preact';

/**
 * A value that links out when the org configured a URL for it (`links` in the
 * reply, always http(s)), else plain text. noopener noreferrer: the other
 * system learns nothing of the dashboard and cannot reach back into it.
 */
export function ExternalLink({ text, href }: { text: string; href: string | undefined }) {
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}
