import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsJsonSchemaText } from '../../src/proxy/org-settings/settings-json-schemas';
import { surveyJsonSchema, surveyJsonSchemaText } from '../../src/proxy/survey-json-schema';

describe('survey JSON Schema', () => {
  it('is committed exactly as the generator writes it (run scripts/write-survey-schema.ts after a schema change)', () => {
    const committed = readFileSync(new URL('../../schema/survey.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(surveyJsonSchemaText());
  });

  it('describes survey files as written, with the optional fields optional', () => {
    const schema = surveyJsonSchema();
    expect(schema).toMatchObject({ $id: '/v1/schema/survey.json', title: 'Survey definition', type: 'object' });
    expect(schema.required).toEqual(['id', 'name', 'questions']);
  });
});

describe('org settings JSON Schemas', () => {
  it.each(['org.schema.json', 'templates.schema.json', 'relay.schema.json'] as const)('%s is committed exactly as the generator writes it', (file) => {
    const committed = readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8');
    expect(committed).toBe(settingsJsonSchemaText(file));
  });
});
