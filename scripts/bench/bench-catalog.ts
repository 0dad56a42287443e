import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSurveyCatalog, parseSurveyFile, type SurveyCatalog } from '../../src/proxy/survey-catalog';
import type { Survey, SurveyInput } from '../../src/shared/survey-schema';

export const BENCH_ORG = 'acme';

/** A third survey with both scales, so one response can count for `/nps` and `/csat` at once. */
const ONBOARDING: SurveyInput = {
  id: 3000,
  name: 'Onboarding check-in',
  locale: 'en',
  custom_segments: ['account_type'],
  customer_fields: [{ field: 'name' }, { field: 'email', required: true }, { field: 'company_name' }],
  questions: [
    { id: 21, question: 'How likely are you to recommend Acme after your first month?', answer_type: 'Rating', scale: 'nps', required: true },
    { id: 22, question: 'How satisfied are you with your onboarding?', answer_type: 'Rating', scale: 'csat', required: true },
    { id: 23, question: 'How was your onboarding done?', answer_type: 'Radio', options: ['Self-serve', 'Guided call', 'On-site visit'] },
    { id: 24, question: 'What should we have told you sooner?', answer_type: 'Text', max_length: 1000 },
  ],
};

export interface BenchSurveys {
  catalog: SurveyCatalog;
  /** By code, for the payload generator. */
  byCode: Record<'post-purchase' | 'support-csat' | 'onboarding', Survey>;
}

/**
 * The bench's surveys for org `acme`: the two demo files (post-purchase 1484,
 * support-csat 2166), read and defaulted exactly as the proxy reads files,
 * plus the onboarding survey (3000) defined above.
 */
export function benchSurveys(repoRoot: string): BenchSurveys {
  const demo = (code: string) => parse(readFileSync(join(repoRoot, 'demo/surveys', BENCH_ORG, `${code}.json`), 'utf8'), code);
  const byCode = {
    'post-purchase': demo('post-purchase'),
    'support-csat': demo('support-csat'),
    onboarding: parse(JSON.stringify(ONBOARDING), 'onboarding'),
  };
  const catalog = createSurveyCatalog(Object.entries(byCode).map(([code, survey]) => ({ org: BENCH_ORG, code, survey })));
  return { catalog, byCode };
}

function parse(text: string, code: string): Survey {
  const result = parseSurveyFile(text);
  if (!result.ok) throw new Error(`bench survey ${code}: ${result.problem}`);
  return result.survey;
}
