import type { ErrorBody, FieldError } from '../shared/error-body';
import type { Strings } from '../shared/i18n/en';
import type { ResponsePayload } from '../shared/response-schema';
import type { Survey } from '../shared/survey-schema';

export type LoadResult =
  | { kind: 'ready'; survey: Survey; strings: Partial<Strings> }
  | { kind: 'not_found' | 'failed'; reason: string };

export type SendResult =
  | { kind: 'sent' }
  | { kind: 'invalid'; message: string; errors: FieldError[] }
  | { kind: 'failed'; reason: string };

export interface SurveyClient {
  /** The survey and the UI strings of its locale, or of `locale` when the page overrides it. */
  loadSurvey(org: string, survey: string, locale?: string): Promise<LoadResult>;
  sendResponse(payload: ResponsePayload): Promise<SendResult>;
}

/**
 * Talks to the proxy: the only module that calls `fetch`. It never throws;
 * every outcome, a network error included, is a value the UI can show.
 */
export function createSurveyClient(fetchFn: typeof fetch, proxy: string): SurveyClient {
  const call = async (path: string, body?: ResponsePayload): Promise<{ status: number; json: Record<string, unknown> } | string> => {
    const url = proxy + path;
    try {
      const res = await fetchFn(url, {
        method: body ? 'POST' : 'GET',
        credentials: 'omit',
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body && JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => ({})) };
    } catch (error) {
      return `could not reach the proxy at ${url} (${(error as Error).message})`;
    }
  };
  return {
    async loadSurvey(org, code, locale) {
      const path = `/v1/surveys/${org}/${code}${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;
      const res = await call(path);
      if (typeof res === 'string') return { kind: 'failed', reason: res };
      const { strings, ...survey } = res.json as Survey & { strings?: Partial<Strings> };
      if (res.status === 404) return { kind: 'not_found', reason: `survey "${code}" of org "${org}" was not found at ${proxy}` };
      if (res.status !== 200 || !Array.isArray(survey.questions)) return { kind: 'failed', reason: `GET ${proxy}${path} answered ${res.status} without a survey` };
      return { kind: 'ready', survey, strings: strings ?? {} };
    },
    async sendResponse(payload) {
      const res = await call('/v1/responses', payload);
      if (typeof res === 'string') return { kind: 'failed', reason: res };
      if (res.status < 300) return { kind: 'sent' };
      // 408 and 429 are worth retrying; other 4xx mean the proxy will never take this body.
      if (res.status >= 500 || res.status === 408 || res.status === 429) return { kind: 'failed', reason: `the proxy answered ${res.status}` };
      const { message = `HTTP ${res.status}`, errors = [] } = res.json as Partial<ErrorBody>;
      return { kind: 'invalid', message, errors };
    },
  };
}
