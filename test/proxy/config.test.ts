import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, DEFAULT_SERVER_LIMITS, RATE_LIMITS_OFF, readConfig } from '../../src/proxy/config';

const repo = resolve(import.meta.dirname, '../..');

describe('readConfig()', () => {
  it('defaults to loopback port 8787 with the repo demo surveys, data file and built widget', () => {
    expect(readConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      surveysDir: resolve(repo, 'demo/surveys'),
      databasePath: resolve(repo, 'data/responses.sqlite'),
      databaseUrl: undefined,
      allowedOrigins: [],
      widgetScriptPath: resolve(repo, 'dist/survey_widget.js'),
      demoDir: resolve(repo, 'demo'),
      dashboardDir: resolve(repo, 'dist/dashboard'),
      apiTokens: [],
      publicUrl: undefined,
      secrets: expect.any(Function),
      relay: { leaseMs: 600_000, deadlineMs: 3 * 86_400_000, pollMs: 1000 },
      trustProxy: 0,
      rateLimits: { windowSeconds: 60, responsesPerIp: 60, responsesPerOrg: 6000, apiPerIp: 600, apiPerOrg: 1200, signInPerIp: 10 },
      server: { maxConnections: 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 },
    });
  });

  it('takes every setting from the environment', () => {
    const config = readConfig({
      PORT: '8799',
      HOST: '0.0.0.0',
      SURVEYS_DIR: '/srv/surveys',
      DATABASE_PATH: '/var/lib/proxy/db.sqlite',
      DATABASE_URL: 'postgres://proxy:pw@db.internal:5432/feedback',
      ALLOWED_ORIGINS: 'https://shop.example, http://localhost:5173',
      WIDGET_SCRIPT_PATH: '/srv/widget.js',
      DEMO_DIR: '/srv/demo',
      DASHBOARD_DIR: '/srv/dashboard',
      API_TOKENS: 'acme:tok1-secret, beta:tok2-secret',
      PUBLIC_URL: 'https://feedback.shop.example/',
      RELAY_LEASE_SECONDS: '30',
      RELAY_DEADLINE_HOURS: '2',
      RELAY_POLL_MS: '250',
      ACME_CRITIZR_TOKEN: 'crit-secret',
      TRUST_PROXY: '2',
      RATE_LIMIT_WINDOW_SECONDS: '30',
      RATE_LIMIT_RESPONSES_PER_IP: '7',
      RATE_LIMIT_RESPONSES_PER_ORG: '70',
      RATE_LIMIT_API_PER_IP: '8',
      RATE_LIMIT_API_PER_ORG: '80',
      RATE_LIMIT_SIGN_IN_PER_IP: '0',
      MAX_CONNECTIONS: '64',
      HEADERS_TIMEOUT_SECONDS: '1.5',
      REQUEST_TIMEOUT_SECONDS: '4',
      KEEP_ALIVE_TIMEOUT_SECONDS: '65',
    });
    expect(config.secrets('ACME_CRITIZR_TOKEN')).toBe('crit-secret');
    expect(config.secrets('NOT_SET')).toBeUndefined();
    expect(config).toEqual({
      port: 8799,
      host: '0.0.0.0',
      surveysDir: '/srv/surveys',
      databasePath: '/var/lib/proxy/db.sqlite',
      databaseUrl: 'postgres://proxy:pw@db.internal:5432/feedback',
      allowedOrigins: ['https://shop.example', 'http://localhost:5173'],
      widgetScriptPath: '/srv/widget.js',
      demoDir: '/srv/demo',
      dashboardDir: '/srv/dashboard',
      apiTokens: [{ org: 'acme', token: 'tok1-secret' }, { org: 'beta', token: 'tok2-secret' }],
      publicUrl: 'https://feedback.shop.example',
      secrets: expect.any(Function),
      relay: { leaseMs: 30_000, deadlineMs: 2 * 3_600_000, pollMs: 250 },
      trustProxy: 2,
      rateLimits: { windowSeconds: 30, responsesPerIp: 7, responsesPerOrg: 70, apiPerIp: 8, apiPerOrg: 80, signInPerIp: 0 },
      server: { maxConnections: 64, headersTimeoutMs: 1500, requestTimeoutMs: 4000, keepAliveTimeoutMs: 65_000 },
    });
  });

  it.each(['acme', 'acme:', ':tok1-secret', 'acme:short', 'acme:has space', 'acme:"quoted-token"', 'bad org:tok1-secret'])(
    'refuses API_TOKENS=%s naming the entry, never echoing the token',
    (raw) => {
      expect(() => readConfig({ API_TOKENS: raw })).toThrow('API_TOKENS entry 1 must be org:token');
      try {
        readConfig({ API_TOKENS: raw });
      } catch (error) {
        expect((error as Error).message).not.toContain('secret');
      }
    },
  );

  it('allows any origin when ALLOWED_ORIGINS is *', () => {
    expect(readConfig({ ALLOWED_ORIGINS: '*' }).allowedOrigins).toBe('*');
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ PORT: '', ALLOWED_ORIGINS: ' ' })).toMatchObject({ port: 8787, allowedOrigins: [] });
  });

  it('accepts port 0 so tests can ask the OS for a free port', () => {
    expect(readConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each(['postgress://u:secret-pw@db/x', 'mysql://u:secret-pw@db/x', 'db.internal/feedback'])('refuses DATABASE_URL=%s without repeating it (it may hold a password)', (raw) => {
    expect(() => readConfig({ DATABASE_URL: raw })).toThrow('DATABASE_URL must be a PostgreSQL URL');
    expect(() => readConfig({ DATABASE_URL: raw })).not.toThrow(/secret-pw/);
  });

  it.each(['http', '-1', '80.5', '65536', '1e3'])('refuses PORT=%s with a clear message', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(`PORT must be an integer from 0 to 65535, got "${port}"`);
  });

  it.each(['https://shop.example/', 'shop.example', 'https://shop.example/path'])(
    'refuses an allowed origin that could never match exactly: %s',
    (origin) => {
      expect(() => readConfig({ ALLOWED_ORIGINS: origin })).toThrow('ALLOWED_ORIGINS entries must be exact origins');
    },
  );
});

