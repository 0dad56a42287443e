import type { FieldError } from '../../shared/error-body';
import { apiFieldError } from './api-errors';
import { jsonResponse } from '../json-response';

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface Page {
  page: number;
  perPage: number;
  limit: number;
  offset: number;
}

/**
 * Reads `page` and `per_page` ("If there are more than 30 …, you can specify
 * a page number"; "up to a maximum of 100"). Anything else than a whole
 * number in range is a 422 naming the parameter, never a silent clamp.
 */
export function readPage(url: URL, resource: string): Page | FieldError[] {
  const errors: FieldError[] = [];
  const read = (name: string, fallback: number, max: number): number => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') return fallback;
    const value = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!(value >= 1 && value <= max)) {
      errors.push(apiFieldError(resource, name, 'invalid_value', { greater_than: 1, less_than: max, must_be: 'integer' }));
    }
    return value;
  };
  const page = read('page', 1, 1e9);
  const perPage = read('per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE);
  if (errors.length) return errors;
  return { page, perPage, limit: perPage, offset: (page - 1) * perPage };
}

/**
 * A page of a list with the seed's headers: `Link` (first, prev, next, last;
 * every other query parameter kept), `X-Total-Pages`, `X-Total-Count`. A page
 * past the end is an empty array with the same headers.
 *
 * @example
 * paginated(new URL('https://proxy.example/api/sites?page=2'), rows, 45, page)
 * // Link: <…/api/sites?page=1>; rel="first", <…?page=1>; rel="prev", <…?page=2>; rel="last"
 */
export function paginated(url: URL, items: unknown[], total: number, { page, perPage }: Page): Response {
  const totalPages = Math.ceil(total / perPage);
  const last = Math.max(1, totalPages);
  const at = (n: number) => {
    const target = new URL(url);
    target.searchParams.set('page', String(n));
    return `<${target.href}>`;
  };
  const links = [`${at(1)}; rel="first"`];
  if (page > 1) links.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < totalPages) links.push(`${at(page + 1)}; rel="next"`);
  links.push(`${at(last)}; rel="last"`);
  return jsonResponse(items, 200, { Link: links.join(', '), 'X-Total-Pages': String(totalPages), 'X-Total-Count': String(total) });
}
