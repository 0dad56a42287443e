import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_PATTERN } from '../shared/param-keys';
import { SurveySchema, type Survey } from '../shared/survey-schema';

/** The surveys the proxy serves, looked up by org and survey code. */
export interface SurveyCatalog {
  get(org: string, code: string): Survey | undefined;
  /** By the survey's `id` (CustomerSure's integer survey id), unique within an org. */
  byId(org: string, id: number): Survey | undefined;
  /** The file code of the survey with this id (what the widget's `survey` param names). */
  codeById(org: string, id: number): string | undefined;
  /** One org's surveys, in file-name order. */
  list(org: string): Survey[];
  /** Every org with at least one survey file. */
  orgs(): string[];
  readonly size: number;
}

export interface CatalogEntry {
  org: string;
  code: string;
  survey: Survey;
}

export type SurveyFileResult = { ok: true; survey: Survey } | { ok: false; problem: string };

/**
 * Parses one survey file's text. Pure, so every way a hand-written file can
 * be wrong is testable without a disk; `problem` names each zod issue's path.
 */
export function parseSurveyFile(text: string): SurveyFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = SurveySchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { ok: false, problem: issues.join('; ') };
  }
  // `$schema` is an editor hint for the file, not part of the survey the widget renders.
  const { $schema: _editorHint, ...survey } = parsed.data;
  return { ok: true, survey };
}

/** An in-memory catalog; `loadSurveyCatalog` fills one from disk, tests build one directly. */
export function createSurveyCatalog(entries: Iterable<CatalogEntry>): SurveyCatalog {
  // A Map, not an object, so an org named like an Object.prototype key cannot match.
  const surveys = new Map<string, Survey>();
  const byId = new Map<string, Survey>();
  const codes = new Map<string, string>();
  const byOrg = new Map<string, Survey[]>();
  for (const { org, code, survey } of entries) {
    surveys.set(`${org}/${code}`, survey);
    byId.set(`${org}/${survey.id}`, survey);
    codes.set(`${org}/${survey.id}`, code);
    byOrg.set(org, [...(byOrg.get(org) ?? []), survey]);
  }
  return {
    get: (org, code) => surveys.get(`${org}/${code}`),
    byId: (org, id) => byId.get(`${org}/${id}`),
    codeById: (org, id) => codes.get(`${org}/${id}`),
    list: (org) => [...(byOrg.get(org) ?? [])],
    orgs: () => [...byOrg.keys()].sort(),
    size: surveys.size,
  };
}

/**
 * Reads every `{dir}/{org}/{code}.json` once. A broken file is skipped with
 * one message naming it and its problems, so one typo never takes every
 * other survey down with it.
 */
export function loadSurveyCatalog(dir: string, log: (message: string) => void = console.error): SurveyCatalog {
  const entries: CatalogEntry[] = [];
  const ids = new Map<string, string>();
  for (const { org, code, path } of listSurveyFiles(dir, log)) {
    const result = parseSurveyFile(readFileSync(path, 'utf8'));
    if (!result.ok) {
      log(`[survey-proxy] skipped survey file ${path}: ${result.problem}`);
      continue;
    }
    // The v1 API names surveys by id (`survey_ids[]`), so two files of one org must not share one.
    const holder = ids.get(`${org}/${result.survey.id}`);
    if (holder !== undefined) {
      log(`[survey-proxy] skipped survey file ${path}: id ${result.survey.id} is already used by ${holder}.json in ${org}`);
      continue;
    }
    ids.set(`${org}/${result.survey.id}`, code);
    entries.push({ org, code, survey: result.survey });
  }
  return createSurveyCatalog(entries);
}

interface SurveyFile {
  org: string;
  code: string;
  path: string;
}

function listSurveyFiles(dir: string, log: (message: string) => void): SurveyFile[] {
  const files: SurveyFile[] = [];
  for (const org of readDirOrNothing(dir, log)) {
    const orgDir = join(dir, org);
    if (!statSync(orgDir).isDirectory()) continue;
    for (const name of readDirOrNothing(orgDir, log)) {
      // `_org.json`, `_templates.json`: an org's settings beside its surveys (org-settings.ts), not surveys.
      if (!name.endsWith('.json') || name.startsWith('_')) continue;
      const code = name.slice(0, -'.json'.length);
      const path = join(orgDir, name);
      // Codes arrive in URLs and payloads matched against CODE_PATTERN; a file no request can name is a mistake.
      if (!CODE_PATTERN.test(org) || !CODE_PATTERN.test(code)) {
        log(`[survey-proxy] skipped survey file ${path}: org and survey names may only use letters, digits, - and _`);
        continue;
      }
      files.push({ org, code, path });
    }
  }
  return files;
}

function readDirOrNothing(dir: string, log: (message: string) => void): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    log(`[survey-proxy] cannot read surveys directory ${dir}: ${(error as Error).message}`);
    return [];
  }
}
