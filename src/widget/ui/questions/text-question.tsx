import type { Question } from '../../../shared/survey-schema';
import type { QuestionProps } from './question-props';

type TextQ = Extract<Question, { answer_type: 'Text' }>;

/** Free text: a textarea (or one line), with a countdown once the limit is near. */
export function TextQuestion({ question, value, onChange, t, ids, invalid }: QuestionProps<TextQ>) {
  const text = typeof value === 'string' ? value : '';
  const left = question.max_length - text.length;
  const Tag = question.multiline ? 'textarea' : 'input';
  return (
    <>
      <Tag
        id={ids.control}
        class="input"
        value={text}
        maxLength={question.max_length}
        rows={question.multiline ? 3 : undefined}
        aria-describedby={ids.describedBy}
        aria-required={question.required}
        aria-invalid={invalid}
        onInput={(event) => onChange((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {left <= Math.max(20, question.max_length * 0.2) && <div class="count">{t('characters_left', { count: left })}</div>}
    </>
  );
}
