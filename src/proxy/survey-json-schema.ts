import { z } from 'zod';
import { SurveySchema } from '../shared/survey-schema';

/** Where the proxy publishes the schema; also its `$id`. */
export const SURVEY_SCHEMA_PATH = '/v1/schema/survey.json';

/**
 * The JSON Schema of a survey file, generated from `SurveySchema` so editors
 * check hand-written surveys by the same rules the proxy loads them with.
 * `io: 'input'` describes the file as written (defaults optional). Checks only
 * code can make (unique question ids, known segments) are left out by zod;
 * the proxy still reports those at startup. Anything truly unrepresentable
 * (a transform) throws here, on purpose, rather than becoming `{}`.
 */
export function surveyJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(SurveySchema, { io: 'input' });
  return {
    $schema,
    $id: SURVEY_SCHEMA_PATH,
    title: 'Survey definition',
    description: 'A survey served by the survey-widget proxy from SURVEYS_DIR/{org}/{code}.json',
    ...rest,
  };
}

/** The text of `schema/survey.schema.json`, as `scripts/write-survey-schema.ts` writes it. */
export function surveyJsonSchemaText(): string {
  return `${JSON.stringify(surveyJsonSchema(), null, 2)}\n`;
}
