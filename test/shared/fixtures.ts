import postPurchaseJson from '../../demo/surveys/acme/post-purchase.json';
import supportCsatJson from '../../demo/surveys/acme/support-csat.json';
import { SurveySchema } from '../../src/shared/survey-schema';
import type { Question, Survey } from '../../src/shared/survey-schema';

/** A survey file parsed as the proxy parses it, defaults applied. */
export function parseSurvey(json: unknown): Survey {
  return SurveySchema.parse(json);
}

/** The demo's post-purchase NPS survey: Rating (nps, required), Text, Dropdown asking about site_code. */
export const postPurchase: Survey = parseSurvey(postPurchaseJson);

/** The demo's support CSAT survey: csat and custom ratings, Radio, a `plan` segment Dropdown, Checkbox, Text. */
export const supportCsat: Survey = parseSurvey(supportCsatJson);

/** The raw JSON of both demo files, for schema tests that edit them. */
export const demoFiles = { postPurchase: postPurchaseJson, supportCsat: supportCsatJson };

/** A question of a demo survey by id, narrowed to its answer type. */
export function questionOf<T extends Question['answer_type']>(
  survey: Survey,
  id: number,
  type: T,
): Extract<Question, { answer_type: T }> {
  const question = survey.questions.find((q) => q.id === id);
  if (!question || question.answer_type !== type) throw new Error(`no ${type} question ${id}`);
  return question as Extract<Question, { answer_type: T }>;
}

/** The seed snippet's survey params. */
export const SEED_PARAMS = { name: 'Mariner', staff_code: 'luke', reference: 'INV-2090' };
