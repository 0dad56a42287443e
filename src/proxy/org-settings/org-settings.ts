import { join } from 'node:path';
import type { EmailTemplateJson, TextMessageTemplateJson } from '../../shared/api/api-schemas';
import type { SecretLookup } from '../config';
import { NO_SIGNING, signingKeys, type SigningSettings } from '../signing/signing-keys';
import { orgFolders, readSettingsFile } from './org-files';
import { OrgFileSchema, TemplatesFileSchema } from './org-settings-schema';

/** What the API needs to know about an org beyond its surveys. */
export interface OrgSettings {
  /** IANA zone for date periods; UTC unless `_org.json` says otherwise. */
  timeZone(org: string): string;
  /** Over-survey protection in days; 0 is off. */
  throttleDays(org: string): number;
  emailTemplates(org: string): EmailTemplateJson[];
  textMessageTemplates(org: string): TextMessageTemplateJson[];
  /** URL patterns the dashboard links a response's reference and machine_id with (`{reference}` is replaced). */
  linkPatterns(org: string): LinkPatterns;
  /** Whether the org requires signed survey params, and the keys they verify with. */
  signing(org: string): SigningSettings;
}

export interface LinkPatterns {
  reference?: string;
  machine_id?: string;
}

interface OrgEntry {
  timeZone: string;
  throttleDays: number;
  emailTemplates: EmailTemplateJson[];
  textMessageTemplates: TextMessageTemplateJson[];
  linkPatterns: LinkPatterns;
  signing: SigningSettings;
}

/** Settings in memory; `loadOrgSettings` fills them from disk, tests build them directly. */
export function createOrgSettings(entries: Record<string, Partial<OrgEntry>> = {}): OrgSettings {
  const get = (org: string): Partial<OrgEntry> => (Object.hasOwn(entries, org) ? entries[org] ?? {} : {});
  const byName = <T extends { name: string; id: number }>(list: T[] = []) => [...list].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return {
    timeZone: (org) => get(org).timeZone ?? 'UTC',
    throttleDays: (org) => get(org).throttleDays ?? 0,
    emailTemplates: (org) => byName(get(org).emailTemplates),
    textMessageTemplates: (org) => byName(get(org).textMessageTemplates),
    linkPatterns: (org) => get(org).linkPatterns ?? {},
    signing: (org) => get(org).signing ?? NO_SIGNING,
  };
}

/**
 * Reads each org folder's `_org.json` and `_templates.json` once, at start.
 * A broken file is reported (naming the file and each problem) and treated
 * as absent, so one typo never takes the proxy down. Signing keys are read
 * from `secrets` by the variable names the file gives.
 */
export function loadOrgSettings(dir: string, log: (message: string) => void = console.error, secrets: SecretLookup = () => undefined): OrgSettings {
  const entries: Record<string, Partial<OrgEntry>> = {};
  for (const org of orgFolders(dir)) {
    const settings = readSettingsFile(join(dir, org, '_org.json'), OrgFileSchema, log);
    const templates = readSettingsFile(join(dir, org, '_templates.json'), TemplatesFileSchema, log);
    entries[org] = {
      timeZone: settings?.time_zone,
      throttleDays: settings?.over_survey_protection_days,
      linkPatterns: { reference: settings?.reference_url, machine_id: settings?.machine_id_url },
      signing: signingKeys(org, settings?.signed_params, secrets, log),
      emailTemplates: templates?.email_templates.map(({ id, name, from_name, from_email, subject, body, locale, archived }) => ({ id, name, from_name, from_email, subject, body, locale, archived })),
      textMessageTemplates: templates?.text_message_templates.map(({ id, name, body, locale, archived }) => ({ id, name, body, locale, archived })),
    };
  }
  return createOrgSettings(entries);
}
