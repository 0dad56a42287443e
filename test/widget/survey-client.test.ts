import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import type { ResponsePayload } from '../../src/shared/response-schema';
import { createSurveyClient } from '../../src/widget/survey-client';
import { postPurchase } from '../shared/fixtures';
import { css, fakeFetch, json, STYLES } from './fixtures';

const PROXY = 'https://proxy.example';
const SURVEY_URL = `GET ${PROXY}/v1/surveys/acme/post-purchase`;
const CSS_URL = `GET ${PROXY}/survey_widget.css`;
const POST_URL = `POST ${PROXY}/v1/responses`;

const payload: ResponsePayload = {
  id: '3f8a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b',
  org: 'acme',
  survey: 'post-purchase',
  answers: [{ question_id: 1, answer: 9 }],
  customer: { name: 'Mariner' },
  segments: { staff_code: 'luke' },
  metadata: { reference: 'INV-2090' },
  locale: 'en',
  page_url: 'https://shop.example/orders/2090',
  submitted_at: '2025-06-01T12:00:00.000Z',
};

describe('createSurveyClient().loadSurvey()', () => {
  it('returns the survey without its strings, the strings, and the stylesheet text', async () => {
    const fetch = fakeFetch({ [SURVEY_URL]: () => json({ ...postPurchase, strings: en }), [CSS_URL]: () => css() });
    expect(await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase')).toEqual({
      kind: 'ready',
      survey: postPurchase,
      strings: en,
      styles: STYLES,
    });
  });

  it('asks for the strings of a locale the page chose', async () => {
    const fetch = fakeFetch({ [`${SURVEY_URL}?locale=zh-CN`]: () => json(postPurchase), [CSS_URL]: () => css() });
    const result = await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase', 'zh-CN');
    expect(result).toMatchObject({ kind: 'ready', strings: {} });
  });

  it('sends no cookies to the proxy', async () => {
    const fetch = fakeFetch({ [SURVEY_URL]: () => json(postPurchase), [CSS_URL]: () => css() });
    await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase');
    expect(fetch.requests.map((r) => r.credentials)).toEqual(['omit', 'omit']);
  });

  it('names the survey, org and proxy when the proxy has no such survey', async () => {
    const fetch = fakeFetch({ [SURVEY_URL]: () => json({ message: 'Not found' }, 404), [CSS_URL]: () => css() });
    expect(await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase')).toEqual({
      kind: 'failed',
      reason: 'no survey "post-purchase" for org "acme" at https://proxy.example',
    });
  });

  it('names the proxy URL when the network fails', async () => {
    const fetch = fakeFetch({});
    expect(await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase')).toEqual({
      kind: 'failed',
      reason: 'could not reach https://proxy.example/v1/surveys/acme/post-purchase (Failed to fetch)',
    });
  });

  it('fails when the stylesheet is missing, rather than showing an unstyled widget', async () => {
    const fetch = fakeFetch({ [SURVEY_URL]: () => json(postPurchase), [CSS_URL]: () => new Response('Not found', { status: 404 }) });
    expect(await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase')).toEqual({
      kind: 'failed',
      reason: 'https://proxy.example/v1/surveys/acme/post-purchase or its stylesheet did not load (200)',
    });
  });

  it('fails when the stylesheet cannot be reached', async () => {
    const fetch = fakeFetch({ [SURVEY_URL]: () => json(postPurchase) });
    expect(await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase')).toMatchObject({ kind: 'failed' });
  });

  it('fails with the status when the proxy errs', async () => {
    const fetch = fakeFetch({ [SURVEY_URL]: () => json({ message: 'boom' }, 500), [CSS_URL]: () => css() });
    expect(await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase')).toEqual({
      kind: 'failed',
      reason: 'https://proxy.example/v1/surveys/acme/post-purchase or its stylesheet did not load (500)',
    });
  });

  it('fails, without throwing, on a 200 whose body is JSON null', async () => {
    const fetch = fakeFetch({ [SURVEY_URL]: () => new Response('null'), [CSS_URL]: () => css() });
    await expect(createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase')).resolves.toMatchObject({ kind: 'failed' });
  });

  it('fails on a 200 that is not a survey, such as an HTML page', async () => {
    const fetch = fakeFetch({ [SURVEY_URL]: () => new Response('<!doctype html><p>Hello'), [CSS_URL]: () => css() });
    expect(await createSurveyClient(fetch, PROXY).loadSurvey('acme', 'post-purchase')).toMatchObject({ kind: 'failed' });
  });
});
