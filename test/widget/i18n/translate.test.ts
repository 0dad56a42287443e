import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../../src/widget/i18n/translate';

describe('createTranslate()', () => {
  it('looks up the string of the survey locale', () => {
    expect(createTranslate({ submit: 'Envoyer' })('submit')).toBe('Envoyer');
  });

  it('shows a missing string as its key rather than as nothing', () => {
    expect(createTranslate({})('queued_text')).toBe('queued_text');
  });
});
