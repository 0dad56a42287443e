/**
 * The status table of the outbox, in Chromium against the real proxy: which
 * answers are retried (and after how long) and which end a response for
 * good, with what the visitor sees. The proxy's reply is replaced by an
 * interception on the first attempt only; every retry reaches the real proxy.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { setUpE2E } from './harness';
import { eventually, FAULT_SURVEYS, faultPage, interceptResponses, markerOf, outboxIds, report, submitResponse } from './fault-kit';

const e2e = setUpE2E({ surveys: FAULT_SURVEYS });

interface Case {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Sends one response whose first attempt gets `reply`; returns when each attempt started (ms) and the page. */
async function sendWithFirstReply(context: BrowserContext, reply: Case, marker: string) {
  const attempts: number[] = [];
  await interceptResponses(context, async (route) => {
    attempts.push(Date.now());
    if (attempts.length > 1) return route.continue();
    await route.fulfill({
      status: reply.status,
      headers: reply.headers,
      contentType: 'application/json',
      body: JSON.stringify(reply.body ?? { message: `Refused with ${reply.status}` }),
    });
  });
  const page = await context.newPage();
  const widgetErrors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && m.text().startsWith('[survey-widget]') && widgetErrors.push(m.text())));
  await page.goto(e2e.proxy.addPage(`status-${marker}`, faultPage('fault-1')));
  await submitResponse(page, marker, { awaitThanks: false });
  const dialog = page.getByRole('dialog');
  return { page, attempts, dialog, widgetErrors };
}

const storedCount = (marker: string) => e2e.proxy.rows().filter((row) => markerOf(row) === marker).length;

describe('delivery status table', () => {
  const retried: Case[] = [
    { status: 408 }, { status: 425 }, { status: 429 }, { status: 500 }, { status: 502 }, { status: 503 }, { status: 504 },
    { status: 429, headers: { 'Retry-After': '2' } },
    { status: 503, headers: { 'Retry-After': '3' } },
  ];

  it('retries 408, 425, 429 and 5xx after a backoff or as long as Retry-After says, then stores the response once', async () => {
    const results = await Promise.all(
      retried.map(async (reply, i) => {
        const marker = `retry-${reply.status}-${i}`;
        const sent = await sendWithFirstReply(await e2e.context(), reply, marker);
        await eventually(() => expect(storedCount(marker)).toBe(1));
        await eventually(async () => expect(await outboxIds(sent.page)).toEqual([]));
        await sent.dialog.getByRole('status').getByText(en.thanks_title).waitFor();
        return { reply, gap: sent.attempts[1]! - sent.attempts[0]!, attempts: sent.attempts.length, stored: storedCount(marker) };
      }),
    );
    for (const { reply, gap, attempts, stored } of results) {
      const asked = Number(reply.headers?.['Retry-After'] ?? 0) * 1000;
      report(`HTTP ${reply.status}${asked ? ` with Retry-After ${asked / 1000}` : ''}`, { attempts, 'ms before the retry': gap, stored });
      expect(attempts).toBe(2);
      expect(stored).toBe(1);
      // The backoff's shortest first wait is 500 ms; allow a little for timer granularity.
      expect(gap).toBeGreaterThanOrEqual(asked || 450);
      expect(gap).toBeLessThan((asked || 1000) + 1500);
    }
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    // HTTP dates have whole seconds: ask for the second that starts 3 to 4 seconds from now.
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3000);
    const sent = await sendWithFirstReply(await e2e.context(), { status: 503, headers: { 'Retry-After': at.toUTCString() } }, 'retry-date');
    await eventually(() => expect(storedCount('retry-date')).toBe(1));
    const early = at.getTime() - sent.attempts[1]!;
    report('HTTP 503 with Retry-After as a date', { attempts: sent.attempts.length, 'ms before the retry': sent.attempts[1]! - sent.attempts[0]!, 'ms early': Math.max(0, early) });
    expect(early).toBeLessThanOrEqual(50);
  });

  it.each([400, 401, 403, 404, 409, 410, 413, 415, 422])('ends a response for good on %i, once, and tells the visitor why', async (status) => {
    const marker = `refused-${status}`;
    const sent = await sendWithFirstReply(await e2e.context(), { status }, marker);
    // The visitor reads it in their language; the proxy's own words go to the console.
    await sent.dialog.getByRole('alert').getByText(en.send_refused).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sent.attempts).toHaveLength(1);
    expect(await outboxIds(sent.page)).toEqual([]);
    expect(storedCount(marker)).toBe(0);
    expect(sent.widgetErrors).toEqual([expect.stringMatching(new RegExp(`^\\[survey-widget\\] the proxy refused response [0-9a-f-]{36}: Refused with ${status}$`))]);
    // The answers stay on screen, so the visitor can send again.
    expect(await sent.dialog.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(marker);
  });

  it('puts a 422’s field errors on the fields, and a corrected response goes through', async () => {
    const body = { message: 'Validation failed', errors: [{ resource: 'response', field: 'answers[2]', error: 'invalid', extra_info: {} }] };
    const sent = await sendWithFirstReply(await e2e.context(), { status: 422, body }, 'field-error');
    const note = sent.dialog.getByRole('textbox', { name: 'Note' });
    await eventually(async () => expect(await note.getAttribute('aria-invalid')).toBe('true'));
    await expect(sent.dialog.getByText(en.error_invalid).isVisible()).resolves.toBe(true);
    await note.fill('field-error-fixed');
    await sent.dialog.getByRole('button', { name: en.submit }).click();
    await eventually(() => expect(e2e.proxy.rows().filter((r) => markerOf(r) === 'field-error-fixed')).toHaveLength(1));
  });
});
