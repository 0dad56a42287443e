/**
 * One made-up secret of every kind the proxy holds, for the secrets tour
 * (`test/proxy/secrets-tour/`); the suite-wide audit greps every
 * recorded reply and log line for them. Long and unlike any real word, so a
 * match is a leak, never chance.
 */
export const CANARY_SECRETS = {
  apiToken: 'canary-api-token-5c1f7e0a93d2b846',
  /** The API token with its last character changed: a guess that must get a 401 without being repeated. */
  apiTokenNearMiss: 'canary-api-token-5c1f7e0a93d2b847',
  webhookSecret: 'whsec_canaryWebhookSecret0b7e51d24a',
  critizrToken: 'canary-critizr-token-8e2d4b19f6a0',
  customerRadarUsername: 'canary-radar-username-71c4e9a0b5d3',
  customerRadarPassword: 'canary-radar-password-3f9a1c7e5b2d',
  customerSureToken: 'canary0cs0token0d41c9b7a2e6f3580',
  securatingKey: 'canary-securating-key-6b3e8f0d1a95',
  etrustedClientId: 'canary-etrusted-client-id-8d5b1f3a6e02',
  etrustedClientSecret: 'canary-etrusted-secret-2a7c5e9f13b4',
  signingKey: 'canary-signing-key-4e8b2f6a0c9d71e35a0b8c4d',
  /** A signing key under the 32 bytes HS256 needs: refused at start-up, by its variable's name. */
  signingKeyShort: 'canary-short-key-7f3a9c',
  databasePassword: 'canary-db-password-9d0e6c3b7a15',
} as const;
