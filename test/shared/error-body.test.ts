import { describe, expect, it } from 'vitest';
import { answerField, groupField } from '../../src/shared/error-body';

describe('answerField()', () => {
  it('names an answer by its question id, as the proxy reports it', () => {
    expect(answerField(3)).toBe('answers[3]');
  });
});

describe('groupField()', () => {
  it('names a key inside one of the three groups', () => {
    expect(groupField('customer', 'email')).toBe('customer.email');
    expect(groupField('segments', 'staff_code')).toBe('segments.staff_code');
    expect(groupField('metadata', 'reference')).toBe('metadata.reference');
  });
});
