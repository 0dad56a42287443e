import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ResponseSummaryJson } from '../../shared/dashboard/dashboard-replies';
import type { EventSourceLike } from '../dashboard-deps';
import { debounce } from './debounce';
import type { Timers } from './debounce';
import { createEventHub } from './event-hub';
import type { EventHub } from './event-hub';

/** A burst of new responses is reported once it has settled this long. */
export const BURST_MS = 500;

/**
 * Opens the server's event stream once for the whole session and hands each
 * new response to the views through a hub. `onBurst` hears how many arrived
 * in each burst (for the live-region announcement). Reconnecting is
 * EventSource's own; a malformed event is skipped.
 */
export function useResponseStream(
  open: (url: string) => EventSourceLike,
  url: string,
  timers: Timers,
  onBurst: (count: number) => void,
): EventHub<ResponseSummaryJson> {
  const hub = useMemo(() => createEventHub<ResponseSummaryJson>(), []);
  const report = useRef(onBurst);
  report.current = onBurst;
  useEffect(() => {
    const source = open(url);
    let arrived = 0;
    const settle = debounce(
      () => {
        report.current(arrived);
        arrived = 0;
      },
      BURST_MS,
      timers,
    );
    source.addEventListener('response', (event) => {
      let summary: ResponseSummaryJson;
      try {
        summary = JSON.parse(event.data) as ResponseSummaryJson;
      } catch {
        return;
      }
      arrived += 1;
      settle.call();
      hub.emit(summary);
    });
    return () => {
      source.close();
      settle.cancel();
    };
  }, [url]);
  return hub;
}
