import { describe, expect, it } from 'vitest';
import { responseBody } from '../../../scripts/bench/throughput/response-body';
import { validateResponse } from '../../../src/proxy/validate-response';
import { demoCatalog } from '../fixtures';

const catalog = demoCatalog();
const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-1111-4111-8111-111111111111`;

describe('responseBody() (what the throughput bench posts)', () => {
  const bodies = Array.from({ length: 60 }, (_, n) => responseBody(uuid(n), n, '2025-06-01T12:00:00.000Z'));

  it('is a response the proxy accepts, for every n', () => {
    for (const body of bodies) {
      const result = validateResponse(body, (org, code) => catalog.get(org, code));
      expect(result.ok ? 'valid' : JSON.stringify(result.body)).toBe('valid');
    }
  });

  it('alternates between the two acme demo surveys', () => {
    expect(new Set(bodies.map((b) => b.survey))).toEqual(new Set(['post-purchase', 'support-csat']));
  });

  it('varies the answers, so the rows and rollups are not one response repeated', () => {
    const scores = new Set(bodies.filter((b) => b.survey === 'post-purchase').map((b) => (b.answers as { answer: unknown }[])[0]!.answer));
    expect(scores.size).toBe(11);
  });

  it('carries the id it was given, the idempotency key a fresh 201 needs', () => {
    expect(responseBody(uuid(7), 7, '2025-06-01T12:00:00.000Z').id).toBe(uuid(7));
  });
});
