import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { render, screen, waitFor } from '@testing-library/preact';
import { expect, vi } from 'vitest';
import type { FeedbackRequestJson } from '../../src/shared/api/feedback-request-schemas';
import type {
  LeagueJson,
  MeJson,
  OverviewJson,
  ResponseDetailJson,
  ResponseListJson,
  ResponseSummaryJson,
} from '../../src/shared/dashboard/dashboard-replies';
import type { ApiResult, DashboardClient } from '../../src/dashboard/api/dashboard-client';
import { DashboardApp } from '../../src/dashboard/dashboard-app';
import type { DashboardDeps, EventSourceLike, HashLocation, ThemeStorage } from '../../src/dashboard/dashboard-deps';
import { createFormat } from '../../src/dashboard/format/create-format';
import { en } from '../../src/dashboard/i18n/en';
import { createTranslator } from '../../src/dashboard/i18n/translate';
import { formatRoute } from '../../src/dashboard/routing/route';
import { DashboardContext } from '../../src/dashboard/state/dashboard-context';
import type { DashboardContextValue } from '../../src/dashboard/state/dashboard-context';
import { createEventHub } from '../../src/dashboard/state/event-hub';

/** Shapes as the proxy sends them; only what a test needs differs from these. */

export const me: MeJson = {
  org: 'Acme Coffee',
  time_zone: 'Europe/London',
  surveys: [
    { id: 1, code: 'visit', name: 'After your visit', rating_questions: [] },
    { id: 2, code: 'delivery', name: 'Delivery', rating_questions: [] },
  ],
  dimensions: [
    { key: 'site_code', kind: 'site', members: [{ value: 'ncl', label: 'Newcastle' }, { value: 'ldn', label: 'London' }] },
    { key: 'staff_code', kind: 'staff', members: [{ value: 'ann', label: 'Ann Smith' }] },
    { key: 'region', kind: 'segment', members: [{ value: 'North', label: 'North' }, { value: 'South', label: 'South' }] },
  ],
  expires_at: '2099-01-01T00:00:00Z',
};

export const overview: OverviewJson = {
  range: { first: '2026-11-01', last: '2026-11-30', from: '2026-11-01T00:00:00Z', to: '2026-11-30T23:59:59Z' },
  previous: { first: '2026-10-02', last: '2026-10-31', from: '2026-10-02T00:00:00Z', to: '2026-10-31T23:59:59Z' },
  responses: { count: 1234, previous: 1000 },
  nps: { net_promoter_score: 42, promoter_count: 60, passive_count: 22, detractor_count: 18, total_number_of_ratings: 100, previous_score: 38 },
  csat: {
    csat: 81,
    very_negative_count: 2,
    negative_count: 3,
    neutral_count: 14,
    positive_count: 30,
    very_positive_count: 51,
    total_number_of_ratings: 100,
    previous_score: 85,
  },
  scores: [
    { survey_id: 1, question_id: 7, question: 'How clean was the store?', scale: 'custom', min: 1, max: 7, count: 10, average: 5.5, counts: [0, 0, 1, 1, 2, 3, 3] },
  ],
  trend: {
    bucket: 'day',
    points: [
      { first: '2026-11-01', last: '2026-11-01', responses: 12, nps: 40, nps_ratings: 10, csat: 80, csat_ratings: 10 },
      { first: '2026-11-02', last: '2026-11-02', responses: 0, nps: null, nps_ratings: 0, csat: null, csat_ratings: 0 },
      { first: '2026-11-03', last: '2026-11-03', responses: 30, nps: -10, nps_ratings: 20, csat: 70, csat_ratings: 20 },
    ],
  },
};

