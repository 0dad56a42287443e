import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/widget/log';
import { fakeConsole } from './fixtures';

describe('createLogger()', () => {
  it('prefixes every line so merchants can filter the console for it', () => {
    const console = fakeConsole();
    const log = createLogger(console);
    log.error('no widget');
    log.warn('key dropped');
    expect(console.errors).toEqual(['[survey-widget] no widget']);
    expect(console.warnings).toEqual(['[survey-widget] key dropped']);
  });

  it('names the widget a line is about', () => {
    const console = fakeConsole();
    createLogger(console, 'widget #2 (id "footer")').error('survey not found');
    expect(console.errors).toEqual(['[survey-widget] widget #2 (id "footer"): survey not found']);
  });
});
