import type { RelayRequest } from './relay-request';

/** One HTTP call, as data: adapters build them, the shared sender makes them. */
export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  /** Already encoded (JSON text or a URL-encoded form). */
  body?: string;
}

/** What came back, as data. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** How a call ended, in the relay's terms. */
export type Outcome =
  /** Accepted; `providerId` is the system's id for it, when it gives one. */
  | { kind: 'sent'; providerId?: string; link?: string }
  /** Worth trying again (network, 5xx, 408, 429); `afterMs` when the system said how long to wait. */
  | { kind: 'retry'; reason: string; afterMs?: number }
  /** Refused for good: the request ends `not_sent` with this reason. */
  | { kind: 'refused'; reason: string }
  /** The credentials were refused: renew them once and try again. */
  | { kind: 'reauthenticate'; reason: string };

/** A rule of the system's seed that a request breaks, as a v1 field error's parts. */
export interface RuleBreach {
  field: string;
  error: 'required' | 'invalid_format' | 'wrong_length' | 'invalid_value' | 'forbidden_value' | 'invalid_date' | 'custom';
  extraInfo: Record<string, unknown>;
}

/** A bearer-style credential and when it stops working (ms since the epoch). */
export interface Credential {
  token: string;
  expiresAt: number;
}

/**
 * One system's translator: pure functions of plain data, tested one seed
 * rule at a time. The shared `deliver` does the HTTP, the credential cache
 * and the retry decision for all of them.
 *
 * `Settings` is the system's part of the org's relay file, `Secrets` the
 * values of the environment variables that file names.
 */
export interface RelayAdapter<Settings, Secrets> {
  readonly provider: string;
  /**
   * The system holds a request until its `send_at` itself, and wants that time still ahead when it
   * is told (CustomerSure: "The time in the future when you'd like the … to be sent"): such a
   * request is relayed as soon as it is accepted, not at `send_at`, when it would be refused.
   */
  readonly relaysAtOnce?: boolean;
  /** The seed's rules, checked before a request is accepted (each breach is a 422 at our API). */
  check(request: RelayRequest, settings: Settings): RuleBreach[];
  /** The call that sends one request. `credential` is present when `login` is. */
  toCall(request: RelayRequest, settings: Settings, secrets: Secrets, credential?: Credential): HttpCall;
  /** What the system's reply means. */
  toOutcome(reply: HttpReply): Outcome;
  /** Systems with a login step: the call that gets a credential, and how to read it. */
  login?: {
    toCall(settings: Settings, secrets: Secrets): HttpCall;
    /** The credential, or why there is none. `now` is ms since the epoch. */
    read(reply: HttpReply, now: number): Credential | Exclude<Outcome, { kind: 'sent' }>;
  };
}
