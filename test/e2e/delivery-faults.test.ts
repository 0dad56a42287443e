/**
 * Exactly-once delivery under faults, in real Chromium against the real
 * proxy: the network is broken by intercepting the widget's requests (the
 * browser's offline switch is unreliable), never by mocking the widget.
 * Every test prints its figures.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS_OFF } from '../../src/proxy/config';
import { setUpE2E } from './harness';
import {
  eventually, FAULT_SURVEY_CODES, FAULT_SURVEYS, faultPage, interceptResponses, outboxIds, postedId, report, submitResponse, tally,
} from './fault-kit';

// Bursts of 100 responses from one browser: a load test of the outbox, not of the abuse limits.
const e2e = setUpE2E({ surveys: FAULT_SURVEYS, rateLimits: RATE_LIMITS_OFF });

/** Serves every fault survey's page and returns their URLs by survey code. */
function pages(): Record<string, string> {
  return Object.fromEntries(FAULT_SURVEY_CODES.map((code) => [code, e2e.proxy.addPage(code, faultPage(code))]));
}

describe('delivery under faults', () => {
  it('stores all of 50 responses sent while the proxy was unreachable, across 5 surveys and 3 reloads', async () => {
    // Pages and the script still load; only the response endpoint is down, as when the proxy drops out after page load.
    const urls = pages();
    const context = await e2e.context();
    const page = await context.newPage();
    let attempts = 0;
    page.on('request', (request) => void (request.method() === 'POST' && request.url().endsWith('/v1/responses') && (attempts += 1)));
    e2e.proxy.setResponsesDown(true);

    const markers: string[] = [];
    const perRound = [4, 3, 3];
    for (const [round, count] of perRound.entries()) {
      for (const code of FAULT_SURVEY_CODES) {
        // Each survey page is a fresh load: round 2 and 3 reload every page.
        await page.goto(urls[code]!);
        for (let i = 0; i < count; i++) {
          const marker = `offline-r${round}-${code}-${i}`;
          markers.push(marker);
          await submitResponse(page, marker);
        }
      }
    }
    expect(markers).toHaveLength(50);
    expect(await outboxIds(page)).toHaveLength(50);
    expect(tally(e2e.proxy.rows(), markers).stored).toBe(0);

    e2e.proxy.setResponsesDown(false);
    const back = Date.now();
    await page.reload();
    await eventually(async () => expect(await outboxIds(page)).toEqual([]));
    const result = tally(e2e.proxy.rows(), markers);
    report('50 responses while unreachable, 5 surveys, 3 reloads', { ...result, 'attempts while down': attempts, 'ms to drain after the proxy came back': Date.now() - back });
    expect(result).toEqual({ stored: 50, lost: 0, duplicated: 0 });
  });

  it('stores exactly 100 responses whose replies were cut after the proxy committed them', async () => {
    const url = pages()['fault-1']!;
    const context = await e2e.context();
    const page = await context.newPage();
    const cut = new Set<string>();
    let posts = 0;
    await interceptResponses(context, async (route) => {
      posts += 1;
      const id = postedId(route);
      if (cut.has(id)) return route.continue();
      cut.add(id);
      await route.fetch(); // the proxy receives, validates and commits it...
      await route.abort('connectionreset'); // ...and the browser never hears back
    });
    await page.goto(url);
    const markers = Array.from({ length: 100 }, (_, i) => `cut-${i}`);
    for (const marker of markers) await submitResponse(page, marker);
    await eventually(async () => expect(await outboxIds(page)).toEqual([]));
    const result = tally(e2e.proxy.rows(), markers);
    report('100 replies cut after commit', { ...result, 'POSTs seen': posts, 'replies cut': cut.size });
    expect(cut.size).toBe(100);
    expect(result).toEqual({ stored: 100, lost: 0, duplicated: 0 });
  });

  it('loses and duplicates nothing when a hanging request is followed by a reload, 20 times', async () => {
    const url = pages()['fault-2']!;
    const context = await e2e.context();
    const page = await context.newPage();
    const hung: Route[] = [];
    const firstSeen = new Set<string>();
    await interceptResponses(context, async (route) => {
      const id = postedId(route);
      if (firstSeen.has(id)) return route.continue();
      firstSeen.add(id);
      // Half hang before the proxy sees the request, half after it has committed it.
      if (firstSeen.size % 2 === 0) await route.fetch();
      hung.push(route);
    });
    const markers = Array.from({ length: 20 }, (_, i) => `hang-${i}`);
    await page.goto(url);
    for (const marker of markers) {
      const seen = hung.length;
      await submitResponse(page, marker, { awaitThanks: false });
      await eventually(() => expect(hung.length).toBe(seen + 1));
      await page.reload();
    }
    await eventually(async () => expect(await outboxIds(page)).toEqual([]));
    // The hung originals finally arrive after their resends: the proxy must still keep one row each.
    const late = await Promise.all(hung.map((route) => route.continue().then(() => 1, () => 0)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const result = tally(e2e.proxy.rows(), markers);
    report('20 hanging requests, each followed by a reload', { ...result, 'requests left hanging': hung.length, 'hung originals released late': late.reduce((a: number, b) => a + b, 0) });
    expect(hung).toHaveLength(20);
    expect(result).toEqual({ stored: 20, lost: 0, duplicated: 0 });
  });

  it('stores 100 responses from 4 tabs x 25, never sending one response from two tabs at once', async () => {
    const url = pages()['fault-3']!;
    const context = await e2e.context();
    const inFlight = new Map<string, number>();
    let overlaps = 0;
    let posts = 0;
    let failed = 0;
    await interceptResponses(context, async (route) => {
      const id = postedId(route);
      posts += 1;
      const now = (inFlight.get(id) ?? 0) + 1;
      inFlight.set(id, now);
      if (now > 1) overlaps += 1;
      try {
        // Every third request fails, so retries pile up while other tabs flush the shared outbox.
        if (posts % 3 === 0) {
          failed += 1;
          await new Promise((resolve) => setTimeout(resolve, 30));
          await route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"busy"}' });
        } else {
          // Fetched and fulfilled here, so "in flight" spans the whole round trip to the proxy.
          await route.fulfill({ response: await route.fetch() });
        }
      } finally {
        inFlight.set(id, inFlight.get(id)! - 1);
      }
    });
    const tabs = await Promise.all(Array.from({ length: 4 }, () => context.newPage()));
    await Promise.all(tabs.map((tab) => tab.goto(url)));
    const markers: string[] = [];
    await Promise.all(
      tabs.map(async (tab, t) => {
        for (let i = 0; i < 25; i++) {
          const marker = `tab${t}-${i}`;
          markers.push(marker);
          await submitResponse(tab, marker);
          // Every few responses, every tab flushes the shared outbox, as the 'online' event does.
          if (i % 5 === 4) await tab.evaluate(() => window.dispatchEvent(new Event('online')));
        }
      }),
    );
    await eventually(async () => expect(await outboxIds(tabs[0]!)).toEqual([]));
    const result = tally(e2e.proxy.rows(), markers);
    report('4 tabs x 25 responses', { ...result, 'POSTs seen': posts, '503s injected': failed, 'same response in flight twice': overlaps });
    expect(result).toEqual({ stored: 100, lost: 0, duplicated: 0 });
    expect(overlaps).toBe(0);
  });

  it('delivers from memory when storage throws or is missing', async () => {
    const url = pages()['fault-4']!;
    const breakages = {
      'reading localStorage throws (cookies blocked)': () =>
        Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('Access is denied', 'SecurityError'); } }),
      'every write throws (quota)': () => {
        Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
      },
      'no localStorage at all': () => Object.defineProperty(window, 'localStorage', { value: undefined }),
    };
    for (const [name, breakage] of Object.entries(breakages)) {
      const context = await e2e.context();
      await context.addInitScript(breakage);
      const failedOnce = new Set<string>();
      // Each response's first attempt fails, so the retry must come from memory.
      await interceptResponses(context, (route) => {
        const id = postedId(route);
        if (failedOnce.has(id)) return route.continue();
        failedOnce.add(id);
        return route.abort('connectionrefused');
      });
      const page = await context.newPage();
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(url);
      const markers = Array.from({ length: 5 }, (_, i) => `${name}-${i}`);
      for (const marker of markers) await submitResponse(page, marker);
      await eventually(() => expect(tally(e2e.proxy.rows(), markers).stored).toBe(5));
      const result = tally(e2e.proxy.rows(), markers);
      report(`storage broken: ${name}`, { ...result, 'page errors': errors.length });
      expect(result).toEqual({ stored: 5, lost: 0, duplicated: 0 });
      expect(errors).toEqual([]);
    }
  });
});
