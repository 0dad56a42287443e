import { describe, expect, it } from 'vitest';
import { SurveySchema } from '../../src/shared/survey-schema';
import { demoFiles, postPurchase, supportCsat } from './fixtures';

/** The smallest survey a merchant can write. */
const minimal = { id: 7, name: 'Tiny', questions: [{ id: 1, question: 'Score?', answer_type: 'Rating' }] };

/** The issues of a survey the schema refuses, as path and message. */
function problems(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = SurveySchema.safeParse(input);
  if (result.success) throw new Error('expected the survey to be refused');
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

describe('SurveySchema', () => {
  it('accepts both demo survey files', () => {
    expect(SurveySchema.safeParse(demoFiles.postPurchase).success).toBe(true);
    expect(SurveySchema.safeParse(demoFiles.supportCsat).success).toBe(true);
  });

  it('keeps what the demo files say', () => {
    expect(postPurchase).toMatchObject({ id: 1484, title: 'How did we do?', custom_segments: ['account_type'] });
    expect(supportCsat.trigger).toEqual({ type: 'tab', position: 'right', label: 'Rate support' });
    expect(supportCsat.customer_fields).toEqual([
      { field: 'name', required: false },
      { field: 'email', required: true },
      { field: 'company_name', required: false },
    ]);
  });

  it('fills in the defaults a hand-written survey leaves out', () => {
    expect(SurveySchema.parse(minimal)).toEqual({
      id: 7,
      name: 'Tiny',
      questions: [{ id: 1, question: 'Score?', answer_type: 'Rating', required: false, scale: 'nps' }],
      customer_fields: [],
      custom_segments: [],
      trigger: { type: 'button', position: 'right' },
      thank_you: {},
      display: { triggers: [], urls: [], frequency: 'until_answered', sample_percent: 100 },
    });
  });

  it('fills in the defaults of each automatic trigger', () => {
    const survey = SurveySchema.parse({ ...minimal, display: { triggers: [{ on: 'scroll', percent: 60 }, { on: 'event', name: 'checkout' }] } });
    expect(survey.display.triggers).toEqual([
      { on: 'scroll', percent: 60, delay_seconds: 0 },
      { on: 'event', name: 'checkout', delay_seconds: 0 },
    ]);
  });

  it('makes a text question a 2000-character textarea unless told otherwise', () => {
    const survey = SurveySchema.parse({ ...minimal, questions: [{ id: 1, question: 'Why?', answer_type: 'Text' }] });
    expect(survey.questions[0]).toEqual({ id: 1, question: 'Why?', answer_type: 'Text', required: false, multiline: true, max_length: 2000 });
  });

  it('places a trigger given only a type on the right', () => {
    expect(SurveySchema.parse({ ...minimal, trigger: { type: 'tab' } }).trigger).toEqual({ type: 'tab', position: 'right' });
  });

  it('trims question text', () => {
    const survey = SurveySchema.parse({ ...minimal, questions: [{ id: 1, question: '  Score?  ', answer_type: 'Rating' }] });
    expect(survey.questions[0]?.question).toBe('Score?');
  });

  it('refuses two questions with the same id, pointing at the second', () => {
    const questions = [
      { id: 1, question: 'Score?', answer_type: 'Rating' },
      { id: 1, question: 'Why?', answer_type: 'Text' },
    ];
    expect(problems({ ...minimal, questions })).toEqual([{ path: ['questions', 1, 'id'], message: 'duplicate question id 1' }]);
  });

  it('refuses the same customer field twice', () => {
    expect(problems({ ...minimal, customer_fields: [{ field: 'email' }, { field: 'email' }] })).toEqual([
      { path: ['customer_fields', 1], message: 'duplicate customer field email' },
    ]);
  });

  it('refuses a question about a segment the survey does not declare', () => {
    const questions = [...minimal.questions, { id: 2, question: 'Plan?', answer_type: 'Radio', options: ['Starter'], segment: 'plan' }];
    expect(problems({ ...minimal, questions })).toEqual([
      { path: ['questions', 1, 'segment'], message: 'segment "plan" is neither staff_code, site_code nor listed in custom_segments' },
    ]);
  });

  it('accepts a question about a built-in or declared segment', () => {
    const questions = [
      { id: 1, question: 'Store?', answer_type: 'Dropdown', options: ['leeds'], segment: 'site_code' },
      { id: 2, question: 'Plan?', answer_type: 'Radio', options: ['Starter'], segment: 'plan' },
    ];
    expect(SurveySchema.safeParse({ ...minimal, questions, custom_segments: ['plan'] }).success).toBe(true);
  });

  it('refuses a choice question that lists an option twice', () => {
    const questions = [{ id: 1, question: 'Store?', answer_type: 'Checkbox', options: ['leeds', 'leeds'] }];
    expect(problems({ ...minimal, questions })).toEqual([{ path: ['questions', 0, 'options'], message: 'options must be unique' }]);
  });

  it.each([
    ['equal to', 5],
    ['below', 3],
  ])('refuses a custom scale whose max is %s its min', (_, max) => {
    const questions = [{ id: 1, question: 'Score?', answer_type: 'Rating', scale: { min: 5, max } }];
    expect(problems({ ...minimal, questions })).toEqual([
      { path: ['questions', 0, 'scale', 'max'], message: 'max must be greater than min' },
    ]);
  });

  it('refuses an answer type it does not know, naming where', () => {
    const questions = [{ id: 1, question: 'Score?', answer_type: 'Slider' }];
    expect(problems({ ...minimal, questions }).map((p) => p.path)).toEqual([['questions', 0, 'answer_type']]);
  });

  it('refuses a survey without questions', () => {
    expect(problems({ ...minimal, questions: [] }).map((p) => p.path)).toEqual([['questions']]);
  });
});
