import { h } from 'preact';
import type { Question } from '../../../shared/survey-schema';
import type { QuestionProps } from './question-props';

type DropdownQ = Extract<Question, { answer_type: 'Dropdown' }>;

/** A native select: the best keyboard, screen reader and phone picker there is. */
export function DropdownQuestion({ question, value, onChange, t, ids, invalid }: QuestionProps<DropdownQ>) {
  return (
    <div class="select">
      <select
        id={ids.control}
        class="input"
        value={typeof value === 'string' ? value : ''}
        aria-describedby={ids.describedBy}
        aria-required={question.required}
        aria-invalid={invalid}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="" disabled={question.required}>{t('select_placeholder')}</option>
        {question.options.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </div>
  );
}
