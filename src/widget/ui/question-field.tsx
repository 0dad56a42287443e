import { h } from 'preact';
import type { ComponentType } from 'preact';
import type { AnswerValue } from '../../shared/answer';
import type { AnswerType, Question } from '../../shared/survey-schema';
import type { Translate } from '../i18n/translate';
import { CheckboxQuestion } from './questions/checkbox-question';
import { DropdownQuestion } from './questions/dropdown-question';
import type { QuestionProps } from './questions/question-props';
import { RadioQuestion } from './questions/radio-question';
import { RatingQuestion } from './questions/rating-question';
import { TextQuestion } from './questions/text-question';
import { FieldShell } from './field-shell';

/** The one place that maps an answer type to its renderer. */
const RENDERERS: Record<AnswerType, ComponentType<QuestionProps<never>>> = {
  Rating: RatingQuestion,
  Text: TextQuestion,
  Dropdown: DropdownQuestion,
  Radio: RadioQuestion,
  Checkbox: CheckboxQuestion,
};

/** Groups of controls get a fieldset and legend; single controls a label. */
const GROUPED: ReadonlySet<AnswerType> = new Set(['Rating', 'Radio', 'Checkbox']);

export interface QuestionFieldProps {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (id: number, value: AnswerValue) => void;
  error: string | undefined;
  t: Translate;
}

/** A question with its label, help text and error, rendered by its type's renderer. */
export function QuestionField({ question, value, onChange, error, t }: QuestionFieldProps) {
  const Renderer = RENDERERS[question.answer_type] as ComponentType<QuestionProps>;
  return (
    <FieldShell
      name={`q${question.id}`}
      label={question.question}
      help={question.description}
      required={question.required}
      grouped={GROUPED.has(question.answer_type)}
      error={error}
      t={t}
    >
      {(ids) => (
        <Renderer question={question} value={value} onChange={(v) => onChange(question.id, v)} t={t} ids={ids} invalid={!!error} />
      )}
    </FieldShell>
  );
}
