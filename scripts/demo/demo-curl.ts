/** What the demo prints once the proxy listens. */
export interface DemoInstructions {
  /** `http://127.0.0.1:8787` */
  origin: string;
  /** An API token of org acme, or undefined when API_TOKENS names none (then `$TOKEN` stands in). */
  token: string | undefined;
  /** Where the Critizr fake listens, or undefined with DEMO_RELAY=off. */
  relayUrl: string | undefined;
}

/**
 * The lines `npm start` prints after the proxy's own: the token, where the
 * results dashboard is, a curl that creates a feedback request (send_at filled
 * in by the shell, so it stays pasteable), and one that lists it with its
 * state. Pure.
 *
 * @example
 * demoInstructions({ origin: 'http://127.0.0.1:8787', token: 'demo-token-1a2b', relayUrl: 'http://127.0.0.1:8790' })
 */
export function demoInstructions({ origin, token, relayUrl }: DemoInstructions): string[] {
  const headers = [
    `-H 'Accept: application/vnd.customersure.v1+json'`,
    `-H 'User-Agent: demo'`,
    `-H 'Authorization: Token token="${token ?? "'\"$TOKEN\"'"}"'`,
  ].join(' ');
  const body =
    `'{"email":"ann@example.com","send_at":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","survey_id":1484,"email_template_id":10,` +
    `"first_name":"Ann","data":[{"key":"site_code","value":"newcastle"},{"key":"staff_code","value":"luke"}]}'`;
  return [
    relayUrl
      ? `Relay: org acme's feedback requests go to the Critizr contract fake on ${relayUrl} (demo/surveys/acme/_relay.json; DEMO_RELAY=off to leave it out)`
      : 'Relay: DEMO_RELAY=off, so org acme\'s feedback requests wait for a Critizr at the address in demo/surveys/acme/_relay.json',
    token ? `API token for org acme: ${token}` : 'API_TOKENS names no token of org acme: make one with `npm run token -- create acme me` and set TOKEN',
    `Dashboard: ${origin}/dashboard/ (sign in with ${token ? 'the token above' : 'a token of org acme'})`,
    'Create a feedback request:',
    `  curl -s ${headers} -H 'Content-Type: application/json' -d ${body} ${origin}/api/feedback_requests`,
    relayUrl
      ? 'Then see it sent (the newest first; /api/feedback_requests/{id} adds its timeline):'
      : 'Then see it, pending until a Critizr answers (the newest first; /api/feedback_requests/{id} adds its timeline):',
    `  curl -s ${headers} '${origin}/api/feedback_requests?per_page=1'`,
  ];
}
