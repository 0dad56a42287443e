/** Every console line the widget writes starts with this, so merchants can filter for it. */
export const LOG_PREFIX = '[survey-widget]';

export type ConsoleLike = Pick<Console, 'error' | 'warn'>;

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
}

/**
 * A logger that prefixes each line and names the widget it is about.
 *
 * @example
 * createLogger(console, 'widget #1 (org "acme", survey "nps")').error('survey not found')
 * // [survey-widget] widget #1 (org "acme", survey "nps"): survey not found
 */
export function createLogger(target: ConsoleLike, context?: string): Logger {
  const line = (message: string) => (context ? `${LOG_PREFIX} ${context}: ${message}` : `${LOG_PREFIX} ${message}`);
  return {
    error: (message) => target.error(line(message)),
    warn: (message) => target.warn(line(message)),
  };
}
