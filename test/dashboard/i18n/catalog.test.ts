import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/shared/param-keys';
import { dashboardStrings } from '../../../src/dashboard/i18n/catalog';
import { en } from '../../../src/dashboard/i18n/en';
import { LOCALE_NAMES } from '../../../src/dashboard/i18n/locale-names';

describe('dashboardStrings', () => {
  it('gives every English string for English', async () => expect(await dashboardStrings('en')).toEqual(en));
  it('gives a full set for every locale, English filling the gaps', async () => {
    for (const locale of LOCALES) expect(Object.keys(await dashboardStrings(locale)).sort()).toEqual(Object.keys(en).sort());
  });
  it('has a file for each of the 18 locales', () => {
    const files = readdirSync('src/dashboard/i18n').filter((f) => f.endsWith('.ts'));
    for (const locale of LOCALES) expect(files).toContain(`${locale}.ts`);
  });
});

describe('LOCALE_NAMES', () => {
  it('names every locale in its own language', () => {
    expect(Object.keys(LOCALE_NAMES).sort()).toEqual([...LOCALES].sort());
    expect(LOCALE_NAMES.de).toBe('Deutsch');
    expect(LOCALE_NAMES.ar).toBe('العربية');
  });
});
