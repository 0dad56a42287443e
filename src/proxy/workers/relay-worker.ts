import { createCredentialCache, type CredentialCache } from '../relay/credential-cache';
import { deliver, type DeliverDeps } from '../relay/deliver';
import { deliverBatch } from '../relay/deliver-batch';
import { toBulkCalls, toBulkOutcomes } from '../relay/adapters/critizr/critizr-adapter';
import { toBatchCall, toBatchOutcomes } from '../relay/adapters/etrusted/etrusted-adapter';
import type { Outcome } from '../relay/relay-adapter';
import type { RelayRequest } from '../relay/relay-request';
import { storedRelayRequest } from '../relay/relay-request-of';
import type { RelayRoute, RelayRoutes } from '../relay/relay-routes';
import { nextStep, type RetrySchedule } from '../relay/retry-schedule';
import type { FeedbackRequestStore, FullFeedbackRequest, RelaySettlement } from '../store/feedback-request-store';
import type { JobRow, JobStore } from '../store/job-store';
import { mapLimit } from './map-limit';
import { createSettleBatcher } from './settle-batcher';
import { readCritizrStatus } from './critizr-status';
import { createWorkerLoop, type WorkerLoop } from './worker-loop';

export interface RelayWorkerDeps {
  jobs: JobStore;
  requests: FeedbackRequestStore;
  routes: RelayRoutes;
  fetch: typeof fetch;
  now: () => Date;
  random?: () => number;
  /** Unique per process: the name on the leases it takes. */
  owner: string;
  leaseMs: number;
  pollMs?: number;
  schedule: RetrySchedule;
  /** The proxy's public address, for the per-request callback URL (Securating's webhook). */
  publicUrl: string;
  credentials?: CredentialCache;
  /** Calls in flight at once; default 16. */
  concurrency?: number;
  timeoutMs?: number;
  /** How long after a Critizr send its status is read back; default 10 minutes. */
  statusDelayMs?: number;
  log?: (message: string) => void;
}

type SystemRoute = Extract<RelayRoute, { adapter: unknown }>;
interface Due {
  job: JobRow;
  request: RelayRequest;
}

/** eTrusted takes a list of invites; this many per call keeps a 207's failures readable. */
const ETRUSTED_BATCH = 100;

/**
 * The relay worker: claims due `relay` jobs (up to 1,000 at once, so
 * Critizr's bulk call can take them together), sends each request through
 * its org's system, and records each outcome with its job in one
 * transaction: sent, again later (per the retry schedule, honouring
 * Retry-After), or not_sent with the system's reason. Also runs `status`
 * jobs, which read a Critizr solicitation's delivery back.
 *
 * @example
 * const worker = createRelayWorker({ jobs: store.jobs, requests: store.feedbackRequests, routes, fetch, now: () => new Date(), owner: 'relay-1', leaseMs: 600_000, schedule: RELAY_RETRY_SCHEDULE, publicUrl });
 * worker.start();
 */
export function createRelayWorker(deps: RelayWorkerDeps): WorkerLoop {
  const withCache = { ...deps, credentials: deps.credentials ?? createCredentialCache() };
  return createWorkerLoop({
    jobs: deps.jobs,
    kinds: ['relay', 'status'],
    owner: deps.owner,
    leaseMs: deps.leaseMs,
    batch: 1000,
    now: deps.now,
    pollMs: deps.pollMs,
    log: deps.log,
    run: (jobs) => runRelayBatch(jobs, withCache),
  });
}

/** Runs one claimed batch to the end, settling every job. Exported for tests. */
export async function runRelayBatch(jobs: readonly JobRow[], deps: RelayWorkerDeps & { credentials: CredentialCache }): Promise<void> {
  const log = deps.log ?? console.error;
  const relayJobs = jobs.filter((j) => j.kind === 'relay');
  const statusJobs = jobs.filter((j) => j.kind === 'status');
  const found = new Map((await deps.requests.byIds([...new Set(jobs.map((j) => j.subject_id))])).map((r) => [r.row.id, r]));
  const settle = (job: JobRow, settlement: RelaySettlement) =>
    deps.requests.settle(job.id, deps.owner, job.subject_id, settlement, deps.now()).then((held) => {
      if (!held) log(`[survey-proxy] relay: lost the lease on job ${job.id} (request ${job.subject_id}); its new holder records the outcome`);
    });
  const record = (job: JobRow, outcome: Outcome, providerName: string) => settle(job, settlementOf(job, outcome, providerName, deps));
  // The outcomes of one call carrying many requests are recorded in one transaction: one commit, not 1,000.
  const recordMany = async (results: { job: JobRow; outcome: Outcome }[], providerName: string) => {
    const items = results.map(({ job, outcome }) => ({ jobId: job.id, requestId: job.subject_id, settlement: settlementOf(job, outcome, providerName, deps) }));
    const held = await deps.requests.settleMany(items, deps.owner, deps.now());
    held.forEach((ok, i) => {
      if (!ok) log(`[survey-proxy] relay: lost the lease on job ${items[i]!.jobId} (request ${items[i]!.requestId}); its new holder records the outcome`);
    });
  };

  // Group what can be sent per org and system; settle at once what cannot be sent.
  const groups = new Map<string, { route: SystemRoute; due: Due[] }>();
  for (const job of relayJobs) {
    const full = found.get(job.subject_id);
    if (!full || full.row.state !== 'pending') {
      await deps.jobs.finish(job.id, deps.owner, deps.now(), 'the request was already settled');
      continue;
    }
    const route = deps.routes.forOrg(full.row.org);
    if (route.provider === 'proxy') {
      await settle(job, { kind: 'sent', detail: 'no system configured: the hosted link is the invitation' });
      continue;
    }
    if (!route.secrets.ok) {
      await record(job, { kind: 'retry', reason: `${route.secrets.missing.join(', ')} not set in the proxy's environment` }, route.provider);
      continue;
    }
    const request = storedRelayRequest(full, callbackUrl(deps.publicUrl, route, full));
    // The org's relay file may have changed since the request was accepted: its rules are checked again.
    const breaches = route.adapter.check(request, route.settings);
    if (breaches.length) {
      await settle(job, { kind: 'not_sent', reason: `${route.provider} would refuse it: ${breaches.map((b) => `${b.field} ${b.error}`).join('; ')}` });
      continue;
    }
    const key = `${full.row.org}\u0000${route.provider}`;
    const group = groups.get(key) ?? { route, due: [] };
    group.due.push({ job, request });
    groups.set(key, group);
  }

  // Single calls finishing together share a commit too.
  const singles = createSettleBatcher<{ job: JobRow; outcome: Outcome; provider: string }>(async (items) => {
    for (const provider of new Set(items.map((i) => i.provider))) await recordMany(items.filter((i) => i.provider === provider), provider);
  });
  const recordOne = (job: JobRow, outcome: Outcome, provider: string) => singles.add({ job, outcome, provider });
  const sends: (() => Promise<void>)[] = [];
  for (const { route, due } of groups.values()) sends.push(...sendsFor(route, due, deps, recordOne, recordMany));
  sends.push(...statusJobs.map((job) => () => readCritizrStatus(job, found.get(job.subject_id), deps)));
  await mapLimit(sends, deps.concurrency ?? 16, (send) => send());
}

