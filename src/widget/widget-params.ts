import { CODE_PATTERN } from '../shared/param-keys';

/** `data-widget-params`: which survey to show and where the proxy is. */
export interface WidgetParams {
  org: string;
  survey: string;
  /** Base URL of the proxy, without a trailing slash. */
  proxy: string;
  /** Overrides the survey's own locale. */
  locale?: string;
  /** light (default), dark, or auto: follow the visitor's prefers-color-scheme. */
  theme?: 'light' | 'dark' | 'auto';
  /** The page's CSP nonce, for the <style> used where constructable stylesheets are missing. */
  nonce?: string;
  /** `inline`: the survey shows in the widget's own element, in the flow of the page; absent, a popover. */
  display?: 'inline';
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Reads `data-widget-params`. `proxy` defaults to the base URL the widget
 * script was loaded from, so the seed's snippet needs no extra key.
 *
 * @example
 * readWidgetParams('{"org": "acme", "survey": "nps"}', 'https://proxy.example/')
 * // { ok: true, value: { org: 'acme', survey: 'nps', proxy: 'https://proxy.example' } }
 */
export function readWidgetParams(raw: string | null, defaultProxy: string): ParseResult<WidgetParams> {
  const parsed = parseJsonObject(raw ?? '', 'data-widget-params');
  if (!parsed.ok) return parsed;
  const { org, survey, proxy = defaultProxy, locale, theme, nonce, display } = parsed.value;
  for (const [key, value] of [['org', org], ['survey', survey]]) {
    if (typeof value !== 'string' || !CODE_PATTERN.test(value)) {
      return { ok: false, problem: `data-widget-params "${key}" must be a code of letters, digits, - and _` };
    }
  }
  const base = typeof proxy === 'string' && /^https?:\/\//.test(proxy) ? proxy.replace(/[?#].*/, '').replace(/\/+$/, '') : undefined;
  if (!base) return { ok: false, problem: 'data-widget-params "proxy" must be an http(s) URL' };
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return {
    ok: true,
    value: { org, survey, proxy: base, locale: text(locale), theme: ['dark', 'auto'].includes(theme as string) ? theme : undefined, nonce: text(nonce), display: display === 'inline' ? display : undefined } as WidgetParams,
  };
}

/** Parses an attribute that must hold a JSON object; the problem names the attribute and what JSON.parse said. */
export function parseJsonObject(raw: string, attribute: string): ParseResult<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
    return { ok: false, problem: `${attribute} must be a JSON object` };
  } catch (error) {
    return { ok: false, problem: `${attribute} is not valid JSON (${(error as Error).message})` };
  }
}
