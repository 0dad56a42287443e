/**
 * A contract fake of eTrusted's Invites API, read from `/work/shared/seeds/etrusted-invites-api.txt`:
 * "Schedule new invites" (POST /invites, a 207 that settles each invite on its own), "Get a list of
 * invites" (GET /channels/{id}/invites), and an OAuth2 client-credentials token endpoint the seed
 * points to but does not document. Every rule quotes the seed sentence it comes from.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { startFakeServer, type FakeServer } from '../fake-server';
import { listInvites, type StoredInvite } from './etrusted-invite-list';
import { createTokenStore, requireBearer, tokenEndpoint } from './etrusted-oauth';
import { describeIssues, invitesRequestSchema, isEtrustedChannelId, type Invite } from './etrusted-rules';
import { scheduleInvites, type InviteFailure } from './etrusted-schedule';

export type { StoredInvite } from './etrusted-invite-list';
export type { Invite, InvitesRequest } from './etrusted-rules';

export const ETRUSTED_CLIENT_ID = 'fake-etrusted-client';
export const ETRUSTED_CLIENT_SECRET = 'fake-etrusted-secret';
export const ETRUSTED_AUDIENCE = 'https://api.etrusted.com';
export const ETRUSTED_TOKEN_PATH = '/oauth/token';
export const ETRUSTED_CHANNEL_ID = 'chl-2a4f6c1e-7b3d-4e59-8a10-3c5d7e9f1b20';
export const ETRUSTED_USER_DEFINED_CHANNEL_ID = 'my-shop-de';
export const ETRUSTED_ACCOUNT_REF = 'a1b2c3d4-0000-4000-8000-00000000e7d1';

/** A channel the fake's account owns. */
export interface EtrustedChannel {
  /** The ID eTrusted assigned: `chl-` and a UUID. */
  id: string;
  /** The user-defined ID that `channel.type: 'user_defined'` and the `Channel-Id` header refer to. */
  userDefinedId?: string;
  /** The channel locale (default `de_DE`). */
  locale?: string;
}

export interface EtrustedFakeOptions {
  clientId?: string;
  clientSecret?: string;
  /** The audience tokens must be asked for (default {@link ETRUSTED_AUDIENCE}); `null` takes none. */
  audience?: string | null;
  /** Where the token endpoint listens (default {@link ETRUSTED_TOKEN_PATH}). */
  tokenPath?: string;
  /** `expires_in` of every token (default 3600). */
  tokenLifetimeSeconds?: number;
  /** The channels the account owns (default one: {@link ETRUSTED_CHANNEL_ID} / {@link ETRUSTED_USER_DEFINED_CHANNEL_ID}). */
  channels?: EtrustedChannel[];
  /** The clock, in ms, for token expiry and scheduling (default `Date.now`). */
  now?: () => number;
}

export interface EtrustedFake {
  /** The loopback server: `url` is the API base, `calls` every request, `failNext` whole-request faults. */
  server: FakeServer;
  /** The token endpoint's full URL. */
  tokenUrl: string;
  /** Invites accepted so far, per eTrusted channel ID, in the order they came. */
  invites: Map<string, StoredInvite[]>;
  /** Ends the life of every token issued so far: the next API call with one answers 401. */
  expireTokens(): void;
  /**
   * Fails, inside the 207, every invite `predicate` picks in the next `times` (default 1) InvitesRequests
   * that pass initial validation, with this `status` and `message` as its one reason.
   */
  failInvites(predicate: (invite: Invite, index: number) => boolean, status: number, message: string, options?: { times?: number }): void;
  close(): Promise<void>;
}

interface QueuedFailure extends InviteFailure {
  left: number;
}

/** The seed's `ErrorResponse`: "Message string Error message details". */
function errorResponse(c: Context, status: 400 | 403 | 404 | 415, message: string): Response {
  return c.json({ Message: message }, status);
}

/**
 * Starts the fake on loopback.
 *
 * @example
 * const etrusted = await startEtrustedFake({ now: () => clock });
 * const relay = createEtrustedRelay({ apiUrl: etrusted.server.url, tokenUrl: etrusted.tokenUrl });
 */
