import type { AnswerValue } from '../../../shared/answer';
import type { Question } from '../../../shared/survey-schema';
import type { Translate } from '../../i18n/translate';

/** The ids that tie a control to its label, help text and error message. */
export interface FieldIds {
  control: string;
  label: string;
  /** Space-separated ids of help text and error, for aria-describedby. */
  describedBy: string | undefined;
}

/** What every question renderer takes; renderers are plain components. */
export interface QuestionProps<Q extends Question = Question> {
  question: Q;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  t: Translate;
  ids: FieldIds;
  invalid: boolean;
}
