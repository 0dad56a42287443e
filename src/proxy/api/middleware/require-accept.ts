import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../../json-response';

export const V1_MEDIA_TYPE = 'application/vnd.customersure.v1+json';

/**
 * True when an Accept header names the v1 media type. The seed's own curl
 * examples send `application/vnd.customersure.v1+json;` (a stray `;`), so
 * parameters and spacing are ignored; `*\/*` is not enough, since the seed
 * says clients "MUST explicitly specify the version on every API request".
 */
export function acceptsV1(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((range) => range.split(';')[0]?.trim().toLowerCase() === V1_MEDIA_TYPE);
}

/** Answers 406 when a request does not ask for version 1; a later v2 would be told apart here. */
export function requireAccept(): MiddlewareHandler {
  return async (c, next) => {
    if (acceptsV1(c.req.header('Accept'))) return next();
    return errorResponse(406, `Not Acceptable: send the header Accept: ${V1_MEDIA_TYPE}`);
  };
}
