import { z } from 'zod';
import type { StoredResponse } from '../../shared/response-schema';
import { ANSWER_TYPES } from '../../shared/survey-schema';
import type { Describes } from './describes';

const group = (description: string) => z.record(z.string(), z.string()).describe(description);
const nullableText = (description: string) => z.string().nullable().describe(description);

/**
 * A response as stored and returned by `POST /v1/responses`: the
 * `StoredResponse` interface as a schema, for the OpenAPI document. The
 * type check below keeps the two in step.
 */
export const StoredResponseSchema = z
  .object({
    id: z.uuidv4().describe('The client-generated id, the response’s idempotency key'),
    org: z.string(),
    survey: z.string().describe('The survey’s code'),
    survey_id: z.number().int().describe('The survey’s CustomerSure id'),
    answers: z.array(
      z.object({
        question_id: z.number().int(),
        question: z.string().describe('The question as it was asked'),
        type: z.enum(ANSWER_TYPES),
        answer: z.union([z.number(), z.string(), z.array(z.string())]).describe('A rating, a text or choice, or the choices of a Checkbox'),
      }),
    ),
    customer: group('Customer fields, re-sorted by the shared rules'),
    segments: group('Segments (staff_code, site_code, custom ones), re-sorted by the shared rules'),
    metadata: group('Every other key passed with the response'),
    reference: nullableText('metadata.reference, kept as a field of its own as CustomerSure does'),
    machine_id: nullableText('metadata.machine_id, kept as a field of its own as CustomerSure does'),
    locale: nullableText('The locale the survey was shown in'),
    page_url: nullableText('The page the survey was answered on'),
    submitted_at: z.iso.datetime({ offset: true }).describe('When the visitor sent it, as the widget stamped it'),
    received_at: z.iso.datetime().describe('When the proxy first stored it, in UTC'),
    verified: z.boolean().describe('True when the params came signed by the merchant’s server (signed_params) and verified: every signed key is as signed; keys not signed (what the visitor typed) are not'),
  })
  .meta({ id: 'StoredResponse' });

true satisfies Describes<z.infer<typeof StoredResponseSchema>, StoredResponse>;
