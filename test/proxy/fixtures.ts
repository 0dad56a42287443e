import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postPurchase from '../../demo/surveys/acme/post-purchase.json';
import supportCsat from '../../demo/surveys/acme/support-csat.json';
import { createApp, type AppDeps } from '../../src/proxy/create-app';
import type { Store } from '../../src/proxy/store/open-store';
import { createSurveyCatalog, parseSurveyFile, type SurveyCatalog } from '../../src/proxy/survey-catalog';
import type { Survey } from '../../src/shared/survey-schema';
import { openTestStore } from './test-store';

/** A demo survey parsed exactly as the proxy parses files, defaults applied. */
export function demoSurvey(json: unknown): Survey {
  const result = parseSurveyFile(JSON.stringify(json));
  if (!result.ok) throw new Error(result.problem);
  return result.survey;
}

/** The two demo surveys under org `acme`, in memory. */
export function demoCatalog(): SurveyCatalog {
  return createSurveyCatalog([
    { org: 'acme', code: 'post-purchase', survey: demoSurvey(postPurchase) },
    { org: 'acme', code: 'support-csat', survey: demoSurvey(supportCsat) },
  ]);
}

export const FIXED_NOW = new Date('2025-06-01T12:00:00.000Z');

/** A fresh app over an in-memory, migrated store; `deps` override any default. */
export async function testApp(deps: Partial<AppDeps> = {}): Promise<{ app: ReturnType<typeof createApp>; store: Store; logged: string[] }> {
  const store = deps.store ?? (await openTestStore());
  const logged: string[] = [];
  const app = createApp({
    catalog: demoCatalog(),
    store,
    allowedOrigins: ['https://shop.example'],
    readWidgetScript: () => 'console.log("widget")',
    demoDir: tempDir(),
    now: () => FIXED_NOW,
    log: (message) => logged.push(message),
    ...deps,
  });
  return { app, store, logged };
}

/** A valid post-purchase response; spread overrides over it. */
export function validPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '3f8a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b',
    org: 'acme',
    survey: 'post-purchase',
    answers: [
      { question_id: 1, answer: 9 },
      { question_id: 2, answer: 'Quick delivery' },
    ],
    customer: { name: 'Mariner', email: 'mariner@example.com' },
    segments: { staff_code: 'luke' },
    metadata: { reference: 'INV-2090' },
    locale: 'en',
    page_url: 'https://shop.example/orders/2090',
    submitted_at: '2025-06-01T11:59:30.000Z',
    ...overrides,
  };
}

/** A valid support-csat response (required email, Radio, Checkbox, custom segment `plan`). */
export function validCsatPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return validPayload({
    id: '0b6a7f3e-9c1d-4a2b-b3c4-d5e6f7a8b9c0',
    survey: 'support-csat',
    answers: [
      { question_id: 11, answer: 4 },
      { question_id: 13, answer: 'Live chat' },
    ],
    customer: { email: 'ops@example.com' },
    segments: {},
    metadata: {},
    ...overrides,
  });
}

/** POSTs a body to /v1/responses: objects as JSON, strings as they are. */
export function postResponse(app: ReturnType<typeof createApp>, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request('/v1/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'survey-proxy-'));
}
