import { describe, expect, it } from 'vitest';
import { readSecuratingWebhook, SECURATING_WEBHOOK_REPLY, stepToState } from '../../../../src/proxy/relay/adapters/securating/securating-webhook';

const hook = (query: string) => readSecuratingWebhook(new URL(`https://proxy.example/relay/securating/tok?${query}`));

describe('readSecuratingWebhook()', () => {
  it.each(['invitation-created', 'mail-send', 'mail-recall', 'link-opened'])('reads step=%s with the meta_* echoed back', (step) => {
    expect(hook(`step=${step}&meta_site_code=newcastle&meta_reference=%231041`)).toEqual({ step, meta: { site_code: 'newcastle', reference: '#1041' } });
  });

  it('reads review-saved with its rating and base64 comment, decoded as UTF-8', () => {
    const comment = Buffer.from('Très bien, merci ! 👍', 'utf8').toString('base64');
    expect(hook(`step=review-saved&rating=4&comment=${encodeURIComponent(comment)}&meta_staff_code=luke`)).toEqual({
      step: 'review-saved',
      meta: { staff_code: 'luke' },
      review: { rating: 4, comment: 'Très bien, merci ! 👍' },
    });
  });

  it('takes a + left unescaped (read as a space), URL-safe base64, and a missing comment', () => {
    const comment = Buffer.from('ø>?', 'utf8').toString('base64');
    expect(comment).toContain('+');
    expect(hook(`step=review-saved&rating=5&comment=${comment}`)).toMatchObject({ review: { rating: 5, comment: 'ø>?' } });
    expect(hook(`step=review-saved&rating=5&comment=${Buffer.from('ø>?', 'utf8').toString('base64url')}`)).toMatchObject({ review: { comment: 'ø>?' } });
    expect(hook('step=review-saved&rating=3.5')).toMatchObject({ review: { rating: 3.5, comment: '' } });
  });

  it.each([
    ['no step', 'meta_a=1', /step is missing/],
    ['an undocumented step', 'step=mail-bounced', /not one the seed documents/],
    ['review-saved without rating', 'step=review-saved&comment=b2s%3D', /rating is missing/],
    ['a rating that is no number', 'step=review-saved&rating=four', /not a number/],
    ['a comment that is not base64', 'step=review-saved&rating=4&comment=%25%25', /not base64/],
    ['a comment that is not UTF-8', `step=review-saved&rating=4&comment=${encodeURIComponent(Buffer.from([0xff, 0xfe]).toString('base64'))}`, /UTF-8/],
  ])('answers an error for %s', (_, query, error) => {
    expect(hook(query)).toEqual({ error: expect.stringMatching(error) });
  });

  it('answers what the robots wait for, and maps steps to our states', () => {
    expect(SECURATING_WEBHOOK_REPLY).toBe('ok');
    expect(['invitation-created', 'mail-send', 'mail-recall', 'link-opened', 'review-saved'].map((s) => stepToState(s as never))).toEqual(['pending', 'sent', 'sent', 'sent', 'sent']);
  });
});
