import type { Strings } from '../shared/i18n/en';
import type { Survey } from '../shared/survey-schema';

export type LoadResult =
  | { kind: 'ready'; survey: Survey; strings: Partial<Strings>; styles: string }
  | { kind: 'failed'; reason: string };

export interface SurveyClient {
  /**
   * The survey, the UI strings of its locale (or of `locale` when the page
   * overrides it) and the widget's stylesheet, fetched side by side.
   */
  loadSurvey(org: string, survey: string, locale?: string): Promise<LoadResult>;
}

/**
 * Loads a survey from the proxy (responses go through the outbox, see
 * delivery/). It never throws; every outcome, a network error included, is a value.
 */
export function createSurveyClient(fetchFn: typeof fetch, proxy: string): SurveyClient {
  // A body that is not JSON, or is JSON null, reads as {} so callers never throw on it.
  const json = (res: Response) => res.json().then((body) => body ?? {}, () => ({}));
  const call = (path: string, init?: RequestInit) =>
    fetchFn(proxy + path, { credentials: 'omit', ...init }).catch((error: Error) => `could not reach ${proxy}${path} (${error.message})`);
  return {
    async loadSurvey(org, code, locale) {
      const path = `/v1/surveys/${org}/${code}${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;
      const [res, css] = await Promise.all([call(path), call('/survey_widget.css')]);
      if (typeof res === 'string') return { kind: 'failed', reason: res };
      const { strings = {}, ...survey } = (await json(res)) as Survey & { strings?: Partial<Strings> };
      const styles = typeof css === 'string' || !css.ok ? '' : await css.text();
      if (!res.ok || !Array.isArray(survey.questions) || !styles) {
        return { kind: 'failed', reason: res.status === 404 ? `no survey "${code}" for org "${org}" at ${proxy}` : `${proxy}${path} or its stylesheet did not load (${res.status})` };
      }
      return { kind: 'ready', survey, strings, styles };
    },
  };
}
