import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiResult } from '../api/dashboard-client';
import { useDashboard } from './dashboard-context';

export type Resource<T> =
  | { status: 'loading' }
  /** `refreshed`: this value came from `refresh()` (a live update), not from a change of key. */
  | { status: 'ready'; value: T; refreshed: boolean }
  | { status: 'error'; message: string };

/**
 * Loads a value whenever `key` changes and keeps the latest answer only, so a
 * slow reply to an old filter never overwrites a newer one. `refresh` reloads
 * quietly: the old value stays on screen until the new one arrives, and a
 * failed refresh keeps it (a live update is a bonus, not the page); `retry`
 * starts over after an error. A 401 signs the page out.
 *
 * @example
 * const [overview, refresh, retry] = useResource(() => client.overview(query), query.toString());
 */
export function useResource<T>(load: () => Promise<ApiResult<T>>, key: string): [Resource<T>, () => Promise<void>, () => Promise<void>] {
  const { onUnauthorized } = useDashboard();
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const ticket = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const run = useCallback(async (quiet: boolean) => {
    const mine = ++ticket.current;
    if (!quiet) setState({ status: 'loading' });
    const result = await loader.current();
    if (mine !== ticket.current) return;
    if (result.ok) setState({ status: 'ready', value: result.value, refreshed: quiet });
    else if (result.status === 401) onUnauthorized();
    else if (!quiet) setState({ status: 'error', message: result.message });
  }, []);
  useEffect(() => {
    void run(false);
  }, [key]);
  // Unmounted: any answer still on its way is dropped.
  useEffect(() => () => void ++ticket.current, []);
  return [state, useCallback(() => run(true), []), useCallback(() => run(false), [])];
}
