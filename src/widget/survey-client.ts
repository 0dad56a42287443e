import type { Strings } from '../shared/i18n/en';
import type { Survey } from '../shared/survey-schema';

export type LoadResult =
  | { kind: 'ready'; survey: Survey; strings: Partial<Strings>; styles: string }
  | { kind: 'failed'; reason: string };

export interface SurveyClient {
  /**
   * The survey, with the locale the proxy settled on and its UI strings, and
   * the widget's stylesheet, fetched side by side. `locale` is the page's
   * override; `lang`, the page's <html lang>, counts when the survey has no locale.
   */
  loadSurvey(org: string, survey: string, locale?: string, lang?: string): Promise<LoadResult>;
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
    async loadSurvey(org, code, locale, lang) {
      const [key, value] = locale ? ['locale', locale] : ['lang', lang];
      const path = `/v1/surveys/${org}/${code}${value ? `?${key}=${encodeURIComponent(value)}` : ''}`;
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
