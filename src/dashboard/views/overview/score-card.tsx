import { h } from 'preact';
import type { ScoreSummaryJson } from '../../../shared/dashboard/dashboard-replies';
import { DistributionChart } from '../../charts/distribution-chart';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { useDashboard } from '../../state/dashboard-context';

export interface ScoreCardProps {
  score: ScoreSummaryJson;
  /** Named when several surveys are in view, since two may ask the same question. */
  surveyName?: string;
}

/** One Rating question: its answers by value, and for custom scales the average. */
export function ScoreCard({ score, surveyName }: ScoreCardProps) {
  const { t, tn, fmt } = useDashboard();
  return (
    <Card title={score.question} subtitle={surveyName}>
      {score.count === 0 ? (
        <EmptyState text={t('noAnswers')} />
      ) : (
        <div class="card-body">
          {score.scale === 'custom' && score.average !== null && (
            <div>
              <p class="big num">{fmt.decimal(score.average)}</p>
              <p class="muted">{t('average', { average: fmt.decimal(score.average), min: fmt.number(score.min), max: fmt.number(score.max) })}</p>
            </div>
          )}
          <p class="muted">{tn('answers', score.count)}</p>
          <DistributionChart min={score.min} counts={score.counts} scale={score.scale} title={score.question} />
          {(score.min_label || score.max_label) && (
            // Each label at its own end of the scale, so in a right-to-left page they swap sides with the columns.
            <p class="muted small ends">
              <span>{score.min_label}</span>
              <span>{score.max_label}</span>
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
