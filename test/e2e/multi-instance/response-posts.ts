import type { Exchange } from './round-robin-front';

/** The widget's `POST /v1/responses` among the front's exchanges. */
export const responsePosts = (exchanges: readonly Exchange[]) => exchanges.filter((e) => e.method === 'POST' && e.url === '/v1/responses');

/** The response id in a widget POST's body; undefined when the body was cut short. */
export function postedResponseId(exchange: Exchange): string | undefined {
  try {
    return (JSON.parse(exchange.body) as { id?: string }).id;
  } catch {
    return undefined;
  }
}

/**
 * Response ids a backend acknowledged (201 stored, 200 already stored), each
 * with the backend that did: from that moment the response must be in the database.
 */
export function acknowledged(exchanges: readonly Exchange[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const e of responsePosts(exchanges)) {
    const id = postedResponseId(e);
    if (e.by === 'backend' && (e.status === 201 || e.status === 200) && id !== undefined && !ids.has(id)) ids.set(id, e.backend);
  }
  return ids;
}

/** How many times each response id was posted, retries included. */
export function postsPerId(exchanges: readonly Exchange[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of responsePosts(exchanges)) {
    const id = postedResponseId(e);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
