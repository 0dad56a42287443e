import { describe, expect, it } from 'vitest';
import { createFormat } from '../../../src/dashboard/format/create-format';

describe('createFormat', () => {
  const en = createFormat('en-GB', 'Europe/London');

  it('groups thousands in the reader’s locale', () => {
    expect(en.number(1234)).toBe('1,234');
    expect(createFormat('de', 'UTC').number(1234)).toBe('1.234');
  });
  it('writes whole percents', () => expect(en.percent(42)).toBe('42%'));
  it('signs scores above and below zero, and not zero', () => {
    expect(en.signed(42)).toBe('+42');
    expect(en.signed(-5)).toBe('-5');
    expect(en.signed(0)).toBe('0');
  });
  it('rounds averages to one decimal', () => expect(en.decimal(3.666)).toBe('3.7'));
  it('shows instants in the org’s time zone, not the browser’s', () => {
    expect(en.dateTime('2026-07-01T09:30:00Z')).toContain('10:30');
    expect(createFormat('en-GB', 'America/New_York').dateTime('2026-07-01T09:30:00Z')).toContain('05:30');
  });
  it('shows a calendar date as that date in every zone', () => expect(createFormat('en-GB', 'Pacific/Kiritimati').date('2026-11-01')).toBe('1 Nov 2026'));
  it('joins a range of dates into one span', () => expect(en.dateRange('2026-11-01', '2026-11-30')).toMatch(/^1\s?–\s?30 Nov 2026$/));
  it('writes a one-day range as that day', () => expect(en.dateRange('2026-11-01', '2026-11-01')).toBe('1 Nov 2026'));
  it('falls back to UTC for a zone this browser does not know', () => expect(createFormat('en-GB', 'Mars/Olympus').dateTime('2026-07-01T09:30:00Z')).toMatch(/09:30.*UTC/));
  it('leaves a timestamp it cannot read as it came', () => expect(en.dateTime('soon')).toBe('soon'));
});
