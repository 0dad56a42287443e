import { describe, expect, it } from 'vitest';
import { validateForm } from '../../src/widget/validate-form';
import { postPurchase, supportCsat } from '../shared/fixtures';
import { t } from './fixtures';

describe('validateForm()', () => {
  it('asks for an answer to a required question left unanswered', () => {
    expect(validateForm(postPurchase, { answers: {}, customer: {} }, t)).toEqual({ 'answers[1]': 'Please answer this question.' });
  });

  it('counts a rating of 0 as an answer', () => {
    expect(validateForm(postPurchase, { answers: { 1: 0 }, customer: {} }, t)).toEqual({});
  });

  it('asks for every required answer at once', () => {
    const errors = validateForm(supportCsat, { answers: { 15: [] }, customer: { email: 'a@b.co' } }, t);
    expect(errors).toEqual({ 'answers[11]': 'Please answer this question.', 'answers[13]': 'Please answer this question.' });
  });

  it('asks to fill in a required customer field left empty or blank', () => {
    const answered = { 11: 4, 13: 'Email' };
    expect(validateForm(supportCsat, { answers: answered, customer: {} }, t)).toEqual({ 'customer.email': 'Please fill in this field.' });
    expect(validateForm(supportCsat, { answers: answered, customer: { email: '   ' } }, t)).toEqual({ 'customer.email': 'Please fill in this field.' });
  });

  it('asks for a valid email address, even in an optional email field', () => {
    expect(validateForm(postPurchase, { answers: { 1: 9 }, customer: { email: 'mariner@example' } }, t)).toEqual({
      'customer.email': 'Please enter a valid email address, like name@example.com.',
    });
  });

  it('accepts an email address with spaces around it', () => {
    expect(validateForm(postPurchase, { answers: { 1: 9 }, customer: { email: ' mariner@example.com ' } }, t)).toEqual({});
  });

  it('finds nothing wrong with a complete form', () => {
    const state = { answers: { 11: 5, 13: 'Live chat', 15: ['Knowledge'] }, customer: { name: 'Mariner', email: 'mariner@example.com' } };
    expect(validateForm(supportCsat, state, t)).toEqual({});
  });
});
