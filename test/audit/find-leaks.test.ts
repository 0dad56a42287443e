import { describe, expect, it } from 'vitest';
import { auditLine } from '../support/secret-audit/audit-line';
import { findLeaks } from '../support/secret-audit/find-leaks';
import { tokenOfAuthorization } from '../support/secret-audit/token-of-authorization';

const file = (...lines: string[]) => lines.join('');

describe('findLeaks', () => {
  it('finds a known secret in a reply and masks it in the report', () => {
    const summary = findLeaks({ 'a.log': file(auditLine('reply', '200\n\n{"key":"s3cret-value-123"}')) }, { 'a signing key': 's3cret-value-123' });
    expect(summary.leaks).toHaveLength(1);
    expect(summary.leaks[0]).toMatchObject({ label: 'a signing key', kind: 'reply', file: 'a.log' });
    expect(summary.leaks[0]!.context).toBe('200\n\n{"key":"[a signing key]"}');
  });

  it('finds a token one worker sent in another worker\u2019s log line', () => {
    const summary = findLeaks(
      { 'a.log': file(auditLine('secret', 'tok-abcdef123456')), 'b.log': file(auditLine('log', 'auth failed for tok-abcdef123456')) },
      {},
    );
    expect(summary.leaks.map((l) => [l.label, l.kind, l.file])).toEqual([['a token a test sent', 'log', 'b.log']]);
  });

  it('counts replies and log lines, and finds nothing in clean ones', () => {
    const summary = findLeaks({ 'a.log': file(auditLine('reply', '401\n\n{"message":"Bad credentials"}'), auditLine('log', 'listening'), 'rep') }, { token: 'tok-abcdef123456' });
    expect(summary).toMatchObject({ replies: 1, logLines: 1, secrets: 1, leaks: [] });
  });
});

describe('tokenOfAuthorization', () => {
  it.each([
    ['Token token="acme-token-0001"', 'acme-token-0001'],
    ['Token token=acme-token-0001', 'acme-token-0001'],
    ['Token token="fake"', undefined],
    ['Bearer acme-token-0001', undefined],
    [null, undefined],
  ])('reads %j as %j', (header, token) => expect(tokenOfAuthorization(header)).toBe(token));
});
