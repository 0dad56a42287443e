import type { AutoTrigger, Display } from '../../shared/display-schema';
import { armTriggers } from './auto-triggers';
import { eventMatches, mayShowAutomatically, sampleBucket, urlMatches } from './display-rules';
import { watchUrl } from './url-watch';
import type { VisitorStore } from './visitor-store';

/** What automatic display needs of one widget. */
export interface DisplayTarget {
  /** `{org}/{survey}`: the key of its visitor record. */
  key: string;
  display: Display;
  isShown(): boolean;
  /** Showing the thank-you. */
  isThanking(): boolean;
  open(): void;
  close(): void;
}

export interface AutoDisplay {
  /** Arms a widget's triggers once its survey has loaded. */
  add(target: DisplayTarget): void;
  /**
   * A scripted in-app event: every matching event trigger tries to show its
   * survey, including surveys that finish loading later in this page view.
   */
  trigger(name: string, properties: Record<string, unknown>): void;
  /** The survey was shown, however it was opened: `once` counts it. */
  shown(target: DisplayTarget): void;
  /** The visitor sent a response: `until_answered` counts it, and `close_after_seconds` starts. */
  answered(target: DisplayTarget): void;
  stop(): void;
}

/**
 * Shows surveys by themselves: arms each survey's triggers, waits out their
 * delays, asks the display rules (URL, sample, frequency, recontact) and
 * shows one survey at a time. On an SPA navigation it closes a survey whose
 * URL rules stop matching and re-arms every trigger, as for a new page.
 */
export function createAutoDisplay(win: Window, store: VisitorStore, now: () => number): AutoDisplay {
  const armed = new Map<DisplayTarget, () => void>();
  const timers = new Set<number>();
  // Events of this page view, for surveys that load after the page fired them.
  let events: [name: string, properties: Record<string, unknown>][] = [];
  let url = win.location.href;

  const later = (ms: number, action: () => void) => {
    const timer = win.setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };
  const attempt = (target: DisplayTarget, trigger: AutoTrigger) =>
    later(trigger.delay_seconds * 1000, () => {
      const busy = [...armed.keys()].some((other) => other.isShown());
      const context = { now: now(), url: win.location.href, bucket: sampleBucket(store.seed(), target.key) };
      if (!busy && mayShowAutomatically(target.display, store.get(target.key), context)) target.open();
    });
  const arm = (target: DisplayTarget) => armTriggers(win, target.display.triggers, (trigger) => attempt(target, trigger));
  const hear = (target: DisplayTarget, name: string, properties: Record<string, unknown>) => {
    for (const trigger of target.display.triggers) if (eventMatches(trigger, name, properties)) attempt(target, trigger);
  };

  const stopWatching = watchUrl(win, () => {
    if (win.location.href === url) return;
    url = win.location.href;
    events = [];
    for (const [target, disarm] of armed) {
      disarm();
      if (target.isShown() && !urlMatches(target.display.urls, url)) target.close();
      armed.set(target, arm(target));
    }
  });

  return {
    add(target) {
      armed.set(target, arm(target));
      for (const [name, properties] of events) hear(target, name, properties);
    },
    trigger(name, properties) {
      events.push([name, properties]);
      for (const target of armed.keys()) hear(target, name, properties);
    },
    shown: (target) => store.update(target.key, { shownAt: now() }),
    answered(target) {
      store.update(target.key, { answeredAt: now() });
      const after = target.display.close_after_seconds;
      if (after) later(after * 1000, () => target.isThanking() && target.close());
    },
    stop() {
      stopWatching();
      armed.forEach((disarm) => disarm());
      armed.clear();
      timers.forEach((timer) => win.clearTimeout(timer));
      timers.clear();
    },
  };
}
