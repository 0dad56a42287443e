import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../src/proxy/dashboard/browse-filter';
import { csvCell, csvColumns, csvHeader, csvLine } from '../../../src/proxy/dashboard/export/csv-export';
import { textStream } from '../../../src/proxy/dashboard/export/text-stream';
import { isHttps, sessionCookie, sessionSecretOf } from '../../../src/proxy/dashboard/session-cookie';
import type { ResponseRow } from '../../../src/proxy/store/response-rows';
import type { Survey } from '../../../src/shared/survey-schema';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1 555', "'+1 555"],
    ['-cmd', "'-cmd"],
    ['@sum', "'@sum"],
  ])('writes %j as %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('writes numbers as numbers and null as nothing', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});

describe('csv lines', () => {
  const survey = { id: 5, name: 'Shop', questions: [{ id: 1, question: 'NPS?', answer_type: 'Rating' }, { id: 2, question: 'Pick', answer_type: 'Checkbox' }] } as unknown as Survey;
  const row = {
    id: 9, survey_id: 5, survey: 'shop', submitted_utc: '2026-11-23T10:00:00.000Z', received_at: '2026-11-23T10:00:01.000Z',
    reference: 'INV-1', machine_id: null, locale: 'en', page_url: null, feedback_request_id: null, verified: 1,
    answers: JSON.stringify([{ question_id: 1, answer: 9 }, { question_id: 2, answer: ['a', 'b'] }]),
    customer: JSON.stringify({ name: 'Ann' }), segments: JSON.stringify({ site_code: 'leeds' }), metadata: '{}',
  } as unknown as ResponseRow;

  it('has a header per field and question, after a byte-order mark', () => {
    const header = csvHeader(csvColumns([survey], ['site_code']));
    expect(header.startsWith('\uFEFFid,submitted_at,')).toBe(true);
    expect(header.trimEnd().endsWith('NPS?,Pick')).toBe(true);
  });

  it('fills a row in the header order', () => {
    const columns = csvColumns([survey], ['site_code']);
    const cells = csvLine(row, columns).trimEnd().split(',');
    const header = csvHeader(columns).slice(1).trimEnd().split(',');
    const at = (name: string) => cells[header.indexOf(name)];
    expect([at('id'), at('name'), at('site_code'), at('reference'), at('verified'), at('NPS?'), at('Pick')]).toEqual(['9', 'Ann', 'leeds', 'INV-1', 'true', '9', 'a; b']);
  });
});

describe('cursors', () => {
  it('round-trip and refuse anything else', () => {
    const cursor = { submitted_utc: '2026-11-23T10:00:00.000Z', id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('nonsense')).toBeUndefined();
    expect(decodeCursor(Buffer.from('2026-11-23|1').toString('base64url'))).toBeUndefined();
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, scoped to /dashboard, Secure only on https', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const cookie = sessionCookie('s'.repeat(43), new Date(now.getTime() + 3_600_000), now, false);
    expect(cookie).toBe(`sw_dashboard=${'s'.repeat(43)}; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=3600`);
    expect(sessionCookie('s'.repeat(43), new Date(now.getTime() + 1000), now, true)).toMatch(/; Secure$/);
  });

  it('is read back from a Cookie header among others', () => {
    expect(sessionSecretOf(`a=1; sw_dashboard=${'x'.repeat(43)}; b=2`)).toBe('x'.repeat(43));
    expect(sessionSecretOf('sw_dashboard=<script>')).toBeUndefined();
    expect(sessionSecretOf(undefined)).toBeUndefined();
  });

  it('knows https from the URL, a TLS front or PUBLIC_URL', () => {
    expect(isHttps('https://x/dashboard', undefined, undefined)).toBe(true);
    expect(isHttps('http://x/dashboard', 'https', undefined)).toBe(true);
    expect(isHttps('http://x/dashboard', undefined, 'https://feedback.example')).toBe(true);
    expect(isHttps('http://x/dashboard', 'http', undefined)).toBe(false);
  });
});

describe('textStream', () => {
  it('pulls lines only as the reader reads', async () => {
    let produced = 0;
    const lines = (async function* () {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield `${'x'.repeat(99)}\n`;
      }
    })();
    const reader = textStream(lines, 1024).getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThanOrEqual(1024);
    expect(produced).toBeLessThan(20);
    await reader.cancel();
  });
});
