/**
 * "Schedule new invites", once the request passed initial validation: each invite is checked and
 * settled on its own, giving the seed's `InvitesResponse` (the body of the 207) and the invites to keep.
 * Pure: ids and the clock come in.
 */
import type { StoredInvite } from './etrusted-invite-list';
import { describeIssues, inviteSchema, parseDateTime, type Invite, type InvitesRequest } from './etrusted-rules';

/** An injected per-invite failure (see `EtrustedFake.failInvites`). */
export interface InviteFailure {
  predicate: (invite: Invite, index: number) => boolean;
  status: number;
  message: string;
}

export interface ScheduleInput {
  request: InvitesRequest;
  /** The eTrusted ID of the channel the request named. */
  channelId: string;
  /** The failures in force for this request. */
  failures: readonly InviteFailure[];
  now: number;
  newId: () => string;
}

export interface ScheduleResult {
  /** The seed's `InvitesResponse`. */
  response: { batchId?: string; successfulInvites: number; failedInvites: Record<string, unknown>[] };
  scheduled: StoredInvite[];
}

/** Settles every invite of `request`. */
export function scheduleInvites({ request, channelId, failures, now, newId }: ScheduleInput): ScheduleResult {
  const batchId = newId();
  const failedInvites: Record<string, unknown>[] = [];
  const scheduled: StoredInvite[] = [];
  request.invites.forEach((raw, index) => {
    // "FailedInvite The invite that was not scheduled. Properties status … reasons": the invite as
    // sent, with "The HTTP status code of the error." and "The reasons, why the invite was not scheduled."
    const echo = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
    const invite = inviteSchema.safeParse(raw);
    if (!invite.success) {
      failedInvites.push({ ...echo, status: 400, reasons: describeIssues(invite.error) });
      return;
    }
    const injected = failures.find((failure) => failure.predicate(invite.data, index));
    if (injected) {
      failedInvites.push({ ...echo, status: injected.status, reasons: [injected.message] });
      return;
    }
    const { system, systemVersion } = request;
    // "If it is not set or the date is in the past, the invite will be scheduled immediately."
    const preferred = invite.data.preferredSendTime === undefined ? now : (parseDateTime(invite.data.preferredSendTime) ?? now);
    const scheduledAt = Math.max(now, preferred);
    scheduled.push({ id: newId(), batchId, channelId, system, systemVersion, invite: invite.data, createdAt: now, scheduledAt });
  });
  const successfulInvites = scheduled.length;
  // "batchId … It will be returned only if some invites were successfully scheduled (successfulInvites>0)."
  return { response: { ...(successfulInvites > 0 ? { batchId } : {}), successfulInvites, failedInvites }, scheduled };
}
