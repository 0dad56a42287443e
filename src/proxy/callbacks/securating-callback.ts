import { Hono } from 'hono';
import { bodyHash } from '../body-hash';
import { readSecuratingWebhook, SECURATING_WEBHOOK_REPLY, stepToState } from '../relay/adapters/securating/securating-webhook';
import type { Store } from '../store/open-store';
import { responseFacts } from '../store/response-facts';
import type { SurveyCatalog } from '../survey-catalog';
import { reviewResponse } from './review-response';

export interface CallbackDeps {
  store: Store;
  catalog: SurveyCatalog;
  now: () => Date;
  log?: (message: string) => void;
  /** The org's time zone, whose calendar days the dashboard counts in; default UTC. */
  zoneOf?: (org: string) => string;
}

const text = (body: string, status = 200) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * `/relay/securating/{token}`: the `webhook` URL each Securating invitation
 * carries, with a per-request token of 128 random bits (so only Securating,
 * which was given it, can report on that request). « Nos robots contacteront
 * votre url en ajoutant un paramètre step »: every step is recorded on the
 * request's timeline; mail-send marks it sent, mail-recall marks its next
 * reminder sent, review-saved stores the review as a response linked to the
 * request. « Nos robots attendent un retour contenant « ok » ou « success » »:
 * the answer is `ok`, also to a repeated call, so the robots stop retrying.
 */
export function securatingCallback({ store, catalog, now, log = console.error, zoneOf = () => 'UTC' }: CallbackDeps): Hono {
  const app = new Hono();
  app.on(['GET', 'POST'], '/relay/securating/:token', async (c) => {
    const token = c.req.param('token');
    const request = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await store.feedbackRequests.byCallbackToken(token) : undefined;
    if (!request) return text('unknown request', 404);
    // The seed shows query parameters; a form-encoded POST carrying them is read the same way.
    const url = new URL(c.req.url);
    if (c.req.method === 'POST' && /application\/x-www-form-urlencoded/i.test(c.req.header('Content-Type') ?? '')) {
      for (const [name, value] of new URLSearchParams(await c.req.text())) if (!url.searchParams.has(name)) url.searchParams.set(name, value);
    }
    const event = readSecuratingWebhook(url);
    if ('error' in event) return text(event.error, 400);
    const clock = now();
    const detail = event.review ? `rating ${event.review.rating}` : undefined;
    await store.feedbackRequests.report(request.row.id, { kind: `securating:${event.step}`, detail, state: stepToState(event.step), reminderSent: event.step === 'mail-recall' }, clock);
    if (event.review) {
      const survey = catalog.byId(request.row.org, request.row.survey_id);
      const code = catalog.codeById(request.row.org, request.row.survey_id);
      if (!survey || !code) {
        // Kept on the timeline (above); the survey file is gone, so there is nothing to file it under.
        log(`[survey-proxy] securating review for request ${request.row.id} kept on its timeline only: survey ${request.row.survey_id} is no longer in ${request.row.org}`);
        return text(SECURATING_WEBHOOK_REPLY);
      }
      const response = reviewResponse(request, survey, code, { source: 'securating', ...event.review }, clock);
      const { received_at: _received, ...hashed } = response;
      await store.responses.insert(response, bodyHash(hashed), responseFacts(response, survey, zoneOf(response.org)), request.row.id);
    }
    return text(SECURATING_WEBHOOK_REPLY);
  });
  return app;
}