/** The sends for one org's system: bulk or batch calls where the system has them, else one call each. */
function sendsFor(
  route: SystemRoute,
  due: Due[],
  deps: RelayWorkerDeps & { credentials: CredentialCache },
  record: (job: JobRow, outcome: Outcome, provider: string) => Promise<void>,
  recordMany: (results: { job: JobRow; outcome: Outcome }[], provider: string) => Promise<void>,
): (() => Promise<void>)[] {
  const delivery: DeliverDeps = { fetch: deps.fetch, now: () => deps.now().getTime(), credentials: deps.credentials, timeoutMs: deps.timeoutMs };
  const cacheKey = `${due[0]!.request.org}/${route.provider}`;
  const jobOf = new Map(due.map((d) => [d.request.id, d.job]));
  const settleAll = (requests: readonly RelayRequest[], outcomes: Outcome[]) =>
    recordMany(requests.map((r, i) => ({ job: jobOf.get(r.id)!, outcome: outcomes[i] ?? { kind: 'retry', reason: 'no outcome for this request in the reply' } })), route.provider);
  const single = ({ job, request }: Due) => async () => record(job, await deliver(route.adapter, request, route.settings, route.secrets.ok ? route.secrets.values : {}, cacheKey, delivery), route.provider);
  const secrets = route.secrets.ok ? route.secrets.values : {};

  if (due.length > 1 && route.provider === 'critizr') {
    // "With this endpoint, you will be able to send up to 1000 solicitations at a time!"
    return toBulkCalls(due.map((d) => d.request), route.settings as never, secrets as never).map(({ call, requests }) => async () => {
      if (requests.length === 1) return single({ job: jobOf.get(requests[0]!.id)!, request: requests[0]! })();
      await settleAll(requests, await deliverBatch(route.adapter, { toCall: () => call, toOutcomes: toBulkOutcomes }, requests, route.settings, secrets, cacheKey, delivery));
    });
  }
  if (due.length > 1 && route.provider === 'etrusted') {
    const chunks: RelayRequest[][] = [];
    for (let i = 0; i < due.length; i += ETRUSTED_BATCH) chunks.push(due.slice(i, i + ETRUSTED_BATCH).map((d) => d.request));
    return chunks.map((requests) => async () => settleAll(requests, await deliverBatch(route.adapter, { toCall: toBatchCall as never, toOutcomes: toBatchOutcomes }, requests, route.settings, secrets, cacheKey, delivery)));
  }
  return due.map(single);
}

/** What an attempt's outcome means for its job, per the retry schedule. */
function settlementOf(job: JobRow, outcome: Outcome, provider: string, deps: RelayWorkerDeps): RelaySettlement {
  const now = deps.now();
  const firstAttemptAt = job.first_attempt_at ? new Date(job.first_attempt_at).getTime() : now.getTime();
  const step = nextStep(outcome, job.attempts, firstAttemptAt, now.getTime(), deps.schedule, deps.random);
  if (step.kind === 'again') return { kind: 'again', at: new Date(step.at), reason: `${provider}: ${step.reason}` };
  if (step.kind === 'give_up') return { kind: 'not_sent', reason: `${provider}: ${step.reason}` };
  const followUp = provider === 'critizr' && step.outcome.providerId
    ? { kind: 'status' as const, org: job.org, subjectId: job.subject_id, dueAt: new Date(now.getTime() + (deps.statusDelayMs ?? 600_000)) }
    : undefined;
  return { kind: 'sent', providerId: step.outcome.providerId, detail: `${provider}${step.outcome.providerId ? ` id ${step.outcome.providerId}` : ''}`, followUp };
}

/** Where a system may call back about one request; only Securating does. */
function callbackUrl(publicUrl: string, route: SystemRoute, full: FullFeedbackRequest): string | null {
  return route.provider === 'securating' ? `${publicUrl}/relay/securating/${full.row.callback_token}` : null;
}