export const league: LeagueJson = {
  range: overview.range,
  dimension: 'site_code',
  min_responses: 5,
  rows: [
    { member: 'ldn', label: 'London', responses: 40, nps: 12, promoters: 20, passives: 8, detractors: 12, csat: 75, csat_ratings: 30 },
    { member: 'bri', label: 'Brighton', responses: 9, nps: null, promoters: 0, passives: 0, detractors: 0, csat: 90, csat_ratings: 9 },
    { member: 'ncl', label: 'Newcastle', responses: 60, nps: 55, promoters: 40, passives: 12, detractors: 8, csat: 88, csat_ratings: 50 },
  ],
  below_threshold: 3,
};

export function summary(id: number, extra: Partial<ResponseSummaryJson> = {}): ResponseSummaryJson {
  return {
    id,
    survey_id: 1,
    survey_name: 'After your visit',
    submitted_at: '2026-11-23T10:00:00Z',
    customer_name: `Customer ${id}`,
    email: null,
    site_code: 'ncl',
    staff_code: null,
    nps: 9,
    csat: null,
    excerpt: `Comment ${id}`,
    feedback_request_id: null,
    verified: false,
    ...extra,
  };
}

export function page(ids: number[], next_cursor: string | null, total: number | null = 60): ResponseListJson {
  return { items: ids.map((id) => summary(id)), next_cursor, total };
}

export function invitation(id: number, extra: Partial<FeedbackRequestJson> = {}): FeedbackRequestJson {
  return {
    id,
    email: `guest${id}@example.com`,
    state: 'sent',
    first_name: 'Guest',
    surname: String(id),
    survey_id: 1,
    email_template_id: null,
    reference: null,
    machine_id: null,
    send_at: '2026-11-20T09:00:00Z',
    sent_at: '2026-11-20T09:00:05Z',
    created_at: '2026-11-19T09:00:00Z',
    updated_at: '2026-11-20T09:00:05Z',
    not_sent_reason: null,
    delivery_failure: null,
    ignore_throttle: false,
    external_link: false,
    link: `https://feedback.example.com/s/tok${id}`,
    sms: null,
    provider: 'customersure',
    data: [],
    reminders: [],
    ...extra,
  };
}

export function responseDetail(extra: Partial<ResponseDetailJson> = {}): ResponseDetailJson {
  return {
    id: 123,
    uuid: '0b6c6f6e-0000-4000-8000-000000000123',
    survey: { id: 1, code: 'visit', name: 'After your visit' },
    submitted_at: '2026-11-23T10:00:00Z',
    received_at: '2026-11-23T10:00:01Z',
    locale: 'en',
    page_url: 'https://shop.example.com/thanks?order=9',
    answers: [
      { question_id: 1, question: 'How likely are you to recommend us?', answer_type: 'Rating', answer: 9, min: 0, max: 10 },
      { question_id: 2, question: 'What could we do better?', answer_type: 'Text', answer: 'Faster tills' },
      { question_id: 3, question: 'What did you buy?', answer_type: 'Checkboxes', answer: ['Coffee', 'Cake'] },
    ],
    customer: { name: 'Jo Bloggs', email: 'jo@example.com' },
    segments: { site_code: 'ncl', region: 'North' },
    metadata: { till: '4' },
    reference: 'ORDER-9',
    machine_id: 'TILL-4',
    links: {},
    feedback_request: null,
    verified: false,
    ...extra,
  };
}

const ok = <T,>(value: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, value });

/** A client answering every call from the fixtures above; override any method per test. */
export function fakeClient(overrides: Partial<DashboardClient> = {}): DashboardClient {
  return {
    signIn: vi.fn(() => ok(null)),
    signOut: vi.fn(() => ok(null)),
    me: vi.fn(() => ok(me)),
    overview: vi.fn(() => ok(overview)),
    league: vi.fn(() => ok(league)),
    responses: vi.fn(() => ok(page([3, 2, 1], null, 3))),
    response: vi.fn(() => ok(responseDetail())),
    invitations: vi.fn(() => ok({ items: [invitation(45), invitation(44, { state: 'not_sent', sent_at: null, not_sent_reason: 'Over-survey protection' })], total: 2, page: 1, limit: 25 })),
    invitation: vi.fn(() => ok({ ...invitation(45), timeline: [{ at: '2026-11-20T09:00:05Z', kind: 'sent', detail: 'Accepted by CustomerSure' }] })),
    exportUrl: (format, query) => `/dashboard/api/export.${format}?${query}`,
    eventsUrl: '/dashboard/api/events',
    ...overrides,
  };
}

