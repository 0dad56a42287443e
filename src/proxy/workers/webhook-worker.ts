import type { WebhookEventType } from '../../shared/api/webhook-schemas';
import { nextStep, type RetrySchedule } from '../relay/retry-schedule';
import { sendCall } from '../relay/send-call';
import type { JobRow } from '../store/job-store';
import type { Store } from '../store/open-store';
import type { WebhookAttempt, WebhookDeliveryRow } from '../store/webhook-store';
import { webhookCall } from '../webhooks/webhook-call';
import { WEBHOOK_RETRY_SCHEDULE } from '../webhooks/webhook-schedule';
import { webhookVerdict, type WebhookVerdict } from '../webhooks/webhook-verdict';
import { mapLimit } from './map-limit';
import { createWorkerLoop, type WorkerLoop } from './worker-loop';

/** The `data` of an event about `subjectId`, as it is now; undefined when the subject no longer exists. */
export type WebhookRender = (type: WebhookEventType, org: string, subjectId: number) => Promise<unknown | undefined>;

export interface WebhookWorkerDeps {
  store: Pick<Store, 'jobs' | 'webhooks'>;
  fetch: typeof fetch;
  now: () => Date;
  /** For the retry jitter; injected so tests are exact. */
  random?: () => number;
  render: WebhookRender;
  /** This worker's name in the leases it takes (unique per process). */
  owner: string;
  /** Should outlast a whole batch: ⌈batch / concurrency⌉ × timeoutMs, and then some. */
  leaseMs: number;
  /** How long one attempt may take; default 10 s. */
  timeoutMs?: number;
  /** Deliveries in flight at once; default 8. */
  concurrency?: number;
  /** Jobs claimed at once; default 4 × concurrency. */
  batch?: number;
  log: (message: string) => void;
  schedule?: RetrySchedule;
  pollMs?: number;
}

/**
 * The webhook worker: claims due `webhook` jobs and delivers each, a few at a
 * time. Its schedule is the jobs' `due_at`, so a restart resumes exactly.
 *
 * @example
 * const worker = createWebhookWorker({ store, fetch, now: () => new Date(), render, owner: `webhooks-${process.pid}`, leaseMs: 300_000, log: console.error });
 * worker.start();
 */
export function createWebhookWorker(deps: WebhookWorkerDeps): WorkerLoop {
  const concurrency = deps.concurrency ?? 8;
  return createWorkerLoop({
    jobs: deps.store.jobs,
    kinds: ['webhook'],
    owner: deps.owner,
    leaseMs: deps.leaseMs,
    batch: deps.batch ?? concurrency * 4,
    now: deps.now,
    run: (jobs) => runWebhookJobs(jobs, deps),
    log: deps.log,
    ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
  });
}

/** Delivers one claimed batch with bounded concurrency; settles every job it can and never throws. */
export async function runWebhookJobs(jobs: JobRow[], deps: WebhookWorkerDeps): Promise<void> {
  await mapLimit(jobs, deps.concurrency ?? 8, (job) =>
    deliverWebhookJob(job, deps).catch((error: unknown) => {
      // A busy database: the job stays leased, and is claimed again once the lease runs out.
      deps.log(`[survey-proxy] webhook job ${job.id}: ${(error as Error).message}`);
    }),
  );
}

/**
 * One attempt at one delivery. The body is fixed before the first attempt is
 * sent, so every retry carries the same bytes under the same `webhook-id`.
 * Log lines name the delivery and endpoint by id only: a URL can hold a
 * receiver's token, and a body a customer's answers.
 */
