import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';

const noStore = z.object({ 'Cache-Control': z.literal('no-store') });
const status = (values: readonly [string, ...string[]]) => ({ 'application/json': { schema: z.object({ status: z.enum(values) }) } });

/**
 * The probes a load balancer or orchestrator polls: public, never cached.
 *
 * @example
 * createDocument({ openapi: '3.1.0', info, paths: { ...healthPaths() } })
 */
export function healthPaths(): ZodOpenApiPathsObject {
  return {
    '/healthz': {
      get: {
        operationId: 'getHealth',
        summary: 'Liveness: the process answers',
        description: 'Stays 200 while the proxy drains at shutdown, so the drain is never cut short by a failed liveness check.',
        tags: ['Meta'],
        responses: { 200: { description: 'Alive', headers: noStore, content: status(['ok']) } },
      },
    },
    '/readyz': {
      get: {
        operationId: 'getReadiness',
        summary: 'Readiness: send traffic here',
        description: 'The database answers within 2 s and every migration is applied, and the proxy is not shutting down.',
        tags: ['Meta'],
        responses: {
          200: { description: 'Ready', headers: noStore, content: status(['ready']) },
          503: { description: 'Shutting down, or the database is unreachable or not migrated', headers: noStore, content: status(['shutting_down', 'database_unavailable']) },
        },
      },
    },
  };
}
