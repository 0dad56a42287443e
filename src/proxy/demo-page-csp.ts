import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of a demo page: only scripts and styles from
 * this proxy, plus the inline ones the page itself carries, allowed by their
 * sha256 hashes (the snippet merchants paste ends in an inline
 * `<script>CustomerSureSurveyWidget.init();</script>`, and test pages carry
 * `onclick` and `style` attributes). An inline script injected into a page
 * later has no hash here, so it does not run. Framed only by this proxy's own
 * pages. Pure.
 *
 * @example
 * demoPageCsp('<script src="/survey_widget.js"></script><script>CustomerSureSurveyWidget.init();</script>')
 * // "default-src 'self'; script-src 'self' 'sha256-…'; style-src 'self'; …; frame-ancestors 'self'"
 */
export function demoPageCsp(html: string): string {
  const inline = inlineCode(html);
  return [
    "default-src 'self'",
    sources('script-src', inline.scripts, inline.handlers),
    sources('style-src', inline.styles, inline.styleAttributes),
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

interface InlineCode {
  /** Contents of `<script>` elements without `src`. */
  scripts: string[];
  /** Values of `on…` attributes. */
  handlers: string[];
  /** Contents of `<style>` elements. */
  styles: string[];
  /** Values of `style` attributes. */
  styleAttributes: string[];
}

// A start tag, attribute by attribute, so a `>` inside a quoted value (JSON in data-survey-params) is no end.
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** What inline code `html` carries, as the browser will hash it. */
function inlineCode(source: string): InlineCode {
  // The HTML parser turns CR LF and lone CR into LF before anything else, hashes included.
  const html = source.replace(/\r\n?/g, '\n');
  const found: InlineCode = { scripts: [], handlers: [], styles: [], styleAttributes: [] };
  for (const tag of html.matchAll(START_TAG)) {
    const name = tag[1]!.toLowerCase();
    const attributes = new Map<string, string>();
    for (const attribute of tag[2]!.matchAll(ATTRIBUTE)) {
      const key = attribute[1]!.toLowerCase();
      // The first of a repeated attribute wins, as in the parser.
      if (!attributes.has(key)) attributes.set(key, decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
    }
    for (const [key, value] of attributes) {
      if (key.startsWith('on')) found.handlers.push(value);
      else if (key === 'style') found.styleAttributes.push(value);
    }
    const end = (tag.index ?? 0) + tag[0].length;
    if (name === 'script' && !attributes.has('src')) found.scripts.push(rawText(html, end, 'script'));
    if (name === 'style') found.styles.push(rawText(html, end, 'style'));
  }
  return found;
}

/** The text of a script or style element: everything up to its end tag, character references and all. */
function rawText(html: string, from: number, name: string): string {
  const close = html.slice(from).search(new RegExp(`</${name}[\\s/>]`, 'i'));
  return close === -1 ? html.slice(from) : html.slice(from, from + close);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Attribute values are hashed as the parser leaves them: character references decoded. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function sources(directive: string, elements: string[], attributes: string[]): string {
  const hashes = [...new Set([...elements, ...attributes].map(sha256))];
  // 'unsafe-hashes' lets a hash match an attribute (onclick, style) too; only when a page has one.
  return [directive, "'self'", ...(attributes.length > 0 ? ["'unsafe-hashes'"] : []), ...hashes].join(' ');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
