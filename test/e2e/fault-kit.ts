/**
 * What the delivery fault tests share: five small surveys, a host page for
 * each, a way to answer and send one response as fast as the page allows,
 * request interception, and the figures each test prints.
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { StoredResponse } from '../../src/shared/response-schema';
import type { SurveyInput } from '../../src/shared/survey-schema';
import { WAIT_MS } from './harness';
import { hostPage, INIT, SCRIPT_TAG, widgetElement } from './pages';

export const FAULT_SURVEY_CODES = ['fault-1', 'fault-2', 'fault-3', 'fault-4', 'fault-5'] as const;

/** A required score and a free-text note, where each test writes a marker naming the submission. */
export const FAULT_SURVEYS: Record<string, SurveyInput> = Object.fromEntries(
  FAULT_SURVEY_CODES.map((code, i) => [
    code,
    {
      id: 9001 + i,
      name: `Fault survey ${i + 1}`,
      trigger: { type: 'none' },
      questions: [
        { id: 1, question: 'How likely are you to recommend us?', answer_type: 'Rating', scale: 'nps', required: true },
        { id: 2, question: 'Note', answer_type: 'Text' },
      ],
    } satisfies SurveyInput,
  ]),
);

/** The host page of one fault survey. */
export const faultPage = (code: string) => hostPage(`${SCRIPT_TAG}${widgetElement({ org: 'acme', survey: code })}${INIT}`);

/**
 * Opens the widget, picks a score, writes `marker` in the note, sends, waits
 * for the thank-you (sent, or saved to be sent later) and closes it, which
 * readies a fresh form. It drives the real controls inside the shadow root,
 * in one round trip, so hundreds of submissions take seconds.
 */
export async function submitResponse(page: Page, marker: string, { awaitThanks = true } = {}): Promise<void> {
  await page.evaluate(
    async ({ marker, waitMs, awaitThanks }) => {
      const until = async <T>(find: () => T | null | undefined | false): Promise<T> => {
        const end = Date.now() + waitMs;
        for (;;) {
          const found = find();
          if (found) return found;
          if (Date.now() > end) throw new Error(`timed out waiting in the widget for: ${find.toString()}; it shows: ${document.querySelector('customersure-survey-widget')?.shadowRoot?.textContent?.slice(0, 300)}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      };
      const root = await until(() => document.querySelector('customersure-survey-widget')?.shadowRoot);
      if (!root.querySelector('dialog[open]')) window.CustomerSureSurveyWidget!.toggleWidget();
      const form = await until(() => root.querySelector<HTMLFormElement>('dialog[open] form'));
      form.querySelectorAll<HTMLInputElement>('input[type=radio]')[9]!.click();
      const note = form.querySelector<HTMLTextAreaElement>('textarea, input.input')!;
      note.value = marker;
      note.dispatchEvent(new Event('input', { bubbles: true }));
      form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      if (!awaitThanks) return;
      const close = await until(() => root.querySelector<HTMLButtonElement>('[role=status] button'));
      close.click();
      await until(() => !root.querySelector('dialog[open]'));
    },
    { marker, waitMs: WAIT_MS, awaitThanks },
  );
}

/** The response ids waiting in the page's outbox (localStorage shared by the site's tabs). */
export function outboxIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('customersure-survey-widget:outbox:'))
      .map((key) => key.slice('customersure-survey-widget:outbox:'.length)),
  );
}

/** The note of a stored response: the marker its submission wrote. */
export const markerOf = (row: StoredResponse) => String(row.answers.find((a) => a.question_id === 2)?.answer ?? '');

/** How often each expected marker is stored: lost ones count 0, duplicated ones more than 1. */
export function tally(rows: StoredResponse[], expected: readonly string[]) {
  const counts = new Map(expected.map((m) => [m, 0]));
  for (const row of rows) {
    const marker = markerOf(row);
    if (counts.has(marker)) counts.set(marker, counts.get(marker)! + 1);
  }
  const values = [...counts.values()];
  return {
    stored: values.filter((n) => n > 0).length,
    lost: values.filter((n) => n === 0).length,
    duplicated: values.filter((n) => n > 1).length,
  };
}

/** Prints one fault test's figures, so a run shows them beside the verdict. */
export function report(name: string, figures: Record<string, number | string>): void {
  console.log(`[delivery] ${name}: ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

/** Polls until `check` passes or WAIT_MS (or `ms`) runs out, then asserts it once more for the message. */
export async function eventually(check: () => void | Promise<void>, ms = WAIT_MS * 3): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The id inside a response POST's body. */
export const postedId = (route: Route) => (route.request().postDataJSON() as { id: string }).id;

/** Routes every `POST /v1/responses` of `context` to `handler`; other requests pass untouched. */
export async function interceptResponses(context: BrowserContext, handler: (route: Route) => Promise<void>): Promise<() => Promise<void>> {
  const matcher = (url: URL) => url.pathname === '/v1/responses';
  const wrapped = async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    return handler(route);
  };
  await context.route(matcher, wrapped);
  return () => context.unroute(matcher, wrapped);
}
