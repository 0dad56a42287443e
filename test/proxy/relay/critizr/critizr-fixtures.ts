import { CritizrSettingsSchema, type CritizrSettings } from '../../../../src/proxy/relay/adapters/critizr/critizr-settings';

/** An org's Critizr relay file, as the plain-data tests use it. */
export const CRITIZR_FILE = {
  provider: 'critizr',
  email_sender: 'Acme Support <feedback@acme.example>',
  sms_sender: 'ACME',
  places: { newcastle: '4242' },
  surveys: { '1484': '1337' },
  additional_information: ['staff_code', 'category', 'ticket_date'],
  ignore_reminders: true,
  token_env: 'ACME_CRITIZR_TOKEN',
};

/** The file parsed as the relay parses it, with `overrides` spread over it first. */
export const critizrSettingsWith = (overrides: Record<string, unknown> = {}): CritizrSettings => CritizrSettingsSchema.parse({ ...CRITIZR_FILE, ...overrides });

export const CRITIZR_SECRETS = { token: 'tok-123' };
