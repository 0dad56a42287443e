/** The ESM entry for bundler users: the same API, created for your page. */
export { createWidgetApi, WIDGET_SELECTOR } from './widget-api';
export type { SurveyWidgetApi, WidgetApiDeps } from './widget-api';
export { createDelivery } from './delivery/delivery';
export type { Delivery, DeliveryDeps, Outcome } from './delivery/delivery';
export { createOutbox } from './delivery/outbox';
export type { Outbox, OutboxEntry } from './delivery/outbox';
export { createSafeStorage } from './delivery/safe-storage';
export type { SafeStorage } from './delivery/safe-storage';
export { createLogger } from './log';
export { sortParams } from '../shared/sort-params';
export type { SortedParams, DroppedParam, DropReason } from '../shared/sort-params';
export type { Survey, Question, SurveyInput } from '../shared/survey-schema';
export type { ResponsePayload } from '../shared/response-schema';
