import { responseFacts, type ResponseFacts } from '../../../src/proxy/store/response-facts';
import type { ScoredAnswer } from '../../../src/shared/metrics/scored-answers';
import type { StoredResponse } from '../../../src/shared/response-schema';

/** A stored post-purchase response; spread overrides over it. */
export function storedResponse(overrides: Partial<StoredResponse> = {}): StoredResponse {
  return {
    id: '3f8a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b',
    org: 'acme',
    survey: 'post-purchase',
    survey_id: 1484,
    answers: [{ question_id: 1, question: 'How likely?', type: 'Rating', answer: 9 }],
    customer: { name: 'Mariner' },
    segments: { staff_code: 'luke' },
    metadata: { reference: 'INV-2090' },
    reference: 'INV-2090',
    machine_id: null,
    locale: 'en',
    page_url: null,
    submitted_at: '2025-06-01T11:59:30.000Z',
    received_at: '2025-06-01T12:00:00.000Z',
    verified: false,
    ...overrides,
  };
}

/** What insert is given for `response`, dated in `zone`; `scored` stands in for what its survey file would give. */
export function factsOf(response: StoredResponse, scored: ScoredAnswer[] = [], zone = 'UTC'): ResponseFacts {
  return { ...responseFacts(response, undefined, zone), scored };
}

/** The facts of the default response: one NPS 9. */
export const NPS_9: ResponseFacts = factsOf(storedResponse(), [{ question_id: 1, scale: 'nps', value: 9 }]);
