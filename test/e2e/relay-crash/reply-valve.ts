import type { FakeServerOptions, RecordedCall } from '../../fakes/fake-server';

/** One invitation Customer Radar acted on, and what became of its reply. */
export interface ActedOn {
  email: string;
  /** Its reply was held by the closed valve. */
  held: boolean;
  /** The reply reached an open connection (true), or the connection closed first (false); unset while in flight. */
  written?: boolean;
}

export interface ReplyValve {
  /** For the fake's `server` option. */
  server: FakeServerOptions;
  /** Every invitation the fake accepted, in order of arrival. */
  actedOn: ActedOn[];
  /** True from the `closeAfter`-th invitation until `open()`. */
  readonly closed: boolean;
  /** Lets every held reply go, and no later one is held. */
  open(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Slows a Customer Radar fake down like a real network (each reply after
 * `delayMs()`, so many calls are in flight at once), and from the
 * `closeAfter`-th invitation on holds every invitation's reply: the fake
 * has acted (the invitation is stored, the customer would be mailed) but the
 * proxy hears nothing. A proxy killed then has lost exactly the held replies,
 * and every reply written before is one it had time to record, so a test can
 * count lost replies exactly instead of racing the kill.
 */
export function createReplyValve({ closeAfter, delayMs }: { closeAfter: number; delayMs: () => number }): ReplyValve {
  const actedOn: ActedOn[] = [];
  const byCall = new Map<RecordedCall, ActedOn>();
  let state: 'flowing' | 'closed' | 'open' = 'flowing';
  let release = () => {};
  const opened = new Promise<void>((resolve) => (release = resolve));

  return {
    actedOn,
    get closed() {
      return state === 'closed';
    },
    open() {
      state = 'open';
      release();
    },
    server: {
      async beforeReply(call) {
        if (call.path === '/invitation' && call.outcome === 200) {
          const body = JSON.parse(call.body) as { sendData: { email: string }[] };
          const invitation: ActedOn = { email: body.sendData[0]!.email, held: false };
          actedOn.push(invitation);
          byCall.set(call, invitation);
          if (state === 'flowing' && actedOn.length >= closeAfter) state = 'closed';
          if (state === 'closed') {
            invitation.held = true;
            await opened;
            return;
          }
        }
        await sleep(delayMs());
      },
      afterReply(call, written) {
        const invitation = byCall.get(call);
        if (invitation) invitation.written = written;
      },
    },
  };
}