describe('readConfig() relay settings', () => {
  it.each([
    ['PUBLIC_URL', 'ftp://x.example', 'PUBLIC_URL must be an http(s) URL'],
    ['PUBLIC_URL', 'not a url', 'PUBLIC_URL must be an http(s) URL'],
    ['RELAY_LEASE_SECONDS', '0', 'RELAY_LEASE_SECONDS must be a number from 1 to 86400'],
    ['RELAY_DEADLINE_HOURS', 'soon', 'RELAY_DEADLINE_HOURS must be a number'],
    ['RELAY_POLL_MS', '5', 'RELAY_POLL_MS must be a number from 10 to 60000'],
  ])('refuses %s=%s with a clear message', (name, raw, message) => {
    expect(() => readConfig({ [name]: raw })).toThrow(message);
  });
});

describe('readConfig() abuse limits and server timeouts', () => {
  it('ships the documented defaults', () => {
    const config = readConfig({});
    expect(config.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(config.server).toEqual(DEFAULT_SERVER_LIMITS);
  });

  it.each(['off', 'OFF', ' off '])('turns every rate limit off with RATE_LIMITS=%s, whatever the single limits say', (raw) => {
    expect(readConfig({ RATE_LIMITS: raw, RATE_LIMIT_RESPONSES_PER_IP: '5' }).rateLimits).toEqual(RATE_LIMITS_OFF);
  });

  it('keeps the limits with RATE_LIMITS=on', () => {
    expect(readConfig({ RATE_LIMITS: 'on' }).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
  });

  it('turns one limit off with 0 and keeps the others', () => {
    expect(readConfig({ RATE_LIMIT_SIGN_IN_PER_IP: '0' }).rateLimits).toEqual({ ...DEFAULT_RATE_LIMITS, signInPerIp: 0 });
  });

  it.each([
    ['TRUST_PROXY', 'true', 'TRUST_PROXY must be a whole number from 0 to 10, got "true"'],
    ['TRUST_PROXY', '11', 'TRUST_PROXY must be a whole number from 0 to 10'],
    ['TRUST_PROXY', '-1', 'TRUST_PROXY must be a whole number'],
    ['RATE_LIMITS', 'no', 'RATE_LIMITS must be on or off, got "no"'],
    ['RATE_LIMIT_WINDOW_SECONDS', '0', 'RATE_LIMIT_WINDOW_SECONDS must be a whole number from 1 to 86400'],
    ['RATE_LIMIT_WINDOW_SECONDS', '1.5', 'RATE_LIMIT_WINDOW_SECONDS must be a whole number'],
    ['RATE_LIMIT_RESPONSES_PER_IP', 'lots', 'RATE_LIMIT_RESPONSES_PER_IP must be a whole number from 0'],
    ['RATE_LIMIT_RESPONSES_PER_ORG', '-5', 'RATE_LIMIT_RESPONSES_PER_ORG must be a whole number from 0'],
    ['RATE_LIMIT_API_PER_IP', '2.5', 'RATE_LIMIT_API_PER_IP must be a whole number from 0'],
    ['RATE_LIMIT_API_PER_ORG', '1e3', 'RATE_LIMIT_API_PER_ORG must be a whole number from 0'],
    ['RATE_LIMIT_SIGN_IN_PER_IP', 'ten', 'RATE_LIMIT_SIGN_IN_PER_IP must be a whole number from 0'],
    ['MAX_CONNECTIONS', '0', 'MAX_CONNECTIONS must be a whole number from 1 to 1000000'],
    ['HEADERS_TIMEOUT_SECONDS', '0', 'HEADERS_TIMEOUT_SECONDS must be a number from 0.1 to 3600'],
    ['REQUEST_TIMEOUT_SECONDS', 'soon', 'REQUEST_TIMEOUT_SECONDS must be a number from 0.1 to 3600'],
    ['KEEP_ALIVE_TIMEOUT_SECONDS', '0', 'KEEP_ALIVE_TIMEOUT_SECONDS must be a number from 0.1 to 3600'],
  ])('refuses %s=%s with a message naming it', (name, raw, message) => {
    expect(() => readConfig({ [name]: raw })).toThrow(message);
  });

  it('refuses a headers timeout longer than the whole request may take, which node:http would refuse at start', () => {
    expect(() => readConfig({ HEADERS_TIMEOUT_SECONDS: '20', REQUEST_TIMEOUT_SECONDS: '10' })).toThrow(
      'HEADERS_TIMEOUT_SECONDS (20) must not exceed REQUEST_TIMEOUT_SECONDS (10)',
    );
  });
});
