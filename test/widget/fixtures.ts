import { en } from '../../src/shared/i18n/en';
import type { ResponsePayload } from '../../src/shared/response-schema';
import type { Survey } from '../../src/shared/survey-schema';
import { createTranslate } from '../../src/widget/i18n/translate';
import type { ConsoleLike } from '../../src/widget/log';
import type { Delivery, Outcome } from '../../src/widget/delivery/delivery';
import type { OutboxEntry } from '../../src/widget/delivery/outbox';
import { createSafeStorage } from '../../src/widget/delivery/safe-storage';
import type { SafeStorage } from '../../src/widget/delivery/safe-storage';
import { createDraftStore } from '../../src/widget/draft-store';
import type { LoadResult, SurveyClient } from '../../src/widget/survey-client';
import { createWidgetController } from '../../src/widget/widget-controller';
import type { ControllerDeps, WidgetController } from '../../src/widget/widget-controller';
import { createLogger } from '../../src/widget/log';
import { postPurchase } from '../shared/fixtures';

/** The English strings, as the proxy sends them with an English survey. */
export const t = createTranslate(en);

export const FIXED_NOW = new Date('2025-06-01T12:00:00.000Z');
export const STYLES = '.root{color:#123}';

/** A console that keeps what it was told, by level. */
export function fakeConsole(): ConsoleLike & { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  return { errors, warnings, error: (line: string) => void errors.push(line), warn: (line: string) => void warnings.push(line) };
}

export interface FakeClient extends SurveyClient {
  loads: { org: string; survey: string; locale?: string; lang?: string }[];
  /** Results handed out in turn; the last one repeats. */
  loadResults: LoadResult[];
}

/** A survey client that answers from a list and records every call. */
export function fakeClient(loadResults: LoadResult[] = [ready(postPurchase)]): FakeClient {
  const client: FakeClient = {
    loads: [],
    loadResults,
    async loadSurvey(org, survey, locale, lang) {
      client.loads.push({ org, survey, locale, lang });
      return client.loadResults.length > 1 ? client.loadResults.shift()! : client.loadResults[0]!;
    },
  };
  return client;
}

export interface FakeDelivery extends Delivery {
  entries: OutboxEntry[];
  /** The bodies of `entries`, parsed. */
  sends: ResponsePayload[];
  /** Outcomes handed to each send's listener in turn, in a microtask; the last one repeats. */
  outcomes: Outcome[];
  /** Tells the listener of the latest send about a later outcome, as a background retry would. */
  later(outcome: Outcome): void;
}

/** A delivery that records what it is given and answers from a list. */
export function fakeDelivery(outcomes: Outcome[] = [{ kind: 'sent' }]): FakeDelivery {
  let last: ((outcome: Outcome) => void) | undefined;
  const delivery: FakeDelivery = {
    entries: [],
    sends: [],
    outcomes,
    send(entry, listener) {
      delivery.entries.push(entry);
      delivery.sends.push(JSON.parse(entry.body) as ResponsePayload);
      last = listener;
      const outcome = delivery.outcomes.length > 1 ? delivery.outcomes.shift()! : delivery.outcomes[0]!;
      queueMicrotask(() => listener?.(outcome));
    },
    later: (outcome) => last?.(outcome),
    flush() {},
    wake() {},
  };
  return delivery;
}

/** A Storage over a Map; `failing` makes every call throw, as quota errors and blocked storage do. */
export function fakeStorage(failing = false): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const guard = <T>(f: () => T): T => {
    if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return f();
  };
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => guard(() => [...map.keys()][i] ?? null),
    getItem: (k) => guard(() => map.get(k) ?? null),
    setItem: (k, v) => guard(() => void map.set(k, String(v))),
    removeItem: (k) => guard(() => void map.delete(k)),
    clear: () => map.clear(),
  };
}

export function ready(survey: Survey, strings = en): LoadResult {
  return { kind: 'ready', survey, strings, styles: STYLES };
}

/** A controller for the post-purchase survey over fakes, with fixed clock, ids and page. */
export function testController(overrides: Partial<ControllerDeps> & { storage?: SafeStorage } = {}): {
  controller: WidgetController;
  client: FakeClient;
  delivery: FakeDelivery;
  storage: SafeStorage;
  console: ReturnType<typeof fakeConsole>;
} {
  const client = (overrides.client as FakeClient | undefined) ?? fakeClient();
  const delivery = (overrides.delivery as FakeDelivery | undefined) ?? fakeDelivery();
  const backing = fakeStorage();
  const storage = overrides.storage ?? createSafeStorage(() => backing);
  const rawParams = overrides.rawParams ?? { name: 'Mariner', staff_code: 'luke', reference: 'INV-2090' };
  const console = fakeConsole();
  let ids = 0;
  const controller = createWidgetController({
    widget: { org: 'acme', survey: 'post-purchase', proxy: 'https://proxy.example' },
    rawParams,
    client,
    delivery,
    drafts: createDraftStore(storage, 'acme/post-purchase', JSON.stringify(rawParams), () => FIXED_NOW.getTime()),
    log: createLogger(console, 'widget #1'),
    newId: () => `00000000-0000-4000-8000-00000000000${++ids}`,
    now: () => FIXED_NOW,
    pageUrl: () => 'https://shop.example/orders/2090#top',
    defaultLocale: 'en',
    ...overrides,
  });
  return { controller, client, delivery, storage, console };
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: string | undefined;
}

/**
 * A fetch that answers from a table of `METHOD url` → response factory and
 * records every request. An unlisted request fails like a network error.
 */
export function fakeFetch(routes: Record<string, () => Response | Promise<Response>>): typeof fetch & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    requests.push({ url, method, headers: new Headers(init.headers), credentials: init.credentials, body: init.body as string | undefined });
    const route = routes[`${method} ${url}`];
    if (!route) throw new TypeError('Failed to fetch');
    return route();
  };
  return Object.assign(fn, { requests }) as typeof fetch & { requests: RecordedRequest[] };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function css(text = STYLES): Response {
  return new Response(text, { headers: { 'content-type': 'text/css' } });
}

/** Waits for pending promise callbacks (the fake client and fetch answer in microtasks). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
