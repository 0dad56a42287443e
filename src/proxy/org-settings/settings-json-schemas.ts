import { z } from 'zod';
import { RelayFileSchema } from '../relay/relay-file-schema';
import { OrgFileSchema, TemplatesFileSchema } from './org-settings-schema';

/**
 * JSON Schemas of an org's settings files, generated from the zod schemas
 * the proxy loads them with, so editors check `_org.json` and
 * `_templates.json` (and `_relay.json`) as the survey files are checked. Committed under
 * `schema/` by `scripts/write-survey-schema.ts`.
 */
export const SETTINGS_SCHEMA_FILES = {
  'org.schema.json': { schema: OrgFileSchema, title: 'Org settings', description: 'SURVEYS_DIR/{org}/_org.json' },
  'templates.schema.json': { schema: TemplatesFileSchema, title: 'Email and text message templates', description: 'SURVEYS_DIR/{org}/_templates.json' },
  'relay.schema.json': { schema: RelayFileSchema, title: 'Relay settings', description: 'SURVEYS_DIR/{org}/_relay.json: the system feedback requests are relayed to' },
} as const;

/** The text of one settings schema file, as the generator writes it. */
export function settingsJsonSchemaText(file: keyof typeof SETTINGS_SCHEMA_FILES): string {
  const { schema, title, description } = SETTINGS_SCHEMA_FILES[file];
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
}
