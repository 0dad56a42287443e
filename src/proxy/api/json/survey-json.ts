import type { SurveySummaryJson } from '../../../shared/api/api-schemas';
import type { Survey } from '../../../shared/survey-schema';

/** A survey file as the seed's `surveys` resource lists it. */
export function surveyJson(survey: Survey): SurveySummaryJson {
  return {
    id: survey.id,
    name: survey.name,
    locale: survey.locale ?? null,
    questions: survey.questions.map((q) => ({ id: q.id, question: q.question, answer_type: q.answer_type })),
  };
}
