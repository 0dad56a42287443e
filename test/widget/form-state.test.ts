import { describe, expect, it } from 'vitest';
import { sortParams } from '../../src/shared/sort-params';
import { initialFormState } from '../../src/widget/form-state';
import { parseSurvey, postPurchase, SEED_PARAMS, supportCsat } from '../shared/fixtures';

/** A survey asking which site the visitor used, with the given answer type. */
function siteSurvey(answer_type: 'Dropdown' | 'Radio' | 'Checkbox') {
  return parseSurvey({
    id: 9,
    name: 'Sites',
    questions: [{ id: 4, question: 'Which site?', answer_type, options: ['leeds', 'york'], segment: 'site_code' }],
  });
}

describe('initialFormState()', () => {
  it('prefills the customer fields the survey shows', () => {
    const params = sortParams({ ...SEED_PARAMS, email: 'mariner@example.com' });
    expect(initialFormState(postPurchase, params).customer).toEqual({ name: 'Mariner', email: 'mariner@example.com' });
  });

  it('leaves out customer fields the survey does not show; they travel hidden', () => {
    const params = sortParams({ name: 'Mariner', telephone_number: '07700 900123', postcode: 'NE1 4ST' });
    expect(initialFormState(postPurchase, params).customer).toEqual({ name: 'Mariner' });
  });

  it('leaves a shown customer field empty when no param fills it', () => {
    expect(initialFormState(supportCsat, sortParams({ name: 'Mariner' })).customer).toEqual({ name: 'Mariner' });
  });

  it('starts with no answers when no segment question matches', () => {
    expect(initialFormState(postPurchase, sortParams(SEED_PARAMS)).answers).toEqual({});
  });

  it('preselects the store dropdown when the passed site_code is one of its options', () => {
    expect(initialFormState(postPurchase, sortParams({ site_code: 'leeds' })).answers).toEqual({ 3: 'leeds' });
  });

  it('preselects a custom segment the survey declares', () => {
    expect(initialFormState(supportCsat, sortParams({ plan: 'Growth' }, supportCsat.custom_segments)).answers).toEqual({ 14: 'Growth' });
  });

  it('preselects nothing when the passed segment is not one of the options', () => {
    expect(initialFormState(postPurchase, sortParams({ site_code: 'york' })).answers).toEqual({});
    expect(initialFormState(postPurchase, sortParams({ site_code: 'Leeds' })).answers).toEqual({});
  });

  it('preselects a radio question with the value itself', () => {
    expect(initialFormState(siteSurvey('Radio'), sortParams({ site_code: 'york' })).answers).toEqual({ 4: 'york' });
  });

  it('preselects a checkbox question with a list of the one value', () => {
    expect(initialFormState(siteSurvey('Checkbox'), sortParams({ site_code: 'york' })).answers).toEqual({ 4: ['york'] });
  });
});
