/** A listener list: the app feeds it server-sent events, views subscribe while mounted. */
export interface EventHub<T> {
  emit(value: T): void;
  /** Returns the unsubscribe function, for a useEffect cleanup. */
  subscribe(listener: (value: T) => void): () => void;
}

/**
 * A minimal publish/subscribe, so one EventSource serves every view.
 *
 * @example
 * const hub = createEventHub<number>();
 * const stop = hub.subscribe(console.log);
 * hub.emit(1); // logs 1
 * stop();
 */
export function createEventHub<T>(): EventHub<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    emit: (value) => listeners.forEach((listener) => listener(value)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
