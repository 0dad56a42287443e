/**
 * "Get a list of invites": a channel's stored invites as the seed's `InviteResponseListDto`, one page
 * at a time. Pure: the fake hands in the invites and the request's URL.
 */
import type { Invite } from './etrusted-rules';

/** An invite the fake accepted, as kept per channel. */
export interface StoredInvite {
  /** "The invite UUID." */
  id: string;
  /** The `batchId` of the 207 that accepted it. */
  batchId: string;
  /** The eTrusted channel ID (a user-defined one is resolved before storing). */
  channelId: string;
  system: string;
  systemVersion: string;
  /** The invite as it was posted (validated). */
  invite: Invite;
  createdAt: number;
  /** `preferredSendTime`, or the time it was scheduled if that was unset or past. */
  scheduledAt: number;
}

export interface ListContext {
  accountRef: string;
  /** "The channel locale that determines the language that is used for this channel." */
  locale: string;
}

// "The desired number of invite objects to be retrieved per page." The seed gives no default and no
// maximum; 20 echoes its own paging example ("displayed in chunks of 20 invites per page").
const DEFAULT_COUNT = 20;

/** The seed's `InviteResponseDto` for a stored invite. Enum values the seed leaves unnamed are marked. */
export function toInviteResponseDto(stored: StoredInvite, context: ListContext): Record<string, unknown> {
  const { invite } = stored;
  const at = new Date(stored.createdAt).toISOString();
  return {
    id: stored.id,
    _object: 'invite',
    // "Automatic invites are triggered by invite rules, while manual invites are triggered manually";
    // one scheduled through this API is not triggered by a rule.
    mode: 'MANUAL',
    // "…asking for feedback either about the service, the transaction's products or for both."
    reviewType: invite.transaction.products?.length ? 'SERVICE_AND_PRODUCT' : 'SERVICE',
    accountRef: context.accountRef,
    channelRef: stored.channelId,
    locale: context.locale,
    customer: {
      id: `${stored.id}-customer`,
      firstName: invite.customer.firstName,
      lastName: invite.customer.lastName,
      email: invite.customer.email,
      preferredLocale: invite.customer.locale,
    },
    // "This property can have the following values: TRUSTBADGE IMPORTER APP_IOS APP_ANDROID REVIEW_COLLECTOR CUSTOM"
    inviteSource: 'CUSTOM',
    transaction: { reference: invite.transaction.reference, date: invite.transaction.date },
    scheduledAt: new Date(stored.scheduledAt).toISOString(),
    template: { id: invite.template.id },
    event: stored.batchId,
    createdAt: at,
    updatedAt: at,
    status: { name: 'SCHEDULED', reason: `scheduled by ${stored.system} ${stored.systemVersion}` },
  };
}

export type ListResult = { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

function matches(stored: StoredInvite, term: string): boolean {
  const { customer, transaction } = stored.invite;
  const haystack = [customer.email, customer.firstName, customer.lastName, transaction.reference];
  return haystack.some((value) => value?.toLowerCase().includes(term.toLowerCase()));
}

/**
 * One page of `invites` for the request at `url`. The seed leaves `after`, `before` and `query`
 * undescribed; read here as cursors ("after is an invite UUID to retrieve the next page") and a
 * search term matched against the customer's name and email and the transaction reference.
 */
export function listInvites(invites: readonly StoredInvite[], url: URL, context: ListContext): ListResult {
  const params = url.searchParams;
  const countParam = params.get('count');
  if (countParam !== null && !/^[1-9]\d*$/.test(countParam)) return { ok: false, message: 'count must be a positive integer' };
  const count = countParam === null ? DEFAULT_COUNT : Number(countParam);
  const after = params.get('after');
  const before = params.get('before');
  if (after !== null && before !== null) return { ok: false, message: 'after and before cannot be combined' };
  const term = params.get('query');
  const list = term ? invites.filter((stored) => matches(stored, term)) : [...invites];
  const cursor = after ?? before;
  const at = cursor === null ? -1 : list.findIndex((stored) => stored.id === cursor);
  if (cursor !== null && at < 0) return { ok: false, message: `${after !== null ? 'after' : 'before'} is not an invite of this list` };
  const start = after !== null ? at + 1 : before !== null ? Math.max(0, at - count) : 0;
  const end = before !== null ? at : start + count;
  const page = list.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  // "Note that the links contain the same query filter parameters that was used in the request."
  const link = (key: 'after' | 'before', id: string) => {
    const next = new URL(url.origin + url.pathname);
    next.searchParams.set('count', String(count));
    if (term) next.searchParams.set('query', term);
    next.searchParams.set(key, id);
    return next.toString();
  };
  const hasNext = last !== undefined && end < list.length;
  const hasPrevious = first !== undefined && start > 0;
  return {
    ok: true,
    body: {
      // "This field has the default value of 0 and will be removed in the future"
      totalElements: 0,
      paging: {
        // "Note that this number might be lower than the count number in the request."
        count: page.length,
        cursor: { after: hasNext ? last.id : undefined, before: hasPrevious ? first.id : undefined },
        links: { next: hasNext ? link('after', last.id) : undefined, previous: hasPrevious ? link('before', first.id) : undefined },
      },
      items: page.map((stored) => toInviteResponseDto(stored, context)),
    },
  };
}
