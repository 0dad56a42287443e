/** The ESM entry for bundler users: the same API, created for your page. */
export { createWidgetApi, WIDGET_SELECTOR } from './widget-api';
export type { SurveyWidgetApi, WidgetApiDeps } from './widget-api';
export { sortParams } from '../shared/sort-params';
export type { SortedParams, DroppedParam, DropReason } from '../shared/sort-params';
export type { Survey, Question, SurveyInput } from '../shared/survey-schema';
export type { ResponsePayload } from '../shared/response-schema';
