import { describe, expect, it } from 'vitest';
import { surveyJsonSchema } from '../../src/proxy/survey-json-schema';
import postPurchaseJson from '../../demo/surveys/acme/post-purchase.json';
import { createSurveyCatalog } from '../../src/proxy/survey-catalog';
import { demoSurvey, postResponse, testApp, validPayload } from './fixtures';
import { openTestStore } from './test-store';

const JSON_TYPE = 'application/json; charset=utf-8';

describe('GET /v1/surveys/:org/:survey', () => {
  it('serves the survey with defaults applied, briefly cacheable', async () => {
    const res = await (await testApp()).app.request('/v1/surveys/acme/post-purchase');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(JSON_TYPE);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
    const survey = await res.json();
    expect(survey).toMatchObject({ id: 1484, name: 'Post-purchase NPS', custom_segments: ['account_type'] });
    expect(survey.questions[1]).toMatchObject({ id: 2, required: false, multiline: true, max_length: 1000 });
    expect(survey).not.toHaveProperty('$schema');
  });

  it('settles the locale: the page override, else the survey’s own, else the page’s <html lang>, else English', async () => {
    const { locale: _locale, ...noLocale } = postPurchaseJson;
    const catalog = createSurveyCatalog([
      { org: 'acme', code: 'fr-survey', survey: demoSurvey({ ...postPurchaseJson, locale: 'fr' }) },
      { org: 'acme', code: 'any-language', survey: demoSurvey(noLocale) },
    ]);
    const { app } = await testApp({ catalog });
    const get = async (path: string) => {
      const body = await (await app.request(path)).json();
      return [body.locale, body.strings.submit];
    };
    expect(await get('/v1/surveys/acme/fr-survey')).toEqual(['fr', 'Envoyer mon avis']);
    expect(await get('/v1/surveys/acme/fr-survey?locale=de&lang=ja')).toEqual(['de', 'Feedback senden']);
    expect(await get('/v1/surveys/acme/fr-survey?lang=ja')).toEqual(['fr', 'Envoyer mon avis']);
    expect(await get('/v1/surveys/acme/any-language?lang=ar-EG')).toEqual(['ar', 'إرسال الملاحظات']);
    expect(await get('/v1/surveys/acme/any-language?lang=es-MX')).toEqual(['es-MX', expect.any(String)]);
    expect(await get('/v1/surveys/acme/any-language?lang=pt-BR')).toEqual(['en', 'Send feedback']);
    expect(await get('/v1/surveys/acme/any-language')).toEqual(['en', 'Send feedback']);
  });

  it('answers 404 with a CustomerSure message for an unknown survey or org', async () => {
    const { app } = await testApp();
    for (const path of ['/v1/surveys/acme/nope', '/v1/surveys/nobody/post-purchase', '/v1/surveys/acme/__proto__']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe(JSON_TYPE);
      expect(await res.json()).toEqual({ message: 'Survey not found' });
    }
  });

  it('answers 405 naming the allowed methods for a write', async () => {
    const res = await (await testApp()).app.request('/v1/surveys/acme/post-purchase', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(await res.json()).toEqual({ message: 'Method Not Allowed' });
  });
});

describe('GET /v1/schema/survey.json', () => {
  it('serves the JSON Schema of survey files', async () => {
    const res = await (await testApp()).app.request('/v1/schema/survey.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(JSON_TYPE);
    expect(await res.json()).toEqual(surveyJsonSchema());
  });
});

describe('GET /survey_widget.js', () => {
  it('serves the built script as cacheable JavaScript any page may load', async () => {
    const res = await (await testApp({ readWidgetScript: () => 'window.x = 1;' })).app.request('/survey_widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await res.text()).toBe('window.x = 1;');
  });

  it('answers 404 telling to run the build when the script is not built', async () => {
    const res = await (await testApp({ readWidgetScript: () => undefined })).app.request('/survey_widget.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'The widget is not built yet: run `npm run build`' });
  });

  it('answers 405 to a POST', async () => {
    expect((await (await testApp()).app.request('/survey_widget.js', { method: 'POST' })).status).toBe(405);
  });
});

describe('unknown routes', () => {
  it('answer 404 {"message":"Not found"} as JSON', async () => {
    const { app } = await testApp();
    for (const [path, method] of [['/v1/nothing', 'GET'], ['/v1/surveys/acme', 'GET'], ['/nope', 'POST'], ['/nope', 'PUT']] as const) {
      const res = await app.request(path, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe(JSON_TYPE);
      expect(await res.json()).toEqual({ message: 'Not found' });
    }
  });
});

describe('internal failures', () => {
  it('answer 500 with a message, and log the cause, when the database fails', async () => {
    const store = await openTestStore();
    await store.close();
    const { app, logged } = await testApp({ store });
    const res = await postResponse(app, validPayload());
    expect(res.status).toBe(500);
    expect(res.headers.get('Content-Type')).toBe(JSON_TYPE);
    expect(await res.json()).toEqual({ message: 'Internal server error' });
    expect(logged).toEqual([expect.stringContaining('[survey-proxy] internal error')]);
  });
});
