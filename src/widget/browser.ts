/**
 * The script-tag entry: the one module that touches `window` and `document`
 * when it loads. It installs `window.CustomerSureSurveyWidget` (the name the
 * CustomerSure snippet calls), and sends any responses an earlier page left
 * in the outbox; the widgets wait until the page calls `init()`.
 */
import { createDelivery } from './delivery/delivery';
import { createOutbox } from './delivery/outbox';
import { createSafeStorage } from './delivery/safe-storage';
import { createLogger } from './log';
import { createWidgetApi } from './widget-api';
import type { SurveyWidgetApi } from './widget-api';

declare global {
  interface Window {
    CustomerSureSurveyWidget?: SurveyWidgetApi;
  }
}

/** What the inline stub (README, "Loading async") leaves behind: calls made before this script ran. */
interface Stub {
  q?: [method: string, args: unknown[]][];
}

const existing = window.CustomerSureSurveyWidget as (SurveyWidgetApi & Stub) | undefined;
// A second copy of the script must not replace the first one's widgets, nor send its outbox twice;
// the stub (it has a queue) is what this script replaces.
if (!existing || existing.q) {
  // currentScript is only set while this script first runs; it is where the proxy lives.
  const script = document.currentScript as HTMLScriptElement | null;
  const scriptBase = script?.src ? new URL('.', script.src).href : location.origin;
  const storage = createSafeStorage(() => localStorage);
  const log = createLogger(console);
  const boundFetch = fetch.bind(window);
  const delivery = createDelivery({
    fetch: boundFetch, outbox: createOutbox(storage), locks: navigator.locks, log,
    // Wrapped: called as methods of the deps object, the bare timer functions throw "Illegal invocation".
    setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (id) => clearTimeout(id), now: Date.now, random: Math.random,
  });
  addEventListener('online', delivery.flush);
  // The page is going away: send what waits now, in requests that outlive it.
  addEventListener('pagehide', () => delivery.wake(true));
  delivery.flush();
  const api = createWidgetApi({ document, fetch: boundFetch, console, crypto, delivery, storage, scriptBase });
  window.CustomerSureSurveyWidget = api;
  // Replayed in order, so `init()` then `open()` queued before loading behave as if called after;
  // an async script can run before the page has parsed its widget elements, so wait for them.
  const replay = () => {
    for (const [method, args] of existing?.q ?? []) {
      const call = api[method as keyof SurveyWidgetApi] as ((...a: unknown[]) => unknown) | undefined;
      if (typeof call === 'function') call(...args);
      else log.error(`the queued call ${method}() is not part of the API`);
    }
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', replay);
  else replay();
}
