import { Hono } from 'hono';
import type { Store } from '../store/open-store';
import type { SurveyCatalog } from '../survey-catalog';
import { hostedSurveyParams } from './hosted-params';
import { HOSTED_INIT_SCRIPT, HOSTED_STYLES, hostedPage, messagePage } from './hosted-page';

export interface HostedDeps {
  store: Store;
  catalog: SurveyCatalog;
}

// The page carries a capability (its token) and the customer's details: never cached by others,
// never framed, never sent on as a Referer, and only its own scripts run.
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/**
 * `/s/{token}`: a feedback request's hosted survey (the seed's `link`), the
 * survey full-page in the widget's inline mode, prefilled from the request.
 * A response through it is linked to the request. An unknown token is a
 * 404 page; an answered request says so rather than take a second answer.
 */
export function hostedRoutes({ store, catalog }: HostedDeps): Hono {
  const app = new Hono();
  app.get('/hosted.js', () => new Response(HOSTED_INIT_SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300' } }));
  app.get('/hosted.css', () => new Response(HOSTED_STYLES, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' } }));
  app.get('/s/:token', async (c) => {
    const token = c.req.param('token');
    const request = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await store.feedbackRequests.byLinkToken(token) : undefined;
    const survey = request && catalog.byId(request.row.org, request.row.survey_id);
    const code = request && catalog.codeById(request.row.org, request.row.survey_id);
    if (!request || !survey || !code) {
      return new Response(messagePage('Survey not found', 'This link is not valid, or its survey has been removed.'), { status: 404, headers: PAGE_HEADERS });
    }
    const lang = survey.locale ?? 'en';
    if (await store.responses.answersRequest(request.row.id)) {
      return new Response(messagePage(survey.thank_you.title ?? 'Thank you', 'You have already answered this survey. Thank you for your feedback.', lang), { headers: PAGE_HEADERS });
    }
    const html = hostedPage({ title: survey.title ?? survey.name, lang, org: request.row.org, survey: code, params: hostedSurveyParams(request) });
    return new Response(html, { headers: PAGE_HEADERS });
  });
  return app;
}
