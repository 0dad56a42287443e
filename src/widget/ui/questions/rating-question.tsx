import { Fragment, h } from 'preact';
import { resolveScale } from '../../../shared/rating-scale';
import type { Question } from '../../../shared/survey-schema';
import { OptionList } from './option-list';
import type { QuestionProps } from './question-props';

type RatingQ = Extract<Question, { answer_type: 'Rating' }>;

/**
 * A rating scale: a row of numbered native radios with the end labels under
 * it. The labels describe the group, so screen readers hear what 0 and 10 mean.
 */
export function RatingQuestion({ question, value, onChange, t, ids, invalid }: QuestionProps<RatingQ>) {
  const { min, max, preset, minLabel, maxLabel } = resolveScale(question.scale);
  const ends = preset === 'custom' ? [minLabel, maxLabel] : [minLabel ?? t(`${preset}_min`), maxLabel ?? t(`${preset}_max`)];
  const endsId = `${ids.control}-ends`;
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <>
      <OptionList
        type="radio"
        look="scale"
        values={points}
        isChecked={(p) => p === value}
        onToggle={onChange}
        ids={{ ...ids, describedBy: [endsId, ids.describedBy].join(' ').trim() }}
        invalid={invalid}
      />
      <div class="ends" id={endsId}>
        <span>{ends[0]}</span>
        <span>{ends[1]}</span>
      </div>
    </>
  );
}
