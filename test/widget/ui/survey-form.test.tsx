import { h } from 'preact';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/widget/delivery/delivery';
import { en } from '../../../src/shared/i18n/en';
import { SurveyForm } from '../../../src/widget/ui/survey-form';
import type { WidgetController } from '../../../src/widget/widget-controller';
import { parseSurvey, postPurchase } from '../../shared/fixtures';
import { fakeClient, fakeDelivery, ready, settle, testController } from '../fixtures';

afterEach(cleanup);

/** Renders the form of a loaded controller and re-renders it on every change, as mountWidget does. */
async function renderForm(controller: WidgetController) {
  await controller.load();
  const { load } = controller.getState();
  if (load.status !== 'ready') throw new Error('survey did not load');
  const view = () => <SurveyForm state={controller.getState()} survey={load.survey} controller={controller} />;
  const result = render(view());
  controller.subscribe(() => result.rerender(view()));
  return result;
}

const send = () => fireEvent.submit(screen.getByRole('button', { name: 'Send feedback' }).closest('form')!);

describe('<SurveyForm>', () => {
  it('shows the intro, every question and the prefilled customer fields', async () => {
    const { controller } = testController();
    await renderForm(controller);
    expect(screen.getByText('Two quick questions about your order. It takes under a minute.')).toBeTruthy();
    expect(screen.getByRole('group', { name: /How likely are you to recommend Acme/ })).toBeTruthy();
    expect(screen.getByLabelText('What is the main reason for your score?')).toBeTruthy();
    expect(screen.getByLabelText('Which of our stores did you visit?')).toBeTruthy();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Mariner');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('');
  });

  it('preselects the store the page passed as site_code', async () => {
    const { controller } = testController({ rawParams: { site_code: 'leeds' } });
    await renderForm(controller);
    expect((screen.getByLabelText('Which of our stores did you visit?') as HTMLSelectElement).value).toBe('leeds');
  });

  it('shows a param value as text, never as HTML', async () => {
    const { controller } = testController({ rawParams: { name: '<img src=x onerror=alert(1)>' } });
    const { container } = await renderForm(controller);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows survey text as text, never as HTML', async () => {
    const survey = parseSurvey({ id: 1, name: 'S', intro: '<b>Hi</b>', questions: [{ id: 1, question: '<i>Score?</i>', answer_type: 'Rating' }] });
    const { controller } = testController({ client: fakeClient([ready(survey)]) });
    const { container } = await renderForm(controller);
    expect(screen.getByText('<b>Hi</b>')).toBeTruthy();
    expect(screen.getByText('<i>Score?</i>')).toBeTruthy();
    expect(container.querySelector('b, i')).toBeNull();
  });

  it('points out an unanswered required question and sends nothing', async () => {
    const { controller, delivery } = testController();
    await renderForm(controller);
    send();
    expect(screen.getByRole('alert').textContent).toBe('Please answer this question.');
    expect(screen.getByRole('radio', { name: '0' }).getAttribute('aria-invalid')).toBe('true');
    expect(delivery.sends).toEqual([]);
  });

  it('clears a question’s error as soon as it is answered', async () => {
    const { controller } = testController();
    await renderForm(controller);
    send();
    fireEvent.click(screen.getByRole('radio', { name: '4' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends what the visitor entered and thanks them with the survey’s own words', async () => {
    const { controller, delivery } = testController();
    await renderForm(controller);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    fireEvent.input(screen.getByLabelText('What is the main reason for your score?'), { target: { value: 'Quick delivery' } });
    fireEvent.change(screen.getByLabelText('Which of our stores did you visit?'), { target: { value: 'online' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'mariner@example.com' } });
    send();
    await settle();
    const thanks = screen.getByRole('status');
    expect(thanks.textContent).toContain('Thank you!');
    expect(thanks.textContent).toContain('Your feedback goes straight to the team that packed your order.');
    expect(delivery.sends[0]).toMatchObject({
      answers: [
        { question_id: 1, answer: 9 },
        { question_id: 2, answer: 'Quick delivery' },
        { question_id: 3, answer: 'online' },
      ],
      customer: { name: 'Mariner', email: 'mariner@example.com' },
    });
  });

  it('thanks the visitor in the default words when the survey has none', async () => {
    const survey = parseSurvey({ id: 1, name: 'S', questions: [{ id: 1, question: 'Score?', answer_type: 'Rating' }] });
    const { controller } = testController({ client: fakeClient([ready(survey)]) });
    await renderForm(controller);
    send();
    await settle();
    expect(screen.getByRole('status').textContent).toContain('Your feedback has been received.');
  });

  it('shows that it is sending while the proxy answers', async () => {
    const delivery = fakeDelivery();
    let finish: (outcome: Outcome) => void = () => {};
    delivery.send = (_entry, listener) => void (finish = listener ?? finish);
    const { controller } = testController({ delivery });
    await renderForm(controller);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    send();
    const button = screen.getByRole('button', { name: 'Sending…' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    finish({ kind: 'sent' });
    await settle();
    expect(screen.getByRole('status')).toBeTruthy();
  });

  it('thanks the visitor and says the answers will follow when the proxy cannot be reached', async () => {
    const { controller, delivery } = testController({ delivery: fakeDelivery([{ kind: 'queued' }]) });
    await renderForm(controller);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    send();
    await settle();
    const panel = screen.getByRole('status');
    expect(panel.textContent).toContain('Thank you!');
    expect(panel.textContent).toContain('It is saved on this device and will be sent as soon as the connection is back.');
    delivery.later({ kind: 'sent' });
    await settle();
    expect(screen.getByRole('status').textContent).not.toContain('saved on this device');
  });

  it('says above the send button, in the survey’s language, that the proxy refused the response', async () => {
    const { controller } = testController({ delivery: fakeDelivery([{ kind: 'invalid', message: 'This survey is closed.', errors: [] }]) });
    await renderForm(controller);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    send();
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(en.send_refused);
    expect(screen.getByRole('button', { name: 'Send feedback' })).toBeTruthy();
  });

  it('tells the visitor when the proxy refuses a field the form does not show', async () => {
    const refused: Outcome = {
      kind: 'invalid',
      message: 'Validation failed',
      errors: [{ resource: 'response', field: 'customer.email', error: 'invalid_format', extra_info: {} }],
    };
    const survey = parseSurvey({ ...postPurchase, customer_fields: [] });
    const { controller } = testController({ client: fakeClient([ready(survey)]), delivery: fakeDelivery([refused]), rawParams: { email: 'mariner@example' } });
    await renderForm(controller);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    send();
    await settle();
    expect(screen.getByRole('alert').textContent).not.toBe('');
  });

  it('closes the widget from the thank-you panel', async () => {
    const { controller } = testController();
    await renderForm(controller);
    controller.setOpen(true);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    send();
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(controller.getState().open).toBe(false);
  });
});