async function deliverWebhookJob(job: JobRow, deps: WebhookWorkerDeps): Promise<void> {
  const { store, owner } = deps;
  const loaded = await store.webhooks.loadDelivery(job.subject_id);
  if (!loaded || loaded.delivery.delivered_at !== null || loaded.delivery.failed_at !== null) {
    // Settled elsewhere (a deletion that raced an expired lease): only the job is left to close.
    await store.jobs.finish(job.id, owner, deps.now(), loaded ? undefined : 'delivery no longer exists');
    return;
  }
  const { delivery, endpoint } = loaded;
  const name = `webhook ${delivery.message_id} (${delivery.type}) to endpoint ${delivery.endpoint_id}`;
  const attempt = (status: number | null, error?: string): WebhookAttempt => ({ deliveryId: delivery.id, jobId: job.id, owner, status, ...(error ? { error } : {}) });
  const settled = (ok: boolean) => {
    if (!ok) deps.log(`[survey-proxy] ${name}: lease lost; another worker settles it`);
  };

  if (!endpoint || endpoint.disabled_at !== null) return settled(await store.webhooks.markFailed(attempt(null, 'endpoint disabled'), deps.now()));
  const body = delivery.body ?? (await fixBody(delivery, deps));
  if (body === undefined) return settled(await store.webhooks.markFailed(attempt(null, 'subject no longer exists'), deps.now()));

  const sent = await sendCall(webhookCall(endpoint, delivery.message_id, body, deps.now()), withoutRedirects(deps.fetch), deps.timeoutMs ?? 10_000);
  const now = deps.now();
  const verdict = webhookVerdict(sent, now.getTime());
  if (verdict.kind === 'delivered') return settled(await store.webhooks.markDelivered(attempt(verdict.status), now));
  if (verdict.kind === 'gone') {
    deps.log(`[survey-proxy] ${name}: HTTP 410 Gone, endpoint disabled`);
    return settled(await store.webhooks.markFailed(attempt(verdict.status, 'HTTP 410 Gone'), now, { disableEndpoint: true }));
  }
  const step = retryStep(verdict, job, now, deps);
  if (step.kind === 'again') {
    deps.log(`[survey-proxy] ${name}: attempt ${job.attempts} failed (${verdict.reason}); next at ${step.at.toISOString()}`);
    return settled(await store.webhooks.markAttempt(attempt(verdict.status, verdict.reason), step.at));
  }
  deps.log(`[survey-proxy] ${name}: given up, ${step.reason}`);
  return settled(await store.webhooks.markFailed(attempt(verdict.status, step.reason), now));
}

/**
 * Renders and stores the body of a delivery's first attempt, the event's
 * `timestamp` being when it was queued; undefined when the subject is gone.
 */
async function fixBody(delivery: WebhookDeliveryRow, deps: WebhookWorkerDeps): Promise<string | undefined> {
  const data = await deps.render(delivery.type as WebhookEventType, delivery.org, delivery.subject_id);
  if (data === undefined) return undefined;
  return deps.store.webhooks.saveBody(delivery.id, JSON.stringify({ type: delivery.type, timestamp: delivery.created_at, data }));
}

/** When to try a failed attempt again, or that it is time to give up: the schedule's call, Retry-After honoured. */
function retryStep(verdict: Extract<WebhookVerdict, { kind: 'retry' }>, job: JobRow, now: Date, deps: WebhookWorkerDeps): { kind: 'again'; at: Date } | { kind: 'give_up'; reason: string } {
  const firstAttemptAt = job.first_attempt_at ? Date.parse(job.first_attempt_at) : now.getTime();
  const outcome = { kind: 'retry' as const, reason: verdict.reason, ...(verdict.afterMs === undefined ? {} : { afterMs: verdict.afterMs }) };
  const step = nextStep(outcome, job.attempts, firstAttemptAt, now.getTime(), deps.schedule ?? WEBHOOK_RETRY_SCHEDULE, deps.random);
  if (step.kind === 'again') return { kind: 'again', at: new Date(step.at) };
  return { kind: 'give_up', reason: step.kind === 'give_up' ? step.reason : 'no retry' };
}

/**
 * Redirects are failures, not followed (the spec's "3xx: Failure"): a POST
 * followed through a 302 becomes a GET whose 200 would count as delivered,
 * and the signed headers would go wherever the redirect pointed.
 */
function withoutRedirects(fetchFn: typeof fetch): typeof fetch {
  return (input, init) => fetchFn(input, { ...init, redirect: 'manual' });
}
