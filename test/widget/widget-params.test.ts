import { describe, expect, it } from 'vitest';
import { parseJsonObject, readWidgetParams } from '../../src/widget/widget-params';

/** What JSON.parse itself says about `raw`, so tests do not pin one engine's wording. */
function jsonParseMessage(raw: string): string {
  try {
    JSON.parse(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}

const SCRIPT_BASE = 'https://proxy.example/';

describe('readWidgetParams()', () => {
  it("reads the seed's params and finds the proxy where the script came from", () => {
    expect(readWidgetParams('{"org": "acme", "survey": "post-purchase"}', SCRIPT_BASE)).toEqual({
      ok: true,
      value: { org: 'acme', survey: 'post-purchase', proxy: 'https://proxy.example', locale: undefined },
    });
  });

  it('keeps the path of a script base and trims its trailing slash', () => {
    const result = readWidgetParams('{"org": "acme", "survey": "nps"}', 'https://cdn.example/feedback/');
    expect(result).toMatchObject({ ok: true, value: { proxy: 'https://cdn.example/feedback' } });
  });

  it('prefers an explicit proxy to the script base', () => {
    const result = readWidgetParams('{"org": "acme", "survey": "nps", "proxy": "http://localhost:8787//"}', SCRIPT_BASE);
    expect(result).toMatchObject({ ok: true, value: { proxy: 'http://localhost:8787' } });
  });

  it('drops the fragment of a proxy URL', () => {
    const result = readWidgetParams('{"org": "acme", "survey": "nps", "proxy": "https://feedback.example/api#x"}', SCRIPT_BASE);
    expect(result).toMatchObject({ ok: true, value: { proxy: 'https://feedback.example/api' } });
  });

  it('drops the query of a proxy URL and the slash before it', () => {
    const result = readWidgetParams('{"org": "acme", "survey": "nps", "proxy": "https://feedback.example/?v=2"}', SCRIPT_BASE);
    expect(result).toMatchObject({ ok: true, value: { proxy: 'https://feedback.example' } });
  });

  it('lets the page override the survey locale', () => {
    const result = readWidgetParams('{"org": "acme", "survey": "nps", "locale": "fr"}', SCRIPT_BASE);
    expect(result).toMatchObject({ ok: true, value: { locale: 'fr' } });
  });

  it.each([
    ['empty', '""'],
    ['a number', '5'],
  ])('ignores a locale that is %s', (_, locale) => {
    const result = readWidgetParams(`{"org": "acme", "survey": "nps", "locale": ${locale}}`, SCRIPT_BASE);
    expect(result).toMatchObject({ ok: true, value: { locale: undefined } });
  });

  it('shows the survey inline, in the flow of the page, with "display": "inline"', () => {
    const result = readWidgetParams('{"org": "acme", "survey": "nps", "display": "inline"}', SCRIPT_BASE);
    expect(result).toMatchObject({ ok: true, value: { display: 'inline' } });
  });

  it.each([
    ['absent', '{"org": "acme", "survey": "nps"}'],
    ['"popover"', '{"org": "acme", "survey": "nps", "display": "popover"}'],
    ['in capitals', '{"org": "acme", "survey": "nps", "display": "INLINE"}'],
    ['not a string', '{"org": "acme", "survey": "nps", "display": true}'],
  ])('keeps the popover when display is %s', (_, raw) => {
    const result = readWidgetParams(raw, SCRIPT_BASE);
    expect(result.ok && result.value.display).toBeUndefined();
  });

  it('names the attribute and keeps what JSON.parse said about bad JSON', () => {
    const raw = "{'org': 'acme'}";
    expect(readWidgetParams(raw, SCRIPT_BASE)).toEqual({
      ok: false,
      problem: `data-widget-params is not valid JSON (${jsonParseMessage(raw)})`,
    });
  });

  it('reports a missing attribute as invalid JSON rather than throwing', () => {
    expect(readWidgetParams(null, SCRIPT_BASE)).toEqual({
      ok: false,
      problem: `data-widget-params is not valid JSON (${jsonParseMessage('')})`,
    });
  });

  it('refuses JSON that is not an object', () => {
    expect(readWidgetParams('["acme", "nps"]', SCRIPT_BASE)).toEqual({ ok: false, problem: 'data-widget-params must be a JSON object' });
  });

  it.each([
    ['org', 'missing', '{"survey": "nps"}'],
    ['org', 'a number', '{"org": 42, "survey": "nps"}'],
    ['org', 'empty', '{"org": "", "survey": "nps"}'],
    ['survey', 'missing', '{"org": "acme"}'],
    ['survey', 'a path', '{"org": "acme", "survey": "../secrets"}'],
    ['survey', 'spaced', '{"org": "acme", "survey": "post purchase"}'],
  ])('refuses an %s that is %s, naming the key', (key, _, raw) => {
    expect(readWidgetParams(raw, SCRIPT_BASE)).toEqual({
      ok: false,
      problem: `data-widget-params "${key}" must be a code of letters, digits, - and _`,
    });
  });

  it.each([
    ['a javascript: URL', '"javascript:alert(1)"'],
    ['an ftp URL', '"ftp://proxy.example"'],
    ['a protocol-relative URL', '"//proxy.example"'],
    ['a number', '8787'],
  ])('refuses a proxy that is %s', (_, proxy) => {
    expect(readWidgetParams(`{"org": "acme", "survey": "nps", "proxy": ${proxy}}`, SCRIPT_BASE)).toEqual({
      ok: false,
      problem: 'data-widget-params "proxy" must be an http(s) URL',
    });
  });

  it('refuses a default proxy that is not http(s), as on a page opened from a file', () => {
    expect(readWidgetParams('{"org": "acme", "survey": "nps"}', 'file:///home/me/')).toMatchObject({ ok: false });
  });
});

describe('parseJsonObject()', () => {
  it('returns the object a JSON object holds', () => {
    expect(parseJsonObject('{"name": "Mariner", "vip": true}', 'data-survey-params')).toEqual({
      ok: true,
      value: { name: 'Mariner', vip: true },
    });
  });

  it.each([
    ['an array', '[1, 2]'],
    ['a string', '"Mariner"'],
    ['null', 'null'],
    ['a number', '3'],
  ])('refuses %s, naming the attribute', (_, raw) => {
    expect(parseJsonObject(raw, 'data-survey-params')).toEqual({ ok: false, problem: 'data-survey-params must be a JSON object' });
  });

  it('names the attribute and keeps what JSON.parse said about bad JSON', () => {
    const raw = '{"name": "Mariner",}';
    expect(parseJsonObject(raw, 'data-survey-params')).toEqual({
      ok: false,
      problem: `data-survey-params is not valid JSON (${jsonParseMessage(raw)})`,
    });
  });
});
