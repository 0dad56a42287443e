import { h } from 'preact';
import type { Question } from '../../../shared/survey-schema';
import type { QuestionProps } from './question-props';

type TextQ = Extract<Question, { answer_type: 'Text' }>;

/** Free text: a textarea, or one line; the survey's length limit is enforced by the field itself. */
export function TextQuestion({ question, value, onChange, ids, invalid }: QuestionProps<TextQ>) {
  const Tag = question.multiline ? 'textarea' : 'input';
  return (
    <Tag
        id={ids.control}
        class="input"
        value={typeof value === 'string' ? value : ''}
        maxLength={question.max_length}
        rows={question.multiline ? 3 : undefined}
        aria-describedby={ids.describedBy}
        aria-required={question.required}
        aria-invalid={invalid}
        onInput={(event) => onChange((event.currentTarget as HTMLTextAreaElement).value)}
      />
  );
}
