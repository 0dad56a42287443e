import type { RelayRequest } from '../../../src/proxy/relay/relay-request';

/** The seed's own POST /feedback_requests example, as adapters receive it. */
export function relayRequest(overrides: Partial<RelayRequest> = {}): RelayRequest {
  return {
    id: 208073,
    org: 'acme',
    channel: 'email',
    email: 'john.smith@example.com',
    phone: null,
    firstName: 'John',
    surname: 'Smith',
    surveyId: 1484,
    emailTemplateId: 10,
    textMessageTemplateId: null,
    reference: '#1041',
    machineId: '8736245',
    sendAt: '2023-08-20T17:00:00.000Z',
    data: SEED_FEEDBACK_REQUEST_BODY.data.map((d) => ({ ...d })),
    reminders: [
      { sendAt: '2023-08-27T17:00:00.000Z', emailTemplateId: 11, textMessageTemplateId: null },
      { sendAt: '2023-09-01T17:00:00.000Z', emailTemplateId: 12, textMessageTemplateId: null },
    ],
    callbackUrl: 'https://proxy.example/relay/securating/9f86d081884c7d659a2feaa0c55ad015',
    ...overrides,
  };
}

/** The seed's "Create a feedback request" EXAMPLE REQUEST body, as the merchant posts it. */
export const SEED_FEEDBACK_REQUEST_BODY = {
  email: 'john.smith@example.com',
  send_at: '2023-08-20T18:00:00+0100',
  survey_id: 1484,
  email_template_id: 10,
  first_name: 'John',
  surname: 'Smith',
  reference: '#1041',
  machine_id: '8736245',
  data: [
    { key: 'staff_code', value: 'luke' },
    { key: 'site_code', value: 'newcastle' },
    { key: 'category', value: 'api-support' },
    { key: 'ticket_date', value: '20th Aug 2023' },
  ],
  reminders: [
    { email_template_id: 11, send_at: '2023-08-27T18:00:00+0100' },
    { email_template_id: 12, send_at: '2023-09-01T18:00:00+0100' },
  ],
};