export const unauthorized = <T,>(): Promise<ApiResult<T>> => Promise.resolve({ ok: false, status: 401, message: 'Sign in first' });

/** A hash that tests move by hand, as links and Back would. */
export function fakeLocation(hash = '') {
  const listeners = new Set<() => void>();
  const location: HashLocation & { hash: string; visit(hash: string): void } = {
    hash,
    read: () => location.hash,
    go: (next) => location.visit(next),
    visit(next) {
      location.hash = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return location;
}

/** A clock that only moves when told to. */
export function fakeTimers() {
  let now = 0;
  let serial = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback: () => void, ms: number) {
      pending.set(++serial, { at: now + ms, callback });
      return serial;
    },
    clearTimeout(handle: unknown) {
      pending.delete(handle as number);
    },
    advance(ms: number) {
      now += ms;
      const due = [...pending].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at);
      for (const [id, t] of due) {
        pending.delete(id);
        t.callback();
      }
    },
  };
}

/** An EventSource the test pushes `response` events through. */
export function fakeEvents() {
  const listeners: ((event: MessageEvent<string>) => void)[] = [];
  const source: EventSourceLike & { closed: boolean } = {
    closed: false,
    addEventListener: (type, listener) => {
      if (type === 'response') listeners.push(listener);
    },
    close: () => void (source.closed = true),
  };
  return {
    source,
    open: vi.fn((_url: string) => source),
    send: (value: ResponseSummaryJson) => listeners.forEach((listener) => listener(new MessageEvent('response', { data: JSON.stringify(value) }))),
    /** An event whose data is exactly `data`, parseable or not. */
    sendRaw: (data: string) => listeners.forEach((listener) => listener(new MessageEvent('response', { data }))),
  };
}

export function fakeStorage(): ThemeStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

export interface AppOptions {
  client?: DashboardClient;
  hash?: string;
  languages?: string[];
}

/** The whole app with fakes for everything it takes from the browser. */
export function renderApp({ client = fakeClient(), hash = '', languages = ['en-GB'] }: AppOptions = {}) {
  const events = fakeEvents();
  const timers = fakeTimers();
  const location = fakeLocation(hash);
  const storage = fakeStorage();
  const deps: DashboardDeps = { client, openEvents: events.open, storage, location, html: document.documentElement, timers, languages };
  const result = render(<DashboardApp deps={deps} />);
  return { ...result, client, events, timers, location, storage, deps };
}

/** One component inside a signed-in context, for tests of a single view or control. */
export function renderInContext(node: ComponentChildren, overrides: Partial<DashboardContextValue> = {}) {
  const location = fakeLocation();
  const timers = fakeTimers();
  const context: DashboardContextValue = {
    ...createTranslator(en, 'en-GB'),
    locale: 'en',
    fmt: createFormat('en-GB', 'Europe/London'),
    me,
    client: fakeClient(),
    navigate: (route) => location.go(formatRoute(route)),
    onUnauthorized: vi.fn(),
    events: createEventHub(),
    timers,
    cursors: new Map(),
    ...overrides,
  };
  const result = render(<DashboardContext.Provider value={context}>{node}</DashboardContext.Provider>);
  return { ...result, context, location, timers };
}

/**
 * Waits until the signed-in shell shows `heading` and its effects have run
 * (preact runs effects after paint): the hash and the event stream are watched.
 */
export async function shellReady(app: { events: ReturnType<typeof fakeEvents> }, heading: string | RegExp = /./) {
  const h1 = await screen.findByRole('heading', { level: 1, name: heading });
  await waitFor(() => expect(app.events.open).toHaveBeenCalled());
  return h1;
}
