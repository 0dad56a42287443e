import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/widget/delivery/delivery';
import { en } from '../../src/shared/i18n/en';
import { postPurchase } from '../shared/fixtures';
import { fakeClient, fakeDelivery, ready, settle, STYLES, testController } from './fixtures';

const QUEUED: Outcome = { kind: 'queued' };

/** A controller whose survey has loaded and whose required NPS question is answered. */
async function answered(delivery = fakeDelivery()) {
  const made = testController({ delivery });
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
    it('asks the client for the survey the widget names, with the page’s locale override and <html lang>', async () => {
      const { controller, client } = testController({ widget: { org: 'acme', survey: 'post-purchase', proxy: 'https://p.example', locale: 'fr' }, defaultLocale: 'de' });
      await controller.load();
      expect(client.loads).toEqual([{ org: 'acme', survey: 'post-purchase', locale: 'fr', lang: 'de' }]);
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

    it('takes the locale the proxy settled on, with its strings', async () => {
      const { controller } = testController({ client: fakeClient([ready({ ...postPurchase, locale: 'fr' }, { ...en, submit: 'Envoyer' })]) });
      await controller.load();
      expect(controller.getState().locale).toBe('fr');
      expect(controller.getState().t('submit')).toBe('Envoyer');
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
      const { controller, delivery } = testController();
      await controller.load();
      controller.submit();
      expect(controller.getState()).toMatchObject({ errors: { 'answers[1]': 'Please answer this question.' }, focusInvalid: 1, phase: 'form' });
      controller.submit();
      expect(controller.getState().focusInvalid).toBe(2);
      expect(delivery.sends).toEqual([]);
    });

    it('does nothing before the survey has loaded', () => {
      const { controller, delivery } = testController();
      controller.submit();
      expect(delivery.sends).toEqual([]);
      expect(controller.getState().phase).toBe('form');
    });

    it('hands the response to the outbox, keyed by its id, and thanks the visitor once it is sent', async () => {
      const { controller, delivery } = await answered();
      controller.setAnswer(2, 'Quick delivery');
      controller.submit();
      expect(controller.getState().phase).toBe('sending');
      await settle();
      expect(controller.getState().phase).toBe('sent');
      expect(delivery.entries).toEqual([
        { id: '00000000-0000-4000-8000-000000000001', url: 'https://proxy.example/v1/responses', body: JSON.stringify(delivery.sends[0]) },
      ]);
      expect(delivery.sends).toEqual([
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
      const { controller, delivery } = await answered();
      controller.submit();
      controller.submit();
      await settle();
      expect(delivery.sends).toHaveLength(1);
    });

    it('thanks the visitor, saying it will be sent later, when the proxy cannot be reached', async () => {
      const { controller, delivery } = await answered(fakeDelivery([QUEUED]));
      controller.submit();
      await settle();
      expect(controller.getState().phase).toBe('queued');
      delivery.later({ kind: 'sent' });
      expect(controller.getState().phase).toBe('sent');
    });

    it('starts a new response, with the params prefilled again, when reopened after sending', async () => {
      const { controller, delivery } = await answered();
      controller.setOpen(true);
      controller.submit();
      await settle();
      controller.setOpen(false);
      expect(controller.getState()).toMatchObject({ phase: 'form', form: { answers: {}, customer: { name: 'Mariner' } } });
      controller.setOpen(true);
      controller.setAnswer(1, 3);
      controller.submit();
      await settle();
      expect(delivery.sends.map((p) => p.id)).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
    });

    it('ignores a late outcome of a response the visitor has moved on from', async () => {
      const { controller, delivery } = await answered(fakeDelivery([QUEUED]));
      controller.setOpen(true);
      controller.submit();
      await settle();
      controller.setOpen(false);
      delivery.later({ kind: 'invalid', message: 'Validation failed', errors: [] });
      expect(controller.getState()).toMatchObject({ phase: 'form', banner: undefined, errors: {} });
    });

    it('puts the proxy’s field errors next to the fields and sends a corrected response under a new id', async () => {
      const refused: Outcome = {
        kind: 'invalid',
        message: 'Validation failed',
        errors: [
          { resource: 'response', field: 'customer.email', error: 'invalid_format', extra_info: {} },
          { resource: 'response', field: 'answers[2]', error: 'required', extra_info: {} },
        ],
      };
      const { controller, delivery } = await answered(fakeDelivery([refused, { kind: 'sent' }]));
      controller.submit();
      await settle();
      expect(controller.getState()).toMatchObject({
        phase: 'form',
        focusInvalid: 1,
        banner: en.send_refused,
        errors: { 'customer.email': 'Please check this answer.', 'answers[2]': 'Please answer this question.' },
      });

      controller.setAnswer(2, 'Quick delivery');
      controller.submit();
      await settle();
      expect(controller.getState().phase).toBe('sent');
      expect(delivery.sends[1]?.id).toBe('00000000-0000-4000-8000-000000000002');
      expect(delivery.sends[1]?.answers).toContainEqual({ question_id: 2, answer: 'Quick delivery' });
    });

    it('says above the send button, in the visitor’s language, that the proxy refused it, even naming no field', async () => {
      const { controller } = await answered(fakeDelivery([{ kind: 'invalid', message: 'Survey closed', errors: [] }]));
      controller.submit();
      await settle();
      expect(controller.getState()).toMatchObject({ phase: 'form', banner: en.send_refused, errors: {} });
    });
  });

  describe('drafts', () => {
    it('brings back unsent answers after a reload, and forgets them once sent', async () => {
      const first = testController();
      await first.controller.load();
      first.controller.setAnswer(1, 8);
      first.controller.setCustomer('email', 'mariner@example.com');

      const reloaded = testController({ storage: first.storage });
      await reloaded.controller.load();
      expect(reloaded.controller.getState().form).toEqual({ answers: { 1: 8 }, customer: { name: 'Mariner', email: 'mariner@example.com' } });

      reloaded.controller.submit();
      await settle();
      const again = testController({ storage: first.storage });
      await again.controller.load();
      expect(again.controller.getState().form).toEqual({ answers: {}, customer: { name: 'Mariner' } });
    });

    it('never shows a draft answered under other survey params', async () => {
      const first = testController();
      await first.controller.load();
      first.controller.setAnswer(1, 8);
      const other = testController({ storage: first.storage, rawParams: { name: 'Ahab' } });
      await other.controller.load();
      expect(other.controller.getState().form).toEqual({ answers: {}, customer: { name: 'Ahab' } });
    });
  });

  describe('setAnswer() and setCustomer()', () => {
    it('clear the error of the field they change and no other', async () => {
      const { controller } = testController({ client: fakeClient([ready(postPurchase)]) });
      await controller.load();
      controller.setCustomer('email', 'mariner@');
      controller.submit();
      expect(Object.keys(controller.getState().errors)).toEqual(['answers[1]', 'customer.email']);
      controller.setAnswer(1, 7);
      expect(Object.keys(controller.getState().errors)).toEqual(['customer.email']);
      controller.setCustomer('email', 'mariner@example.com');
      expect(controller.getState().errors).toEqual({});
      expect(controller.getState().form).toEqual({ answers: { 1: 7 }, customer: { name: 'Mariner', email: 'mariner@example.com' } });
    });
  });

  describe('an inline survey', () => {
    const INLINE = { org: 'acme', survey: 'post-purchase', proxy: 'https://proxy.example', display: 'inline' as const };

    it('reports shown right after ready, with nobody opening it', async () => {
      const events: string[] = [];
      const { controller } = testController({ widget: INLINE, emit: (event) => events.push(event) });
      await controller.load();
      expect(events).toEqual(['ready', 'shown']);
    });

    it('is neither closed by setOpen(false) nor turned into a popover by toggling, and logs nothing', async () => {
      const events: string[] = [];
      const { controller, console } = testController({ widget: INLINE, emit: (event) => events.push(event) });
      await controller.load();
      controller.setOpen(false);
      controller.toggle();
      controller.toggle();
      expect(events).toEqual(['ready', 'shown']);
      expect(controller.getState().open).toBe(false);
      expect([console.errors, console.warnings]).toEqual([[], []]);
    });

    it('asks to be brought into view each time it is toggled', async () => {
      const { controller } = testController({ widget: INLINE });
      await controller.load();
      const before = controller.getState().reveal;
      controller.toggle();
      controller.toggle();
      expect(controller.getState().reveal).toBe(before + 2);
    });

    it('asks to be brought into view once when its thank-you shows, not again when a queued response is sent', async () => {
      const delivery = fakeDelivery([QUEUED]);
      const { controller } = testController({ widget: INLINE, delivery });
      await controller.load();
      controller.setAnswer(1, 9);
      const before = controller.getState().reveal;
      controller.submit();
      await settle();
      expect(controller.getState()).toMatchObject({ phase: 'queued', reveal: before + 1 });
      delivery.later({ kind: 'sent' });
      expect(controller.getState()).toMatchObject({ phase: 'sent', reveal: before + 1 });
    });

    it('keeps its thank-you after sending: there is nothing to close', async () => {
      const { controller } = testController({ widget: INLINE });
      await controller.load();
      controller.setAnswer(1, 9);
      controller.submit();
      await settle();
      controller.setOpen(false);
      expect(controller.getState().phase).toBe('sent');
    });
  });
});
