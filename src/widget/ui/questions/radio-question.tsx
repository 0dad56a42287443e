import { h } from 'preact';
import type { Question } from '../../../shared/survey-schema';
import { OptionList } from './option-list';
import type { QuestionProps } from './question-props';

type RadioQ = Extract<Question, { answer_type: 'Radio' }>;

/** One choice among a few, as large tappable rows. */
export function RadioQuestion({ question, value, onChange, ids, invalid }: QuestionProps<RadioQ>) {
  return <OptionList type="radio" look="options" values={question.options} isChecked={(o) => o === value} onToggle={onChange} ids={ids} invalid={invalid} />;
}
