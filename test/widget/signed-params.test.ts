import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ResponsePayloadSchema } from '../../src/shared/response-schema';
import { apiPage as page, hosts, SEED_WIDGET, view } from './api-page';
import { settle } from './fixtures';

// Not a real token: the widget never decodes or checks it, only the proxy does.
const TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjIwMjYtMTEifQ.eyJuYW1lIjoiTWFyaW5lciIsImV4cCI6MTc5NTQ0MzIwMH0.c2lnbmF0dXJl';
const withToken = (token: string) => SEED_WIDGET.replace('></div>', ` data-survey-params-jwt="${token}"></div>`);

/** Opens the first widget, rates 9, sends, and returns the posted body. */
async function sendOnce(api: ReturnType<typeof page>['api'], fetch: ReturnType<typeof page>['fetch']): Promise<Record<string, unknown>> {
  api.toggleWidget();
  await settle();
  const ui = view(hosts()[0]!);
  fireEvent.click(ui.getByRole('radio', { name: '9' }));
  fireEvent.submit(ui.getByRole('button', { name: 'Send feedback' }).closest('form')!);
  await settle();
  return JSON.parse(fetch.requests.find((r) => r.method === 'POST')?.body ?? '{}') as Record<string, unknown>;
}

describe('data-survey-params-jwt', () => {
  it('is posted untouched as signed_params, while data-survey-params still prefills the form', async () => {
    const { api, fetch } = page(withToken(TOKEN));
    api.init();
    const body = await sendOnce(api, fetch);
    expect(body.signed_params).toBe(TOKEN);
    expect(body.customer).toEqual({ name: 'Mariner' });
    expect(ResponsePayloadSchema.safeParse(body).success).toBe(true);
  });

  it('is read once at init: a token the page swaps in later is not the one sent', async () => {
    const { api, fetch } = page(withToken(TOKEN));
    api.init();
    document.querySelector('[data-customersure-survey-widget]')!.setAttribute('data-survey-params-jwt', 'forged.by.page');
    expect((await sendOnce(api, fetch)).signed_params).toBe(TOKEN);
  });

  it('left empty, sends no signed_params at all, as the seed snippet without it does', async () => {
    const { api, fetch } = page(withToken(''));
    api.init();
    expect(await sendOnce(api, fetch)).not.toHaveProperty('signed_params');
  });
});