export async function startEtrustedFake(options: EtrustedFakeOptions = {}): Promise<EtrustedFake> {
  const now = options.now ?? Date.now;
  const channels = options.channels ?? [{ id: ETRUSTED_CHANNEL_ID, userDefinedId: ETRUSTED_USER_DEFINED_CHANNEL_ID }];
  for (const channel of channels) {
    if (!isEtrustedChannelId(channel.id)) throw new Error(`etrusted fake: channel id ${channel.id} is not chl-<uuid>`);
  }
  const tokenPath = options.tokenPath ?? ETRUSTED_TOKEN_PATH;
  const tokens = createTokenStore(now, options.tokenLifetimeSeconds ?? 3600);
  const invites = new Map<string, StoredInvite[]>();
  const failures: QueuedFailure[] = [];

  const app = new Hono();
  app.post(
    tokenPath,
    tokenEndpoint(
      {
        clientId: options.clientId ?? ETRUSTED_CLIENT_ID,
        clientSecret: options.clientSecret ?? ETRUSTED_CLIENT_SECRET,
        audience: options.audience === undefined ? ETRUSTED_AUDIENCE : options.audience,
      },
      tokens,
    ),
  );
  // "401 - Unauthorized" on both endpoints; "token | An authorisation header … see OAuth2." The GET's
  // 401, 403 and 404 have no documented body; they carry the POST's ErrorResponse too.
  app.use('/invites', requireBearer(tokens));
  app.use('/channels/*', requireBearer(tokens));

  // "Schedule new invites … Body Content-Type application/json InvitesRequest". The seed gives this
  // endpoint no path (the GET's is /channels/{channelId}/invites); POST /invites is eTrusted's own.
  app.post('/invites', async (c) => {
    // "Content-Type … application/json". Anything else is refused before the body is read; the seed
    // documents no status for it, so the one a real service answers: 415 Unsupported Media Type.
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
      return errorResponse(c, 415, 'Content-Type must be application/json');
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      // "400 - Bad Request … ErrorResponse": "The response, if the authorization or initial validation failed."
      return errorResponse(c, 400, 'body is not valid JSON');
    }
    const parsed = invitesRequestSchema.safeParse(body);
    if (!parsed.success) return errorResponse(c, 400, describeIssues(parsed.error).join('; '));
    const request = parsed.data;
    // "…either user_defined if you defined the channel id yourself or etrusted if it was generated by the
    // eTrusted system". A channel the account does not own fails initial validation: 400, the only
    // client error the seed documents for this endpoint besides 401.
    const channel = channels.find((known) => (request.channel.type === 'etrusted' ? known.id : known.userDefinedId) === request.channel.id);
    if (!channel) return errorResponse(c, 400, `channel ${request.channel.id} (${request.channel.type}) is not a channel of this account`);

    const active = failures.filter((failure) => failure.left > 0);
    for (const failure of active) failure.left -= 1;
    const { response, scheduled } = scheduleInvites({ request, channelId: channel.id, failures: active, now: now(), newId: randomUUID });
    const kept = invites.get(channel.id) ?? [];
    invites.set(channel.id, kept);
    kept.push(...scheduled);
    // "207 - Multi-Status … application/json InvitesResponse"
    return c.json(response, 207);
  });

  // "This method retrieves the list of review invites by channel ID."
  app.get('/channels/:id/invites', (c) => {
    const id = c.req.param('id');
    const named = c.req.header('Channel-Id');
    // "Channel-Id contains the user-defined channel name. … If using this header, the channel ID in the
    // path must be set to "user-defined"." The seed gives no status for breaking this; 400 is chosen.
    if (named !== undefined && id !== 'user-defined') {
      return errorResponse(c, 400, 'with a Channel-Id header the path must say user-defined');
    }
    const channel =
      id === 'user-defined'
        ? channels.find((known) => named !== undefined && known.userDefinedId === named)
        : channels.find((known) => known.id === id);
    if (!channel) {
      // "Note that this must be the channel ID that was assigned by eTrusted and not a user-defined ID."
      // A well-formed eTrusted ID outside this account may be another account's: "403 - Forbidden".
      // Anything else names no channel at all: "404 - Not Found".
      if (isEtrustedChannelId(id)) return errorResponse(c, 403, `channel ${id} is not a channel of this account`);
      return errorResponse(c, 404, `no channel ${id === 'user-defined' ? (named ?? '(Channel-Id missing)') : id}`);
    }
    const context = { accountRef: ETRUSTED_ACCOUNT_REF, locale: channel.locale ?? 'de_DE' };
    const result = listInvites(invites.get(channel.id) ?? [], new URL(c.req.url), context);
    // The seed documents no status for bad query parameters; 400, as for the POST's initial validation.
    if (!result.ok) return errorResponse(c, 400, result.message);
    // "200 - The list of invites. … application/json InviteResponseListDto"
    return c.json(result.body, 200);
  });

  const server = await startFakeServer(app.fetch);
  return {
    server,
    tokenUrl: `${server.url}${tokenPath}`,
    invites,
    expireTokens: () => tokens.expireAll(),
    failInvites(predicate, status, message, { times = 1 } = {}) {
      failures.push({ predicate, status, message, left: times });
    },
    close: () => server.close(),
  };
}
