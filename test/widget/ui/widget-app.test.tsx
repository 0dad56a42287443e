import { h } from 'preact';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WidgetApp } from '../../../src/widget/ui/widget-app';
import type { WidgetController } from '../../../src/widget/widget-controller';
import { parseSurvey, postPurchase, supportCsat } from '../../shared/fixtures';
import { fakeClient, ready, settle, testController } from '../fixtures';

afterEach(cleanup);

/** Renders one widget and re-renders it on every change; `opened` sticks once shown, as in mountWidget. */
function renderApp(controller: WidgetController) {
  let opened = false;
  const view = () => {
    const state = controller.getState();
    opened ||= state.open && state.load.status === 'ready';
    return <WidgetApp state={state} controller={controller} id="sw1" opened={opened} />;
  };
  const result = render(view());
  controller.subscribe(() => result.rerender(view()));
  return result;
}

const dialog = () => document.querySelector('dialog') as HTMLDialogElement;

describe('<WidgetApp>', () => {
  it('shows nothing while the survey loads', () => {
    const { controller } = testController();
    const { container } = renderApp(controller);
    expect(container.innerHTML).toBe('');
  });

  it('shows nothing to the visitor when the survey fails to load', async () => {
    const { controller } = testController({ client: fakeClient([{ kind: 'failed', reason: 'offline' }]) });
    const { container } = renderApp(controller);
    await controller.load();
    expect(container.innerHTML).toBe('');
  });

  it('shows a trigger that announces the dialog it opens and whether it is open', async () => {
    const { controller } = testController();
    renderApp(controller);
    await controller.load();
    const trigger = screen.getByRole('button', { name: 'Feedback' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(trigger.getAttribute('aria-controls')).toBe(dialog().id);
    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('labels the trigger with the survey’s words, or “Feedback” by default', async () => {
    const { controller } = testController({ client: fakeClient([ready(supportCsat)]) });
    renderApp(controller);
    await controller.load();
    expect(screen.getByRole('button', { name: 'Rate support' })).toBeTruthy();
    cleanup();
    const bare = parseSurvey({ id: 1, name: 'S', questions: [{ id: 1, question: 'Score?', answer_type: 'Rating' }] });
    const second = testController({ client: fakeClient([ready(bare)]) });
    renderApp(second.controller);
    await second.controller.load();
    expect(screen.getByRole('button', { name: 'Feedback' })).toBeTruthy();
  });

  it('shows no trigger when the survey opens only from the page’s own buttons', async () => {
    const survey = parseSurvey({ ...postPurchase, trigger: { type: 'none' } });
    const { controller } = testController({ client: fakeClient([ready(survey)]) });
    renderApp(controller);
    await controller.load();
    expect(screen.queryByRole('button')).toBeNull();
    controller.toggle();
    expect(dialog()).not.toBeNull();
  });

  it('titles the dialog with the survey title, or its name', async () => {
    const { controller } = testController();
    renderApp(controller);
    await controller.load();
    controller.toggle();
    expect(document.getElementById(dialog().getAttribute('aria-labelledby')!)?.textContent).toBe('How did we do?');
    cleanup();
    const untitled = parseSurvey({ ...postPurchase, title: undefined });
    const second = testController({ client: fakeClient([ready(untitled)]) });
    renderApp(second.controller);
    await second.controller.load();
    second.controller.toggle();
    expect(document.getElementById(dialog().getAttribute('aria-labelledby')!)?.textContent).toBe('Post-purchase NPS');
  });

  it('closes from the dialog’s close button and keeps the answers for next time', async () => {
    const { controller } = testController();
    renderApp(controller);
    await controller.load();
    fireEvent.click(screen.getByRole('button', { name: 'Feedback' }));
    // WidgetApp renders the <dialog>; mountWidget calls showModal(). Unshown here, its contents count as hidden.
    const inDialog = within(dialog());
    fireEvent.click(inDialog.getByRole('radio', { name: '9', hidden: true }));
    fireEvent.click(inDialog.getByRole('button', { name: 'Close', hidden: true }));
    expect(screen.getByRole('button', { name: 'Feedback' }).getAttribute('aria-expanded')).toBe('false');
    expect(dialog()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Feedback' }));
    expect((within(dialog()).getByRole('radio', { name: '9', hidden: true }) as HTMLInputElement).checked).toBe(true);
  });

  it('lays out right to left for Arabic and Hebrew', async () => {
    const { controller } = testController({ client: fakeClient([ready({ ...postPurchase, locale: 'ar' })]) });
    const { container } = renderApp(controller);
    await controller.load();
    const root = container.firstElementChild!;
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('lang')).toBe('ar');
  });

  it('lays out left to right otherwise', async () => {
    const { controller } = testController();
    const { container } = renderApp(controller);
    await controller.load();
    expect(container.firstElementChild!.getAttribute('dir')).toBe('ltr');
  });

  it('shows a param value as text in the opened dialog, never as HTML', async () => {
    const { controller } = testController({ rawParams: { name: '<img src=x onerror=alert(1)>' } });
    renderApp(controller);
    await controller.load();
    controller.toggle();
    expect((within(dialog()).getByLabelText('Name') as HTMLInputElement).value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('<WidgetApp> inline', () => {
  const inline = (overrides: Parameters<typeof testController>[0] = {}) =>
    testController({ widget: { org: 'acme', survey: 'post-purchase', proxy: 'https://proxy.example', display: 'inline' }, ...overrides });

  it('shows the survey in place as a region titled by its heading, with no trigger and no dialog', async () => {
    const { controller } = inline();
    renderApp(controller);
    await controller.load();
    const region = screen.getByRole('region', { name: 'How did we do?' });
    expect(within(region).getByRole('heading', { level: 2, name: 'How did we do?' })).toBeTruthy();
    expect(within(region).getByRole('group', { name: /How likely are you to recommend/ })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Send feedback' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Feedback' })).toBeNull();
    expect(dialog()).toBeNull();
  });

  it('lets the page focus its heading, which is no stop on the Tab order', async () => {
    const { controller } = inline();
    renderApp(controller);
    await controller.load();
    expect(screen.getByRole('heading', { name: 'How did we do?' }).getAttribute('tabindex')).toBe('-1');
  });

  it('thanks the visitor in place, in a live region, after sending', async () => {
    const { controller, delivery } = inline();
    renderApp(controller);
    await controller.load();
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    fireEvent.submit(screen.getByRole('button', { name: 'Send feedback' }).closest('form')!);
    await settle();
    expect(delivery.sends.map((s) => s.answers)).toEqual([[{ question_id: 1, answer: 9 }]]);
    const region = screen.getByRole('region', { name: 'How did we do?' });
    expect(within(region).getByRole('status').textContent).toContain(postPurchase.thank_you.title);
  });

  it('lays out right to left for Arabic, and takes the dark theme', async () => {
    const { controller } = inline({
      client: fakeClient([ready({ ...postPurchase, locale: 'ar' })]),
      widget: { org: 'acme', survey: 'post-purchase', proxy: 'https://proxy.example', display: 'inline', theme: 'dark' },
    });
    const { container } = renderApp(controller);
    await controller.load();
    const root = container.firstElementChild!;
    expect([root.getAttribute('dir'), root.getAttribute('lang'), root.getAttribute('data-theme')]).toEqual(['rtl', 'ar', 'dark']);
    expect(screen.getByRole('region')).toBeTruthy();
  });
});
