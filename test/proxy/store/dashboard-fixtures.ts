import { formatDate } from '../../../src/shared/periods/day-span';
import { localDate } from '../../../src/shared/periods/zoned-time';
import { responseFacts } from '../../../src/proxy/store/response-facts';
import type { Store } from '../../../src/proxy/store/open-store';
import type { StoredResponse } from '../../../src/shared/response-schema';
import { SurveySchema, type Survey } from '../../../src/shared/survey-schema';
import { seededRandom } from '../../../scripts/bench/seeded-random';

/** Two NPS questions (so one response adds two ratings), a CSAT, a 1-7 scale, text and choices. */
export const ORDER_SURVEY: Survey = SurveySchema.parse({
  id: 10,
  name: 'After your order',
  custom_segments: ['region'],
  questions: [
    { id: 1, question: 'Recommend us?', answer_type: 'Rating', scale: 'nps' },
    { id: 2, question: 'Recommend the courier?', answer_type: 'Rating', scale: 'nps' },
    { id: 3, question: 'Satisfied?', answer_type: 'Rating', scale: 'csat' },
    { id: 4, question: 'How easy?', answer_type: 'Rating', scale: { min: 1, max: 7 } },
    { id: 5, question: 'Anything else?', answer_type: 'Text' },
    { id: 6, question: 'How did you pay?', answer_type: 'Radio', options: ['Card', 'Cash'] },
    { id: 7, question: 'What did you buy?', answer_type: 'Checkbox', options: ['Shoes', 'Socks', 'Hats'] },
  ],
});

/** A CSAT-first survey whose NPS question comes second. */
export const SUPPORT_SURVEY: Survey = SurveySchema.parse({
  id: 20,
  name: 'Support',
  questions: [
    { id: 11, question: 'Satisfied with support?', answer_type: 'Rating', scale: 'csat' },
    { id: 12, question: 'Recommend support?', answer_type: 'Rating', scale: 'nps' },
    { id: 13, question: 'What went wrong?', answer_type: 'Text' },
  ],
});

export const SURVEYS: readonly Survey[] = [ORDER_SURVEY, SUPPORT_SURVEY];

export function surveyOf(response: Pick<StoredResponse, 'survey_id'>): Survey | undefined {
  return SURVEYS.find((s) => s.id === response.survey_id);
}

const WORDS = ['fast delivery', '50% off', 'under_score', 'back\\slash', 'Crème brûlée', 'LATE again', 'great staff', 'broken box'];
export const SITES = ['newcastle', 'leeds', 'york', 'online'];
export const STAFF = ['luke', 'amira', 'ben'];
export const REGIONS = ['North', 'South'];

/**
 * `n` varied responses of org `acme` over `days` days from `start`: both
 * surveys, missing and present segments, every rating value, text with LIKE's
 * wildcards in it, and some responses sharing a submitted time (ties).
 */
export function variedResponses(n: number, seed: number, start = Date.parse('2026-03-01T00:00:00Z'), days = 30): StoredResponse[] {
  const rng = seededRandom(seed);
  const responses: StoredResponse[] = [];
  let previousAt = start;
  for (let i = 0; i < n; i += 1) {
    // One in ten shares the previous response's instant, so order ties are broken by id.
    const at = i > 0 && rng.chance(0.1) ? previousAt : start + rng.int(days * 86_400_000);
    previousAt = at;
    const survey = rng.chance(0.65) ? ORDER_SURVEY : SUPPORT_SURVEY;
    const segments: Record<string, string> = {};
    if (rng.chance(0.85)) segments.site_code = rng.pick(SITES);
    if (rng.chance(0.6)) segments.staff_code = rng.pick(STAFF);
    if (survey === ORDER_SURVEY && rng.chance(0.7)) segments.region = rng.pick(REGIONS);
    const answers: StoredResponse['answers'] =
      survey === ORDER_SURVEY
        ? [
            { question_id: 1, question: 'Recommend us?', type: 'Rating', answer: rng.int(11) },
            ...(rng.chance(0.5) ? [{ question_id: 2, question: 'Recommend the courier?', type: 'Rating', answer: rng.int(11) }] : []),
            ...(rng.chance(0.8) ? [{ question_id: 3, question: 'Satisfied?', type: 'Rating', answer: 1 + rng.int(5) }] : []),
            { question_id: 4, question: 'How easy?', type: 'Rating', answer: 1 + rng.int(7) },
            ...(rng.chance(0.6) ? [{ question_id: 5, question: 'Anything else?', type: 'Text', answer: `${rng.pick(WORDS)} #${i}` }] : []),
            { question_id: 6, question: 'How did you pay?', type: 'Radio', answer: rng.pick(['Card', 'Cash']) },
            { question_id: 7, question: 'What did you buy?', type: 'Checkbox', answer: ['Shoes', 'Hats'].slice(0, 1 + rng.int(2)) },
          ]
        : [
            { question_id: 11, question: 'Satisfied with support?', type: 'Rating', answer: 1 + rng.int(5) },
            ...(rng.chance(0.7) ? [{ question_id: 12, question: 'Recommend support?', type: 'Rating', answer: rng.int(11) }] : []),
            ...(rng.chance(0.5) ? [{ question_id: 13, question: 'What went wrong?', type: 'Text', answer: rng.pick(WORDS) }] : []),
          ];
    const iso = new Date(at).toISOString();
    responses.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      org: 'acme',
      survey: survey === ORDER_SURVEY ? 'order' : 'support',
      survey_id: survey.id,
      answers,
      customer: rng.chance(0.7) ? { name: `Customer ${i}`, email: `c${i}@example.com` } : {},
      segments,
      metadata: rng.chance(0.3) ? { reference: `INV-${i}` } : {},
      reference: null,
      machine_id: rng.chance(0.1) ? `M_${i}` : null,
      locale: 'en',
      page_url: null,
      submitted_at: iso,
      received_at: iso,
      // Not drawn from rng, so the rest of the data stays as it was: every third page signed its params.
      verified: i % 3 === 0,
    });
    const last = responses[responses.length - 1] as StoredResponse;
    last.reference = last.metadata.reference ?? null;
  }
  return responses;
}

/** Inserts each response as `POST /v1/responses` would, dated in `zone`. */
export async function insertAll(store: Store, responses: readonly StoredResponse[], zone: string): Promise<void> {
  // All at once, as a busy proxy receives them: the group commit stores them in a few transactions,
  // in the order given, so ids follow the list as they would one by one.
  await Promise.all(responses.map((r) => store.responses.insert(r, `hash-${r.id}`, responseFacts(r, surveyOf(r), zone))));
}

/** The local day of a response, straight from Intl: what every rollup day is checked against. */
export function dayIn(response: StoredResponse, zone: string): string {
  return formatDate(localDate(new Date(response.submitted_at), zone));
}
