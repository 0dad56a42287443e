import { describe, expect, it } from 'vitest';
import { ResponsePayloadSchema } from '../../src/shared/response-schema';
import { sortParams } from '../../src/shared/sort-params';
import { buildPayload } from '../../src/widget/build-payload';
import type { PayloadContext } from '../../src/widget/build-payload';
import type { FormState } from '../../src/widget/form-state';
import { postPurchase, SEED_PARAMS } from '../shared/fixtures';
import { FIXED_NOW } from './fixtures';

const ID = '3f8a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b';

function context(state: FormState, rawParams: Record<string, unknown> = SEED_PARAMS, overrides: Partial<PayloadContext> = {}): PayloadContext {
  return {
    survey: postPurchase,
    widget: { org: 'acme', survey: 'post-purchase', proxy: 'https://proxy.example' },
    params: sortParams(rawParams, postPurchase.custom_segments),
    state,
    id: ID,
    locale: 'en',
    pageUrl: 'https://shop.example/orders/2090?tab=items#top',
    now: FIXED_NOW,
    ...overrides,
  };
}

describe('buildPayload()', () => {
  it("builds the seed's response: answers, the three groups and where and when it was sent", () => {
    const payload = buildPayload(context({ answers: { 1: 9, 2: 'Quick delivery' }, customer: { name: 'Mariner' } }));
    expect(payload).toEqual({
      id: ID,
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
      page_url: 'https://shop.example/orders/2090?tab=items',
      submitted_at: '2025-06-01T12:00:00.000Z',
    });
  });

  it('is a body the proxy schema accepts', () => {
    const payload = buildPayload(context({ answers: { 1: 0, 3: 'leeds' }, customer: { name: 'Mariner', email: 'm@example.com' } }));
    expect(ResponsePayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('sends the visitor’s edits of visible customer fields, trimmed', () => {
    const payload = buildPayload(context({ answers: { 1: 9 }, customer: { name: '  Mariner Smith ', email: 'ms@example.com' } }));
    expect(payload.customer).toEqual({ name: 'Mariner Smith', email: 'ms@example.com' });
  });

  it('leaves out a visible customer field the visitor cleared', () => {
    const payload = buildPayload(context({ answers: { 1: 9 }, customer: { name: '', email: ' ' } }, { name: 'Mariner', email: 'm@example.com' }));
    expect(payload.customer).toEqual({});
  });

  it('sends the customer fields the survey does not show as they were passed', () => {
    const params = { name: 'Mariner', telephone_number: 7700900123, company_name: 'Acme Ltd', postcode: 'NE1 4ST' };
    const payload = buildPayload(context({ answers: { 1: 9 }, customer: { name: 'Mariner' } }, params));
    expect(payload.customer).toEqual({ name: 'Mariner', telephone_number: '7700900123', company_name: 'Acme Ltd', postcode: 'NE1 4ST' });
  });

  it('sends answers only for answered questions, text trimmed, in survey order', () => {
    const payload = buildPayload(context({ answers: { 3: 'online', 2: '  Quick delivery \n', 1: 10 }, customer: {} }));
    expect(payload.answers).toEqual([
      { question_id: 1, answer: 10 },
      { question_id: 2, answer: 'Quick delivery' },
      { question_id: 3, answer: 'online' },
    ]);
    expect(buildPayload(context({ answers: { 1: 9, 2: '   ', 3: '' }, customer: {} })).answers).toEqual([{ question_id: 1, answer: 9 }]);
  });

  it('sends nothing for questions whose id is not in the survey', () => {
    expect(buildPayload(context({ answers: { 1: 9, 99: 'stray' }, customer: {} })).answers).toEqual([{ question_id: 1, answer: 9 }]);
  });

  it('sends the locale it is given', () => {
    expect(buildPayload(context({ answers: {}, customer: {} }, SEED_PARAMS, { locale: 'fr' })).locale).toBe('fr');
  });

  it('cuts a very long page URL to the 2048 characters the proxy takes', () => {
    const pageUrl = `https://shop.example/search?q=${'x'.repeat(3000)}`;
    const payload = buildPayload(context({ answers: {}, customer: {} }, SEED_PARAMS, { pageUrl }));
    expect(payload.page_url).toBe(pageUrl.slice(0, 2048));
  });

  it('copies the params rather than sharing them, so the payload stays as built', () => {
    const ctx = context({ answers: { 1: 9 }, customer: {} });
    const payload = buildPayload(ctx);
    ctx.params.metadata['reference'] = 'INV-9999';
    ctx.params.segments['staff_code'] = 'someone-else';
    expect(payload.metadata).toEqual({ reference: 'INV-2090' });
    expect(payload.segments).toEqual({ staff_code: 'luke' });
  });
});
