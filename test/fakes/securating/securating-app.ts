/**
 * Securating's invitation API as a Hono app that never listens: the HTTP wiring
 * of the rules in `securating-rules.ts`. `startSecuratingFake` serves it.
 */
import { Hono } from 'hono';
import { checkEncoding, checkInvitationForm, checkTooSoon, invitationLink, type InvitationRequest, type SecuratingRefusal } from './securating-rules';
import type { WebhookStep } from './securating-webhook';

/** An invitation the fake created. */
export interface SecuratingInvitation {
  /** The token in its link; what `fireWebhook` takes. */
  id: string;
  /** The body the fake answered: the link to collect the review. */
  link: string;
  request: InvitationRequest;
  createdAt: number;
  /** The webhook steps played so far, in order. */
  played: WebhookStep[];
}

export interface SecuratingAppDeps {
  keys: readonly string[];
  profileIds: readonly string[];
  now: () => number;
  newId: () => string;
  /** Where created invitations are kept (the fake's state). */
  invitations: SecuratingInvitation[];
}

const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const refused = ({ status, body }: SecuratingRefusal) => text(status, body);

/**
 * @example
 * const app = createSecuratingApp({ keys: ['k'], profileIds: [], now: Date.now, newId: randomUUID, invitations: [] });
 * await app.request('/invitation/create', { method: 'POST', body: new URLSearchParams({ keywebsite: 'k', … }) });
 */
export function createSecuratingApp(deps: SecuratingAppDeps): Hono {
  const app = new Hono();

  // « https://api.securating.io/invitation/create » « Ces deux API utilisent les mêmes paramètres,
  // qui doivent être envoyés à l’aide d’une requête HTTP POST. » (parameters sent with an HTTP POST;
  // "these two APIs" though only one is named: only `/invitation/create` is served).
  app.post('/invitation/create', async (c) => {
    const encoding = checkEncoding(c.req.header('Content-Type') ?? null);
    if (encoding) return refused(encoding);
    const checked = checkInvitationForm(await c.req.text(), deps);
    if ('refusal' in checked) return refused(checked.refusal);
    const now = deps.now();
    const past = deps.invitations.map(({ request, createdAt }) => ({ keywebsite: request.keywebsite, email: request.email, createdAt }));
    const tooSoon = checkTooSoon(checked.request, past, now);
    if (tooSoon) return refused(tooSoon);
    const id = deps.newId();
    const link = invitationLink(checked.request.url, id);
    deps.invitations.push({ id, link, request: checked.request, createdAt: now, played: [] });
    // `$returnedLink = httpPost(…); echo 'link: <a href="'.$returnedLink.'">…'`: the body is the
    // link itself, nothing around it. Silent on the status and type: 200, text/plain.
    return text(200, link);
  });
  app.all('/invitation/create', () => new Response('error: use POST', { status: 405, headers: { Allow: 'POST' } }));
  app.notFound(() => text(404, 'error: not found'));

  return app;
}
