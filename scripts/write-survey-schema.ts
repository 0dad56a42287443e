/**
 * Writes schema/survey.schema.json from the zod SurveySchema, and the org
 * settings schemas beside it. Run after changing a schema:
 * `npx tsx scripts/write-survey-schema.ts`. A proxy test fails while a
 * committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SETTINGS_SCHEMA_FILES, settingsJsonSchemaText } from '../src/proxy/org-settings/settings-json-schemas';
import { surveyJsonSchemaText } from '../src/proxy/survey-json-schema';

const write = (name: string, text: string) => {
  const target = fileURLToPath(new URL(`../schema/${name}`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
};
write('survey.schema.json', surveyJsonSchemaText());
for (const name of Object.keys(SETTINGS_SCHEMA_FILES) as (keyof typeof SETTINGS_SCHEMA_FILES)[]) write(name, settingsJsonSchemaText(name));
