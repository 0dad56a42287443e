import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../src/widget/survey-client';
import { postPurchase } from '../shared/fixtures';
import { fakeClient, ready, settle, STYLES, testController } from './fixtures';

const NOT_SENT: SendResult = { kind: 'failed', reason: 'the proxy answered 503' };

/** A controller whose survey has loaded and whose required NPS question is answered. */
async function answered(client = fakeClient()) {
  const made = testController({ client });
  await made.controller.load();
  made.controller.setAnswer(1, 9);
  return made;
}

describe('createWidgetController()', () => {
  it('starts closed and loading, in the page locale', () => {
    const { controller } = testController({ defaultLocale: 'de' });
    expect(controller.getState()).toMatchObject({ open: false, load: { status: 'loading' }, locale: 'de', phase: 'form', errors: {} });
  });

  describe('load()', () => {
    it('asks the client for the survey the widget names', async () => {
      const { controller, client } = testController({ widget: { org: 'acme', survey: 'post-purchase', proxy: 'https://p.example', locale: 'fr' } });
      await controller.load();
      expect(client.loads).toEqual([{ org: 'acme', survey: 'post-purchase', locale: 'fr' }]);
    });

    it('becomes ready with the params sorted by the survey’s own custom segments', async () => {
      const { controller } = testController({ rawParams: { name: 'Mariner', staff_code: 'luke', account_type: 'trade', reference: 'INV-2090' } });
      await controller.load();
      expect(controller.getState().load).toEqual({
        status: 'ready',
        survey: postPurchase,
        styles: STYLES,
        params: {
          customer: { name: 'Mariner' },
          segments: { staff_code: 'luke', account_type: 'trade' },
          metadata: { reference: 'INV-2090' },
          dropped: [],
        },
      });
    });

    it('prefills the form and takes the survey locale and strings', async () => {
      const { controller } = testController({ defaultLocale: 'de' });
      await controller.load();
      const state = controller.getState();
      expect(state.form).toEqual({ answers: {}, customer: { name: 'Mariner' } });
      expect(state.locale).toBe('en');
      expect(state.t('submit')).toBe('Send feedback');
    });

    it('keeps the page’s locale override over the survey locale', async () => {
      const { controller } = testController({ widget: { org: 'acme', survey: 'post-purchase', proxy: 'https://p.example', locale: 'fr' } });
      await controller.load();
      expect(controller.getState().locale).toBe('fr');
    });

    it('warns about each dropped param key, with the prefix and the reason code', async () => {
      const { controller, console } = testController({ rawParams: { name: 'Mariner', order: { id: 1 }, note: '' } });
      await controller.load();
      expect(console.warnings).toEqual([
        '[survey-widget] widget #1: data-survey-params key "order" dropped: nested_value',
        '[survey-widget] widget #1: data-survey-params key "note" dropped: empty_value',
      ]);
      expect(console.errors).toEqual([]);
    });

    it('logs why a load failed and shows nothing', async () => {
      const { controller, console } = testController({ client: fakeClient([{ kind: 'failed', reason: 'no survey "x" for org "acme"' }]) });
      await controller.load();
      expect(controller.getState().load).toEqual({ status: 'failed' });
      expect(console.errors).toEqual(['[survey-widget] widget #1: no survey "x" for org "acme"']);
    });
  });

  describe('toggle()', () => {
    it('opens the widget, then closes it', async () => {
      const { controller } = testController();
      await controller.load();
      controller.toggle();
      expect(controller.getState().open).toBe(true);
      controller.toggle();
      expect(controller.getState().open).toBe(false);
    });

    it('opens while the survey is still loading', () => {
      const { controller } = testController();
      controller.toggle();
      expect(controller.getState()).toMatchObject({ open: true, load: { status: 'loading' } });
    });

    it('tries the load again after a failure, and opens', async () => {
      const client = fakeClient([{ kind: 'failed', reason: 'offline' }, ready(postPurchase)]);
      const { controller } = testController({ client });
      await controller.load();
      controller.toggle();
      expect(controller.getState()).toMatchObject({ open: true, load: { status: 'loading' } });
      await settle();
      expect(client.loads).toHaveLength(2);
      expect(controller.getState()).toMatchObject({ open: true, load: { status: 'ready' } });
    });

    it('tells its listener about every change', async () => {
      const { controller } = testController();
      await controller.load();
      let calls = 0;
      controller.subscribe(() => calls++);
      controller.toggle();
      controller.setOpen(true);
      controller.setOpen(false);
      expect(calls).toBe(2);
    });
  });

  describe('submit()', () => {
    it('flags an unanswered required question, asks for focus and sends nothing', async () => {
      const { controller, client } = testController();
      await controller.load();
      await controller.submit();
      expect(controller.getState()).toMatchObject({ errors: { 'answers[1]': 'Please answer this question.' }, focusInvalid: 1, phase: 'form' });
      await controller.submit();
      expect(controller.getState().focusInvalid).toBe(2);
      expect(client.sends).toEqual([]);
    });

    it('does nothing before the survey has loaded', async () => {
      const { controller, client } = testController();
      await controller.submit();
      expect(client.sends).toEqual([]);
      expect(controller.getState().phase).toBe('form');
    });

    it('sends the response and thanks the visitor', async () => {
      const { controller, client } = await answered();
      controller.setAnswer(2, 'Quick delivery');
      const sending = controller.submit();
      expect(controller.getState().phase).toBe('sending');
      await sending;
      expect(controller.getState().phase).toBe('sent');
      expect(client.sends).toEqual([
        {
          id: '00000000-0000-4000-8000-000000000001',
          org: 'acme',
          survey: 'post-purchase',
          answers: [
            { question_id: 1, answer: 9 },
            { question_id: 2, answer: 'Quick delivery' },
          ],
          customer: { name: 'Mariner' },
          segments: { staff_code: 'luke' },
          metadata: { reference: 'INV-2090' },
          locale: 'en',
          page_url: 'https://shop.example/orders/2090',
          submitted_at: '2025-06-01T12:00:00.000Z',
        },
      ]);
    });

    it('sends once when the visitor presses send twice', async () => {
      const { controller, client } = await answered();
      await Promise.all([controller.submit(), controller.submit()]);
      expect(client.sends).toHaveLength(1);
    });

    it('keeps the answers when a send fails and logs why', async () => {
      const { controller, console } = await answered(fakeClient(undefined, [NOT_SENT]));
      controller.setAnswer(2, 'Quick delivery');
      await controller.submit();
      expect(controller.getState()).toMatchObject({ phase: 'failed', form: { answers: { 1: 9, 2: 'Quick delivery' } } });
      expect(console.errors).toEqual(['[survey-widget] widget #1: response not sent: the proxy answered 503']);
    });

    it('retries a failed send with the identical payload, so the proxy stores it once', async () => {
      const { controller, client } = await answered(fakeClient(undefined, [NOT_SENT, NOT_SENT, { kind: 'sent' }]));
      await controller.submit();
      await controller.submit();
      await controller.submit();
      expect(controller.getState().phase).toBe('sent');
      expect(client.sends).toHaveLength(3);
      expect(client.sends[1]).toBe(client.sends[0]);
      expect(client.sends[2]).toBe(client.sends[0]);
      expect(client.sends[2]).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', submitted_at: '2025-06-01T12:00:00.000Z' });
    });

    it('puts the proxy’s field errors next to the fields and lets the visitor send again', async () => {
      const refused: SendResult = {
        kind: 'invalid',
        message: 'Validation failed',
        errors: [
          { resource: 'response', field: 'customer.email', error: 'invalid_format', extra_info: {} },
          { resource: 'response', field: 'answers[2]', error: 'required', extra_info: {} },
        ],
      };
      const { controller, client, console } = await answered(fakeClient(undefined, [refused, { kind: 'sent' }]));
      await controller.submit();
      expect(controller.getState()).toMatchObject({
        phase: 'form',
        focusInvalid: 1,
        banner: 'Validation failed',
        errors: { 'customer.email': 'Please check this answer.', 'answers[2]': 'Please answer this question.' },
      });
      expect(console.errors).toEqual(['[survey-widget] widget #1: the proxy refused the response: Validation failed']);

      controller.setAnswer(2, 'Quick delivery');
      await controller.submit();
      expect(controller.getState().phase).toBe('sent');
      expect(client.sends).toHaveLength(2);
      expect(client.sends[1]).not.toBe(client.sends[0]);
      expect(client.sends[1]?.id).toBe('00000000-0000-4000-8000-000000000002');
      expect(client.sends[1]?.answers).toContainEqual({ question_id: 2, answer: 'Quick delivery' });
    });

    it('shows the proxy’s message above the send button when it names no field', async () => {
      const refused: SendResult = { kind: 'invalid', message: 'Survey closed', errors: [] };
      const { controller } = await answered(fakeClient(undefined, [refused]));
      await controller.submit();
      expect(controller.getState()).toMatchObject({ phase: 'form', banner: 'Survey closed', errors: {} });
    });
  });

  describe('setAnswer() and setCustomer()', () => {
    it('clear the error of the field they change and no other', async () => {
      const { controller } = testController({ client: fakeClient([ready(postPurchase)]) });
      await controller.load();
      controller.setCustomer('email', 'mariner@');
      await controller.submit();
      expect(Object.keys(controller.getState().errors)).toEqual(['answers[1]', 'customer.email']);
      controller.setAnswer(1, 7);
      expect(Object.keys(controller.getState().errors)).toEqual(['customer.email']);
      controller.setCustomer('email', 'mariner@example.com');
      expect(controller.getState().errors).toEqual({});
      expect(controller.getState().form).toEqual({ answers: { 1: 7 }, customer: { name: 'Mariner', email: 'mariner@example.com' } });
    });
  });
});
