import { useEffect } from 'preact/hooks';
import { useDashboard } from './dashboard-context';
import { debounce } from './debounce';

/**
 * Calls `refresh` once a burst of new-response events has settled for `ms`,
 * while `enabled`. Debounced because a busy till can send ten responses in a
 * second and one refetch shows them all.
 */
export function useLiveRefresh(refresh: () => void, ms: number, enabled = true): void {
  const { events, timers } = useDashboard();
  useEffect(() => {
    if (!enabled) return undefined;
    const later = debounce(refresh, ms, timers);
    const stop = events.subscribe(() => later.call());
    return () => {
      stop();
      later.cancel();
    };
  }, [refresh, ms, enabled]);
}
