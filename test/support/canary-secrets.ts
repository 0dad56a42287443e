/**
 * One made-up secret of every kind the proxy holds, for the secrets tour
 * (`test/proxy/secrets-tour.test.ts`); the suite-wide audit greps every
 * recorded reply and log line for them. Long and unlike any real word, so a
 * match is a leak, never chance.
 */
export const CANARY_SECRETS = {
  apiToken: 'canary-api-token-5c1f7e0a93d2b846',
  webhookSecret: 'whsec_canaryWebhookSecret0b7e51d24a',
  critizrToken: 'canary-critizr-token-8e2d4b19f6a0',
  customerRadarPassword: 'canary-radar-password-3f9a1c7e5b2d',
  customerSureToken: 'canary0cs0token0d41c9b7a2e6f3580',
  securatingKey: 'canary-securating-key-6b3e8f0d1a95',
  etrustedClientSecret: 'canary-etrusted-secret-2a7c5e9f13b4',
  signingKey: 'canary-signing-key-4e8b2f6a0c9d71e35a0b8c4d',
  databasePassword: 'canary-db-password-9d0e6c3b7a15',
} as const;
