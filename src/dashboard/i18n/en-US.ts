import type { DashboardStrings } from './en';

/**
 * The dashboard's en-US strings; keys left out fall back to the language, then English.
 * Only where US spelling differs from en (British): "organization". Wording such as
 * "League tables" and "Surname" is left as en has it.
 */
export const enUS: Partial<DashboardStrings> = {
  signInIntro: 'Enter your organization’s API token to see its results. The token is not kept on this device.',
};
