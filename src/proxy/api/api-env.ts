import type { Context } from 'hono';

/** What the API's middleware puts on each request: the org the token belongs to. */
export interface ApiEnv {
  Variables: { org: string };
}

export type ApiContext = Context<ApiEnv>;
