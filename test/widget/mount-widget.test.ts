import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG, mountWidget } from '../../src/widget/mount-widget';
import type { MountedWidget } from '../../src/widget/mount-widget';
import { testController } from './fixtures';

let mounted: MountedWidget[] = [];
afterEach(() => {
  for (const widget of mounted) widget.unmount();
  mounted = [];
});

function mount(overrides: Parameters<typeof testController>[0] = {}) {
  const made = testController(overrides);
  const widget = mountWidget(document, made.controller, 'sw1');
  mounted.push(widget);
  const root = widget.host.shadowRoot!;
  const view = () => within(root.lastElementChild as HTMLElement);
  return { ...made, widget, root, view, dialog: () => root.querySelector('dialog') };
}

describe('mountWidget()', () => {
  it('appends one custom host element with an open shadow root to <body>', () => {
    const { widget } = mount();
    expect(widget.host.tagName.toLowerCase()).toBe(HOST_TAG);
    expect(widget.host.parentElement).toBe(document.body);
    expect(widget.host.shadowRoot).not.toBeNull();
  });

  it('shows the trigger and adopts the stylesheet once the survey loads', async () => {
    const { controller, root, view } = mount();
    expect(view().queryByRole('button')).toBeNull();
    await controller.load();
    expect(view().getByRole('button', { name: 'Feedback' })).toBeTruthy();
    expect(root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join(''))).toEqual([
      expect.stringContaining('.root'),
    ]);
  });

  it('opens the survey as a modal dialog and closes it again', async () => {
    const { controller, view, dialog } = mount();
    await controller.load();
    fireEvent.click(view().getByRole('button', { name: 'Feedback' }));
    expect(dialog()?.open).toBe(true);
    expect(view().getByRole('dialog', { name: 'How did we do?' })).toBeTruthy();
    controller.toggle();
    expect(dialog()?.open).toBe(false);
  });

  it('opens the dialog once the survey has loaded when the visitor asked early', async () => {
    const { controller, dialog } = mount();
    controller.toggle();
    expect(dialog()).toBeNull();
    await controller.load();
    expect(dialog()?.open).toBe(true);
  });

  it('treats the dialog closing itself (Escape) as closing the widget', async () => {
    const { controller, dialog } = mount();
    await controller.load();
    controller.toggle();
    dialog()!.close();
    expect(controller.getState().open).toBe(false);
  });

  it('closes when the visitor clicks the backdrop, not the form', async () => {
    const { controller, view, dialog } = mount();
    await controller.load();
    controller.toggle();
    fireEvent.click(view().getByRole('radio', { name: '5' }));
    expect(controller.getState().open).toBe(true);
    fireEvent.click(dialog()!);
    expect(controller.getState().open).toBe(false);
  });

  it('moves focus to the first invalid field after a failed check', async () => {
    const { controller, root, view } = mount();
    await controller.load();
    controller.toggle();
    fireEvent.submit(view().getByRole('button', { name: 'Send feedback' }).closest('form')!);
    expect(root.activeElement).toBe(view().getByRole('radio', { name: '0' }));
  });

  it('removes its host when unmounted', async () => {
    const { controller, widget } = mount();
    await controller.load();
    widget.unmount();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});
