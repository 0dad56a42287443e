/** The two timer functions the dashboard uses, injected so tests control time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Debounced {
  /** Runs `fn` once `ms` after the last call. */
  call(): void;
  cancel(): void;
}

/**
 * Collapses a burst of calls into one: ten responses arriving together make
 * one refetch, not ten.
 *
 * @example
 * const refresh = debounce(reload, 500, window);
 * refresh.call(); refresh.call(); // one reload, 500 ms after the second call
 */
export function debounce(fn: () => void, ms: number, timers: Timers): Debounced {
  let handle: unknown = null;
  const cancel = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  return {
    call() {
      cancel();
      handle = timers.setTimeout(() => {
        handle = null;
        fn();
      }, ms);
    },
    cancel,
  };
}
