import { describe, expect, it } from 'vitest';
import type { DashboardStrings } from '../../../src/dashboard/i18n/en';
import { en } from '../../../src/dashboard/i18n/en';
import { ar } from '../../../src/dashboard/i18n/ar';
import { da } from '../../../src/dashboard/i18n/da';
import { de } from '../../../src/dashboard/i18n/de';
import { enUS } from '../../../src/dashboard/i18n/en-US';
import { es } from '../../../src/dashboard/i18n/es';
import { esMX } from '../../../src/dashboard/i18n/es-MX';
import { fi } from '../../../src/dashboard/i18n/fi';
import { fr } from '../../../src/dashboard/i18n/fr';
import { he } from '../../../src/dashboard/i18n/he';
import { id } from '../../../src/dashboard/i18n/id';
import { it as italian } from '../../../src/dashboard/i18n/it';
import { ja } from '../../../src/dashboard/i18n/ja';
import { nl } from '../../../src/dashboard/i18n/nl';
import { no } from '../../../src/dashboard/i18n/no';
import { sv } from '../../../src/dashboard/i18n/sv';
import { th } from '../../../src/dashboard/i18n/th';
import { zhCN } from '../../../src/dashboard/i18n/zh-CN';

type Strings = Partial<DashboardStrings>;

// Languages translate every key; the two regions only override their language where usage differs.
const FULL: Record<string, Strings> = { fr, de, it: italian, es, nl, sv, da, ja, ar, 'zh-CN': zhCN, no, he, id, th, fi };
const REGIONAL: Record<string, Strings> = { 'en-US': enUS, 'es-MX': esMX };
const ALL = { ...FULL, ...REGIONAL };

/** The `{placeholders}` of a string, sorted, so order may change with the grammar but not the set. */
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('dashboard translations', () => {
  it.each(Object.keys(FULL))('%s translates every English key and invents none', (locale) => {
    expect(Object.keys(FULL[locale]!).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(ALL))('%s keeps exactly the placeholders of each English string', (locale) => {
    for (const [key, text] of Object.entries(ALL[locale]!)) {
      expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(en[key as keyof DashboardStrings]));
    }
  });

  it.each(Object.keys(ALL))('%s has no empty string', (locale) => {
    for (const [key, text] of Object.entries(ALL[locale]!)) expect(text.trim(), `${locale}.${key}`).not.toBe('');
  });
});
