import type { AnswerValue } from '../shared/answer';

/** What a widget tells the page, by event name; `survey` is the survey code of `data-widget-params`. */
export interface WidgetEvents {
  /** The survey loaded; the widget can be shown. */
  ready: { survey: string };
  /** The popover became visible. */
  shown: { survey: string };
  /** The visitor answered or changed an answer. */
  answered: { survey: string; question_id: number; answer: AnswerValue };
  /** A response was sent (`delivered`), or saved to be sent once the proxy can be reached. */
  submitted: { survey: string; id: string; delivered: boolean };
  /** The popover was hidden. */
  closed: { survey: string };
  /** The survey could not load, or the proxy refused a response. */
  error: { survey: string; message: string };
}

export type WidgetEventName = keyof WidgetEvents;
export type WidgetEventHandler<E extends WidgetEventName> = (payload: WidgetEvents[E]) => void;
export type Emit = <E extends WidgetEventName>(event: E, payload: WidgetEvents[E]) => void;

export interface Emitter {
  on<E extends WidgetEventName>(event: E, handler: WidgetEventHandler<E>): () => void;
  emit: Emit;
  clear(): void;
}

/**
 * The page's subscriptions to widget events. A handler that throws is
 * reported through `onError` and never stops the others or the widget.
 */
export function createEmitter(onError: (error: unknown) => void): Emitter {
  const handlers = new Map<string, Set<(payload: never) => void>>();
  return {
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set.add(handler as (payload: never) => void));
      return () => void set.delete(handler as (payload: never) => void);
    },
    emit(event, payload) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          (handler as (p: typeof payload) => void)(payload);
        } catch (error) {
          onError(error);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}
