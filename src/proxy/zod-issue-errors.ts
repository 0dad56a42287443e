import type { z } from 'zod';
import type { ErrorCode, FieldError } from '../shared/error-body';
import { echoed, fieldError, MAX_MESSAGE_CHARS } from './validation-error';

type Issue = z.core.$ZodIssue;

/**
 * Maps zod's issues for a posted body onto CustomerSure's error codes
 * (REST API, "Errors"). Needs issues parsed with `reportInput: true`, which
 * is how a missing field (`required`) is told from a wrong one. A message
 * that quotes the input (a custom one may) keeps only a short prefix of it.
 */
export function zodIssueErrors(issues: readonly Issue[]): FieldError[] {
  return issues.map((issue) => {
    const [error, extraInfo] = codeFor(issue);
    const message = extraInfo.message;
    if (typeof message === 'string') extraInfo.message = echoed(message, MAX_MESSAGE_CHARS);
    return fieldError(echoed(issue.path.map(String).join('.') || 'body'), error, extraInfo);
  });
}

function codeFor(issue: Issue): [ErrorCode, Record<string, unknown>] {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return ['required', {}];
      return ['invalid_value', { message: issue.message }];
    case 'too_big':
      if (isLength(issue.origin)) return ['wrong_length', { maximum: issue.maximum }];
      return ['invalid_value', issue.inclusive ? { less_than: issue.maximum } : { message: issue.message }];
    case 'too_small':
      if (isLength(issue.origin)) return ['wrong_length', { minimum: issue.minimum }];
      return ['invalid_value', issue.inclusive ? { greater_than: issue.minimum } : { message: issue.message }];
    case 'invalid_format':
      return formatCode(issue);
    default:
      return ['invalid_value', { message: issue.message }];
  }
}

// CustomerSure documents greater_than/less_than as the smallest/largest allowed value, which only
// an inclusive bound states; an exclusive one (`.positive()`) is explained in words instead.
function isLength(origin: string): boolean {
  return origin === 'string' || origin === 'array';
}

function formatCode(issue: Extract<Issue, { code: 'invalid_format' }>): [ErrorCode, Record<string, unknown>] {
  const error: ErrorCode = issue.format === 'datetime' ? 'invalid_date' : 'invalid_format';
  const pattern = 'pattern' in issue && typeof issue.pattern === 'string' ? regexSource(issue.pattern) : undefined;
  return [error, pattern === undefined ? { message: issue.message } : { valid_format: pattern }];
}

/** zod reports patterns as `/source/flags`; `valid_format` is the bare regular expression. */
function regexSource(pattern: string): string {
  const match = /^\/(.*)\/[a-z]*$/s.exec(pattern);
  return match?.[1] ?? pattern;
}
