import { h, render } from 'preact';
import { applyStyles } from './apply-styles';
import { WidgetApp } from './ui/widget-app';
import { styles } from './ui/styles';
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
 * or the popover. Re-renders on every state change, then opens or closes the
 * native dialog to match and moves focus to the first invalid field after a
 * failed check.
 */
export function mountWidget(document: Document, controller: WidgetController, id: string, nonce?: string): MountedWidget {
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-survey', controller.widget.survey);
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root, styles, nonce);
  document.body.appendChild(host);

  let opened = false;
  let focusInvalid = 0;
  const paint = () => {
    const state = controller.getState();
    // Shown means open with a survey to show: opening during the load shows it once loaded.
    const shown = state.open && state.load.status === 'ready';
    opened ||= shown;
    render(h(WidgetApp, { state, controller, id, opened }), root);
    const dialog = root.querySelector('dialog');
    if (shown && dialog && !dialog.open) dialog.showModal();
    if (!shown && dialog?.open) dialog.close();
    if (state.focusInvalid !== focusInvalid) root.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
    focusInvalid = state.focusInvalid;
  };
  const unsubscribe = controller.subscribe(paint);
  paint();

  return {
    host,
    unmount() {
      unsubscribe();
      render(null, root);
      host.remove();
    },
  };
}
