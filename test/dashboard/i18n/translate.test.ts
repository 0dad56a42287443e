import { describe, expect, it } from 'vitest';
import { en } from '../../../src/dashboard/i18n/en';
import { createTranslator, fill } from '../../../src/dashboard/i18n/translate';

describe('fill', () => {
  it('fills each placeholder', () => expect(fill('Page {page} of {pages}', { page: 2, pages: 5 })).toBe('Page 2 of 5'));
  it('leaves an unknown placeholder visible', () => expect(fill('Hello {nmae}', { name: 'Jo' })).toBe('Hello {nmae}'));
});

describe('createTranslator', () => {
  const { t, tn } = createTranslator(en, 'en');
  it('looks strings up by key', () => expect(t('signOut')).toBe('Sign out'));
  it('takes the singular for one', () => expect(tn('responses', 1)).toBe('1 response'));
  it('takes the plural for none and for many, with grouped digits', () => {
    expect(tn('responses', 0)).toBe('0 responses');
    expect(tn('responses', 1234)).toBe('1,234 responses');
  });
  it('fills other placeholders beside the count', () => expect(tn('hiddenBelow', 3, { min: 5 })).toBe('3 hidden below the threshold of 5 responses'));
  it('uses the locale’s plural rules: French counts zero as singular', () => {
    const fr = createTranslator({ ...en, responsesOne: '{count} réponse', responsesOther: '{count} réponses' }, 'fr');
    expect(fr.tn('responses', 0)).toBe('0 réponse');
    expect(fr.tn('responses', 2)).toBe('2 réponses');
  });
});
