import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG, mountWidget } from '../../src/widget/mount-widget';
import type { MountedWidget } from '../../src/widget/mount-widget';
import { settle, testController } from './fixtures';

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

describe('mountWidget() inline', () => {
  const INLINE = { org: 'acme', survey: 'post-purchase', proxy: 'https://proxy.example', display: 'inline' as const };

  function mountInline(element = document.body.appendChild(document.createElement('div'))) {
    const made = testController({ widget: INLINE });
    const widget = mountWidget(document, made.controller, 'sw1', undefined, element);
    mounted.push(widget);
    const root = widget.host.shadowRoot!;
    const heading = () => root.querySelector('h2');
    return { ...made, widget, element, root, heading };
  }
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('renders inside the page’s own element, where it stands, and adds nothing to <body>', async () => {
    const before = document.body.appendChild(document.createElement('p'));
    const { controller, widget, element, root } = mountInline();
    document.body.appendChild(document.createElement('footer'));
    await controller.load();
    expect(widget.host.parentElement).toBe(element);
    expect(element.previousElementSibling).toBe(before);
    expect([...document.body.children].map((child) => child.localName)).toEqual(['p', 'div', 'footer']);
    expect(within(root.lastElementChild as HTMLElement).getByRole('region', { name: 'How did we do?' })).toBeTruthy();
    expect(root.querySelector('dialog')).toBeNull();
  });

  it('scrolls into view and focuses its heading when toggled', async () => {
    const { controller, widget, root, heading } = mountInline();
    await controller.load();
    const scrolled = vi.spyOn(widget.host, 'scrollIntoView');
    expect(root.activeElement).toBeNull();
    controller.toggle();
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(root.activeElement).toBe(heading());
  });

  it('comes into view once loaded when the page asked while it was loading', async () => {
    const { controller, root, heading } = mountInline();
    controller.toggle();
    expect(heading()).toBeNull();
    await controller.load();
    expect(root.activeElement).toBe(heading());
  });

  it('brings its thank-you into view with focus on its heading once the response is sent', async () => {
    const { controller, widget, root, heading } = mountInline();
    await controller.load();
    controller.setAnswer(1, 9);
    const scrolled = vi.spyOn(widget.host, 'scrollIntoView');
    controller.submit();
    await settle();
    expect(root.querySelector('[role=status]')).not.toBeNull();
    expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
    expect(root.activeElement).toBe(heading());
  });

  it('leaves the page’s element in place, as it was, when unmounted', async () => {
    const element = document.body.appendChild(document.createElement('div'));
    element.id = 'feedback';
    const { controller, widget } = mountInline(element);
    await controller.load();
    widget.unmount();
    expect(element.isConnected).toBe(true);
    expect(element.outerHTML).toBe('<div id="feedback"></div>');
  });
});
