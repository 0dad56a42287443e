import { describe, expect, it } from 'vitest';
import { CATALOG, stringsFor } from '../../../src/shared/i18n/catalog';
import { en } from '../../../src/shared/i18n/en';
import { LOCALES } from '../../../src/shared/param-keys';

const KEYS = Object.keys(en).sort();
const REGIONAL = ['en-US', 'es-MX'];
/** Phrases that really are spelled as in English: Danish says "Send feedback" too. */
const SAME_AS_ENGLISH: Record<string, string[]> = { da: ['submit'] };

describe('the UI string catalog', () => {
  it('has every one of the 18 survey locales', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((l) => !REGIONAL.includes(l)))('translates every key for %s, none left empty or in English by mistake', (locale) => {
    const strings = CATALOG[locale];
    expect(Object.keys(strings).sort()).toEqual(KEYS);
    for (const value of Object.values(strings)) expect(value.trim()).not.toBe('');
    if (locale !== 'en') {
      // A few words are the same in English (Feedback, Name, E-mail); whole sentences never are.
      const same = KEYS.filter((key) => strings[key as keyof typeof en] === en[key as keyof typeof en] && en[key as keyof typeof en].includes(' '));
      expect(same).toEqual(SAME_AS_ENGLISH[locale] ?? []);
    }
  });

  it.each(REGIONAL)('keeps %s to the keys that differ from its language', (locale) => {
    const language = locale.split('-')[0] as keyof typeof CATALOG;
    for (const [key, value] of Object.entries(CATALOG[locale as keyof typeof CATALOG])) {
      expect(KEYS).toContain(key);
      expect(value).not.toBe(CATALOG[language][key as keyof typeof en]);
    }
  });

  it('keeps an example address in every email error', () => {
    for (const locale of LOCALES) expect(stringsFor(locale).error_email).toMatch(/@example\.com/);
  });

  it('falls back key by key from region to language to English', () => {
    const esMX = stringsFor('es-MX');
    expect(esMX.thanks_title).toBe(CATALOG.es.thanks_title);
    expect(esMX.error_email).toBe(CATALOG['es-MX'].error_email);
    expect(stringsFor('en-US').field_postcode).toBe('ZIP code');
    expect(stringsFor('en-US').submit).toBe(en.submit);
  });
});
