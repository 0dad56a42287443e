import { z } from 'zod';
import type { ZodOpenApiResponseObject } from 'zod-openapi';

/** The seed's pagination headers, each a component. */
const PaginationHeadersSchema = z.object({
  Link: z.string().meta({
    description: 'RFC 8288 links to the `first`, `prev`, `next` and `last` pages, every other query parameter kept',
    examples: ['<https://proxy.example/api/sites?page=1>; rel="first", <https://proxy.example/api/sites?page=2>; rel="next", <https://proxy.example/api/sites?page=3>; rel="last"'],
    header: { id: 'Link' },
  }),
  'X-Total-Pages': z.number().int().min(0).meta({ description: 'How many pages there are at this `per_page`', header: { id: 'X-Total-Pages' } }),
  'X-Total-Count': z.number().int().min(0).meta({ description: 'How many items match, on all pages', header: { id: 'X-Total-Count' } }),
});

/**
 * A page of a list: a JSON array of `item`, with `Link`, `X-Total-Pages` and
 * `X-Total-Count`. A page past the end is an empty array with the same headers.
 *
 * @example
 * listReply(SiteSchema, 'The org’s sites, sorted by name')
 */
export function listReply(item: z.ZodType, description: string): ZodOpenApiResponseObject {
  return {
    description,
    headers: PaginationHeadersSchema,
    content: { 'application/json': { schema: z.array(item) } },
  };
}
