import { z } from 'zod';
import { CritizrSettingsSchema } from './adapters/critizr/critizr-settings';
import { CustomerRadarSettingsSchema } from './adapters/customer-radar/customer-radar-settings';
import { CustomerSureSettingsSchema } from './adapters/customersure/customersure-settings';
import { EtrustedSettingsSchema } from './adapters/etrusted/etrusted-settings';
import { SecuratingSettingsSchema } from './adapters/securating/securating-settings';

/**
 * `SURVEYS_DIR/{org}/_relay.json`: which system an org's feedback requests
 * are relayed to, and its settings. `provider` picks the system; every other
 * key is that system's (see each adapter's settings file). Secrets are never
 * in the file: it names the environment variables that hold them.
 */
/**
 * The proxy's own channel: no system sends anything; each request is marked
 * sent at once and its hosted link (`/s/{token}`) is for the merchant to pass
 * on. What an org without a relay file gets.
 */
export const ProxyChannelSettingsSchema = z.object({ provider: z.literal('proxy') });

export const RelayFileSchema = z.discriminatedUnion('provider', [
  ProxyChannelSettingsSchema,
  CustomerSureSettingsSchema,
  CritizrSettingsSchema,
  CustomerRadarSettingsSchema,
  SecuratingSettingsSchema,
  EtrustedSettingsSchema,
]);

export type RelayFile = z.infer<typeof RelayFileSchema>;
export type RelayProvider = RelayFile['provider'];
