import type { AutoTrigger } from '../../shared/display-schema';

/**
 * Listens for a survey's page-level triggers (load, time on page, scroll
 * depth, exit intent) and calls `fire` once per trigger; event triggers come
 * through `trigger()` instead. Returns the function that removes every
 * listener and timer, called on destroy and before re-arming after an SPA navigation.
 */
export function armTriggers(win: Window, triggers: readonly AutoTrigger[], fire: (trigger: AutoTrigger) => void): () => void {
  const cleanups: (() => void)[] = [];
  const listen = (target: EventTarget, type: string, fires: (event: Event) => boolean, trigger: AutoTrigger) => {
    const handler = (event: Event) => {
      if (!fires(event)) return;
      target.removeEventListener(type, handler);
      fire(trigger);
    };
    target.addEventListener(type, handler, { passive: true });
    cleanups.push(() => target.removeEventListener(type, handler));
  };
  for (const trigger of triggers) {
    if (trigger.on === 'load') fire(trigger);
    if (trigger.on === 'time') {
      const timer = win.setTimeout(() => fire(trigger), trigger.seconds * 1000);
      cleanups.push(() => win.clearTimeout(timer));
    }
    if (trigger.on === 'scroll') {
      const root = win.document.documentElement;
      listen(win, 'scroll', () => ((win.scrollY + win.innerHeight) / root.scrollHeight) * 100 >= trigger.percent - 0.5, trigger);
    }
    // Exit intent needs a mouse: on touch screens nothing leaves through the top.
    if (trigger.on === 'exit' && win.matchMedia('(pointer: fine)').matches) {
      listen(win.document, 'mouseout', (event) => !(event as MouseEvent).relatedTarget && (event as MouseEvent).clientY <= 0, trigger);
    }
  }
  return () => cleanups.forEach((cleanup) => cleanup());
}
