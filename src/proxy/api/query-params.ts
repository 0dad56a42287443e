import type { FieldError } from '../../shared/error-body';
import { parseTimestamp, TIMESTAMP_FORMAT } from '../../shared/periods/parse-timestamp';
import { apiFieldError } from './api-errors';

/**
 * Reads query parameters, collecting every problem as a v1 field error so a
 * request with three mistakes hears about all three.
 */
export interface QueryReader {
  /** A scalar; blank counts as absent. */
  text(name: string): string | undefined;
  /** An ISO 8601 timestamp in any zone (UTC when none), as an instant. */
  timestamp(name: string): Date | undefined;
  /**
   * An array of ids: `name[]=1&name[]=2` as the seed documents, also
   * `name=1` and `name=1,2`, since the seed itself lists some as `site_ids`.
   */
  ids(name: string): number[] | undefined;
  /** `true` or `false`; blank counts as absent. */
  flag(name: string): boolean | undefined;
  errors: FieldError[];
}

export function readQuery(url: URL, resource: string): QueryReader {
  const errors: FieldError[] = [];
  const text = (name: string) => {
    const raw = url.searchParams.get(name)?.trim();
    return raw ? raw : undefined;
  };
  return {
    errors,
    text,
    timestamp(name) {
      const raw = text(name);
      if (raw === undefined) return undefined;
      const parsed = parseTimestamp(unmangleOffset(raw));
      if (!parsed) errors.push(apiFieldError(resource, name, 'invalid_date', { valid_format: TIMESTAMP_FORMAT }));
      return parsed;
    },
    ids(name) {
      const raw = [...url.searchParams.getAll(`${name}[]`), ...url.searchParams.getAll(name)]
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      if (raw.length === 0) return undefined;
      const bad = raw.filter((v) => !/^[1-9]\d{0,15}$/.test(v));
      if (bad.length) {
        errors.push(apiFieldError(resource, `${name}[]`, 'invalid_value', { must_be: 'integer', greater_than: 1, message: `not an id: ${bad.slice(0, 5).map((v) => (/^[\w.+-]{0,12}$/.test(v) ? v : `${v.slice(0, 3)}…`)).join(', ')}` }));
        return undefined;
      }
      return [...new Set(raw.map(Number))];
    },
    flag(name) {
      const raw = text(name);
      if (raw === undefined) return undefined;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      errors.push(apiFieldError(resource, name, 'invalid_value', { must_be: 'true or false' }));
      return undefined;
    },
  };
}

/**
 * The seed's own timestamps (`2023-08-20T18:00:00+0100`) pasted unencoded into
 * a query string arrive with the `+` read as a space; a time followed by a
 * space and offset digits can only have meant `+`.
 */
export function unmangleOffset(raw: string): string {
  return raw.replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$/, '$1+$2');
}
