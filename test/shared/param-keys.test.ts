import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, EMAIL_PATTERN, isCustomerField } from '../../src/shared/param-keys';

describe('isCustomerField()', () => {
  it('knows the five customer fields and nothing else', () => {
    expect(['name', 'email', 'telephone_number', 'company_name', 'postcode'].every(isCustomerField)).toBe(true);
    expect(isCustomerField('staff_code')).toBe(false);
    expect(isCustomerField('Name')).toBe(false);
  });
});

describe('CODE_PATTERN', () => {
  it.each([
    ['acme', true],
    ['post-purchase', true],
    ['support_csat2', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['-leading-dash', false],
    ['../etc', false],
    ['with space', false],
    ['', false],
  ])('reads %j as a code: %s', (code, expected) => {
    expect(CODE_PATTERN.test(code)).toBe(expected);
  });
});

describe('EMAIL_PATTERN', () => {
  it.each([
    ['mariner@example.com', true],
    ['a.b+c@shop.example.co.uk', true],
    ['mariner@example', false],
    ['mariner example.com', false],
    ['mar iner@example.com', false],
    ['@example.com', false],
  ])('reads %j as an email address: %s', (email, expected) => {
    expect(EMAIL_PATTERN.test(email)).toBe(expected);
  });
});
