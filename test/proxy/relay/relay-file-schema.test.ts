import { describe, expect, it } from 'vitest';
import { RelayFileSchema } from '../../../src/proxy/relay/relay-file-schema';

describe('the relay file', () => {
  it.each([
    { provider: 'customersure', company_name: 'Acme Ltd', token_env: 'CUSTOMERSURE_TOKEN' },
    { provider: 'critizr', email_sender: 'Acme <hello@acme.example>', place: '4242', survey: '1337', token_env: 'CRITIZR_TOKEN' },
  ])('accepts a minimal $provider file, filling the defaults', (file) => {
    const parsed = RelayFileSchema.safeParse(file);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ ...file, base_url: expect.stringMatching(/^https:\/\//) });
  });

  it('names the five providers when the provider is unknown', () => {
    const parsed = RelayFileSchema.safeParse({ provider: 'trustpilot' });
    expect(parsed.error?.issues[0]?.message).toContain("'customersure' | 'critizr' | 'customer-radar' | 'securating' | 'etrusted'");
  });

  it('holds no secret: a key such as token is refused or dropped, never kept', () => {
    const parsed = RelayFileSchema.safeParse({ provider: 'customersure', company_name: 'Acme Ltd', token_env: 'CUSTOMERSURE_TOKEN', token: 'ec76c296df321768ba4cc41a445bfb6f' });
    expect(JSON.stringify(parsed.data ?? {})).not.toContain('ec76c296');
  });
});
