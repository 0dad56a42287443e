import { Hono } from 'hono';
import { validationFailed } from '../api-errors';
import type { ApiDeps } from '../api-deps';
import type { ApiEnv } from '../api-env';
import { paginated, readPage } from '../pagination';

/**
 * `GET /email_templates` and `GET /text_message_templates`: read from the
 * org's `_templates.json`, "sorted by name". Mount at the API root.
 */
export function templates({ orgSettings }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  for (const [path, list] of [
    ['/email_templates', (org: string) => orgSettings.emailTemplates(org)],
    ['/text_message_templates', (org: string) => orgSettings.textMessageTemplates(org)],
  ] as const) {
    app.get(path, (c) => {
      const url = new URL(c.req.url);
      const page = readPage(url, path);
      if (Array.isArray(page)) return validationFailed(page);
      const all: unknown[] = list(c.get('org'));
      return paginated(url, all.slice(page.offset, page.offset + page.limit), all.length, page);
    });
  }
  return app;
}
