import { h } from 'preact';
import type { Question } from '../../../shared/survey-schema';
import { OptionList } from './option-list';
import type { QuestionProps } from './question-props';

type CheckboxQ = Extract<Question, { answer_type: 'Checkbox' }>;

/** Any number of choices; the answer keeps the survey's option order. */
export function CheckboxQuestion({ question, value, onChange, ids, invalid }: QuestionProps<CheckboxQ>) {
  const chosen = Array.isArray(value) ? value : [];
  const has = (o: string | number) => chosen.includes(o as string);
  const toggle = (option: string | number) => onChange(question.options.filter((o) => (o === option) !== has(o)));
  return <OptionList type="checkbox" look="options" values={question.options} isChecked={has} onToggle={toggle} ids={ids} invalid={invalid} />;
}
