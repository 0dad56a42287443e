import { describe, expect, it } from 'vitest';
import { preferredLocale } from '../../../src/dashboard/i18n/preferred-locale';

describe('preferredLocale', () => {
  it('takes the browser’s first language when supported', () => expect(preferredLocale(['de-DE', 'en'])).toBe('de'));
  it('keeps a supported region', () => expect(preferredLocale(['es-MX'])).toBe('es-MX'));
  it('skips languages the dashboard does not speak', () => expect(preferredLocale(['pt-BR', 'fr-CA', 'en'])).toBe('fr'));
  it('takes English when English comes first', () => expect(preferredLocale(['en-GB', 'fr'])).toBe('en'));
  it('falls back to English', () => expect(preferredLocale(['pt-BR'])).toBe('en'));
});
