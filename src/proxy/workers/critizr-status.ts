import { statusToState, toStatusCall } from '../relay/adapters/critizr/critizr-adapter';
import { secretValues } from '../relay/redact-secrets';
import { sendCall } from '../relay/send-call';
import type { FullFeedbackRequest } from '../store/feedback-request-store';
import type { JobRow } from '../store/job-store';
import type { RelayWorkerDeps } from './relay-worker';

/** A solicitation still queued is read again this many times, further apart each time, then left as sent. */
const STATUS_READS = 8;

/**
 * A `status` job: reads a Critizr solicitation back ("send a GET request to
 * see this new solicitation and keep track of its status' evolutions!") and
 * records what it says. Undelivered or failed becomes the request's
 * `delivery_failure` (it was sent; it did not arrive, as the seed's
 * attribute means); queued or dispatching is read again later.
 */
export async function readCritizrStatus(job: JobRow, full: FullFeedbackRequest | undefined, deps: RelayWorkerDeps): Promise<void> {
  const now = deps.now();
  const route = full && deps.routes.forOrg(full.row.org);
  if (!full?.row.provider_id || route?.provider !== 'critizr' || !route.secrets.ok) {
    await deps.jobs.finish(job.id, deps.owner, now, 'nothing to read back: no Critizr id, or the org no longer relays to Critizr');
    return;
  }
  const again = (reason: string) =>
    job.attempts >= STATUS_READS
      ? deps.jobs.finish(job.id, deps.owner, now, `gave up reading the status: ${reason}`)
      : deps.jobs.retry(job.id, deps.owner, new Date(now.getTime() + (deps.statusDelayMs ?? 600_000) * 2 ** (job.attempts - 1)), reason);
  const secrets = route.secrets.values;
  const sent = await sendCall(toStatusCall(full.row.provider_id, route.settings as never, secrets as never), deps.fetch, deps.timeoutMs ?? 10_000, secretValues(secrets));
  if (!sent.ok) {
    await again(sent.reason);
    return;
  }
  const { state, reason = null } = statusToState(sent.reply);
  if (state === 'pending') {
    await again(reason ?? 'still queued');
    return;
  }
  await deps.requests.report(full.row.id, { kind: 'critizr:status', detail: reason ?? undefined, deliveryFailure: state === 'not_sent' ? reason : null }, now);
  await deps.jobs.finish(job.id, deps.owner, now);
}
