/**
 * Writes schema/survey.schema.json from the zod SurveySchema. Run after
 * changing src/shared/survey-schema.ts: `npx tsx scripts/write-survey-schema.ts`.
 * A proxy test fails while the committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { surveyJsonSchemaText } from '../src/proxy/survey-json-schema';

const target = fileURLToPath(new URL('../schema/survey.schema.json', import.meta.url));
writeFileSync(target, surveyJsonSchemaText());
console.log(`wrote ${target}`);
