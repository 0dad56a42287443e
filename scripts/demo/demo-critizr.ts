import { CRITIZR_FAKE_CONTEXT_ATTRIBUTES, CRITIZR_FAKE_PLACE, CRITIZR_FAKE_SURVEY, startCritizrFake, type CritizrFake } from '../../test/fakes/critizr/critizr-fake';

/** Where demo/surveys/acme/_relay.json sends org acme's feedback requests. */
export const DEMO_CRITIZR_PORT = 8790;

/**
 * The demo's Critizr account: the contract fake's place and survey, a second
 * survey for support-csat (2166), and context slots enough for everything
 * CustomerSure's example request carries (staff, category, ticket date,
 * reference: up to additional_information_5).
 */
export const DEMO_CRITIZR_ACCOUNT = {
  places: [CRITIZR_FAKE_PLACE],
  surveys: [CRITIZR_FAKE_SURVEY, { id: '1338', name: 'Support follow-up' }],
  contextAttributes: [
    ...CRITIZR_FAKE_CONTEXT_ATTRIBUTES.filter((a) => !a.name.startsWith('additional_information_')),
    ...Array.from({ length: 10 }, (_, i) => ({ name: `additional_information_${i + 1}`, required: false })),
  ],
};

/**
 * Starts the Critizr contract fake with the demo's account on loopback, and
 * logs each solicitation it accepts as one line, so `npm start` shows the
 * relay at work without the internet.
 *
 * @example
 * await startDemoCritizr({ port: DEMO_CRITIZR_PORT, log: console.log });
 * // [critizr-fake] solicitation #1 to ann@example.com (survey 1337, place 4242)
 */
export async function startDemoCritizr({ port, log }: { port: number; log: (line: string) => void }): Promise<CritizrFake> {
  let logged = 0;
  const fake: CritizrFake = await startCritizrFake({
    ...DEMO_CRITIZR_ACCOUNT,
    server: {
      port,
      afterReply: (call, written) => {
        for (const s of fake.solicitations.slice(logged)) {
          log(`[critizr-fake] solicitation #${s.id} to ${s.recipient} (survey ${s.survey}, place ${s.place})${written ? '' : ' - its reply was lost'}`);
        }
        logged = fake.solicitations.length;
        if (typeof call.outcome !== 'number' || call.outcome >= 400) log(`[critizr-fake] answered ${call.method} ${call.path} with ${call.outcome}`);
      },
    },
  });
  return fake;
}
