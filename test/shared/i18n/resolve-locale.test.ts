import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../../../src/shared/i18n/resolve-locale';

describe('resolveLocale()', () => {
  it.each([
    ['es-MX', 'es-MX'],
    ['ES_mx', 'es-MX'],
    ['es-AR', 'es'],
    ['zh-cn', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-GB', 'en'],
    ['en-us', 'en-US'],
    ['fr-CA', 'fr'],
    ['nb-NO', 'no'],
    ['nn', 'no'],
    ['iw', 'he'],
    ['in', 'id'],
    ['ar-EG', 'ar'],
    ['pt-BR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [' de ', 'de'],
  ])('reads %j as %j', (requested, expected) => {
    expect(resolveLocale(requested)).toBe(expected);
  });
});
