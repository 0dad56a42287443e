import { createElement, render } from 'preact';
import { applyStyles } from './apply-styles';
import { holdPage } from './modal-page';
import { WidgetApp } from './ui/widget-app';
import type { WidgetController } from './widget-controller';

/** The host element's tag: a custom name, so host rules like `div { display: none }` miss it. */
export const HOST_TAG = 'customersure-survey-widget';

export interface MountedWidget {
  host: HTMLElement;
  unmount(): void;
}

/**
 * Renders one widget into a shadow root on a host appended to <body>, so a
 * merchant's container (overflow, transforms) cannot clip the fixed trigger
 * or the popover; an inline survey's host is appended to `inlineIn`, the
 * page's own widget element, in the flow of the page. Re-renders on every
 * state change, then opens or closes the native dialog to match and moves
 * focus to the first invalid field after a failed check.
 */
export function mountWidget(document: Document, controller: WidgetController, id: string, nonce?: string, inlineIn?: Element): MountedWidget {
  const host = document.createElement(HOST_TAG);
  // The target of openers' aria-controls: ids inside the shadow root are out of the page's reach.
  host.id = `${HOST_TAG}-${id}`;
  const root = host.attachShadow({ mode: 'open' });
  // Preact owns only this node, so a fallback <style> beside it is never diffed away.
  const view = root.appendChild(document.createElement('div'));
  // Inline, still a host of its own: any element can hold one, where not every element can be a
  // shadow host, and unmounting leaves the page's element as it was. Every host is a block (:host in
  // widget.css): a popover's holds only fixed and top-layer boxes, so it takes no room either way.
  (inlineIn || document.body).appendChild(host);

  let opened = false;
  let styled = false;
  let focusInvalid = 0;
  let reveal = 0;
  let release: (() => void) | undefined;
  const paint = () => {
    const state = controller.getState();
    // Shown means open with a survey to show: opening during the load shows it once loaded.
    const shown = state.open && state.load.status === 'ready';
    if (state.load.status === 'ready' && !styled) styled = !!applyStyles(root, state.load.styles, nonce);
    opened ||= shown;
    render(createElement(WidgetApp, { state, controller, id, opened }), view);
    const dialog = view.querySelector('dialog');
    if (shown && dialog && !dialog.open) {
      dialog.showModal();
      release = holdPage(document, host, root);
    }
    if (!shown && dialog?.open) dialog.close();
    if (!shown) release = void release?.();
    if (state.focusInvalid !== focusInvalid) root.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
    focusInvalid = state.focusInvalid;
    // Asked to, an inline survey scrolls into view if it is not (honouring a scroll-margin the page
    // gives the host), then its heading takes focus, already in sight.
    const heading = root.querySelector<HTMLElement>('.inline h2');
    if (heading && state.reveal !== reveal) {
      host.scrollIntoView({ block: 'nearest' });
      heading.focus();
      reveal = state.reveal;
    }
  };
  controller.subscribe(paint);
  paint();

  return {
    host,
    unmount() {
      release?.();
      controller.subscribe(() => {});
      render(null, view);
      host.remove();
    },
  };
}
