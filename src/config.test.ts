import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeys } from './auth/keys.ts';
import { loadConfig } from './config.ts';

const OLD = 'old-fingerprint-secret-0123456789abcdef';
const NEW = 'new-fingerprint-secret-0123456789abcdef';

describe('fingerprint key rotation settings', () => {
  it('reads the earlier keys, comma-separated, and keeps the current one out of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sargas-keys-'));
    try {
      const config = loadConfig({
        DATA_DIR: dir,
        AUDIT_HMAC_KEY: NEW,
        AUDIT_HMAC_PREVIOUS_KEYS: ` ${OLD} , ${NEW}`,
      });
      expect(config.AUDIT_HMAC_PREVIOUS_KEYS).toEqual([OLD, NEW]);
      const keys = await loadKeys(config);
      const before = await loadKeys(loadConfig({ DATA_DIR: dir, AUDIT_HMAC_KEY: OLD }));
      expect(keys.hmacPrevious.map((k) => k.id)).toEqual([before.hmac.id]);
      expect(keys.hmac.id).not.toBe(before.hmac.id);
      expect(loadConfig({ DATA_DIR: dir }).AUDIT_HMAC_PREVIOUS_KEYS).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a short earlier key without printing it', () => {
    expect(() => loadConfig({ AUDIT_HMAC_PREVIOUS_KEYS: `${OLD},short-secret` })).toThrow(
      /AUDIT_HMAC_PREVIOUS_KEYS: each key must be at least 32 characters/,
    );
    try {
      loadConfig({ AUDIT_HMAC_PREVIOUS_KEYS: `${OLD},short-secret` });
    } catch (err) {
      expect((err as Error).message).not.toContain('short-secret');
      expect((err as Error).message).not.toContain(OLD);
    }
  });
});

describe('sink and care settings', () => {
  const SECRET = 'sink-signing-secret-0123456789abcdef';

  it('reads a webhook, a directory and per-tenant deadlines', () => {
    const config = loadConfig({
      SINK_WEBHOOK_URL: 'https://siem.example/sargas',
      SINK_WEBHOOK_SECRET: SECRET,
      SINK_WEBHOOK_PRIVATE_NETWORKS: '10.0.0.0/8',
      SINK_DIR: '/var/log/sargas',
      SINK_DIR_MAX_BYTES: '1048576',
      CARE_FOLLOW_UP_MINUTES_BY_TENANT: 'bank-a=120, bank-b = 60',
    });
    expect(config).toMatchObject({
      SINK_WEBHOOK_URL: 'https://siem.example/sargas',
      SINK_DIR_MAX_BYTES: 1_048_576,
      SINK_DIR_MAX_SECONDS: 3600,
      SINK_BATCH: 500,
      CARE_FOLLOW_UP_MINUTES: 1440,
      CARE_ALERTS_SWEEP_SECONDS: 0,
    });
    expect([...config.CARE_FOLLOW_UP_MINUTES_BY_TENANT]).toEqual([
      ['bank-a', 120],
      ['bank-b', 60],
    ]);
  });

  it('names each wrong variable, and never prints the secret', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { SINK_WEBHOOK_URL: 'http://siem.example/x', SINK_WEBHOOK_SECRET: SECRET },
        /SINK_WEBHOOK_URL: must be an https URL/,
      ],
      [
        { SINK_WEBHOOK_URL: 'https://siem.example/x' },
        /SINK_WEBHOOK_SECRET: required with SINK_WEBHOOK_URL/,
      ],
      [
        { SINK_WEBHOOK_SECRET: 'short-secret' },
        /SINK_WEBHOOK_SECRET: must be at least 32 characters/,
      ],
      [
        { SINK_WEBHOOK_PRIVATE_NETWORKS: '10.0.0.0/33' },
        /SINK_WEBHOOK_PRIVATE_NETWORKS: must be networks in CIDR/,
      ],
      [{ SINK_DIR_MAX_BYTES: '10' }, /SINK_DIR_MAX_BYTES:/],
      [{ SINK_POLL_MS: 'soon' }, /SINK_POLL_MS:/],
      [{ CARE_FOLLOW_UP_MINUTES: '0' }, /CARE_FOLLOW_UP_MINUTES:/],
      [
        { CARE_FOLLOW_UP_MINUTES_BY_TENANT: 'bank-a:120' },
        /CARE_FOLLOW_UP_MINUTES_BY_TENANT: must be tenant=minutes pairs/,
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env)).toThrow(message);
      try {
        loadConfig(env);
      } catch (err) {
        expect((err as Error).message).not.toContain('short-secret');
      }
    }
  });
});

describe('console sign-in settings', () => {
  it('takes an OpenID Connect provider with its client and callback, and turns pasted tokens off', () => {
    const c = loadConfig({
      OIDC_ISSUER: 'https://login.bank.example/realms/staff',
      OIDC_CLIENT_ID: 'sargas',
      OIDC_REDIRECT_URI: 'https://sargas.bank.example/console/callback',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_ROLE_SCOPES: '{"compliance":["audit:read","audit:review"]}',
    });
    expect(c.consoleDevTokens).toBe(false);
    expect(c.OIDC_ROLE_SCOPES).toEqual({ compliance: ['audit:read', 'audit:review'] });
    expect(c.OIDC_TENANT_CLAIM).toBe('tenant');
    expect(loadConfig({}).consoleDevTokens).toBe(true);
  });
  it('names what is missing or wrong', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.bank.example' })).toThrow(
      /OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_REDIRECT_URI/,
    );
    expect(() => loadConfig({ OIDC_ROLE_SCOPES: '{"x":["check"]}' })).toThrow(/OIDC_ROLE_SCOPES/);
    expect(() => loadConfig({ OIDC_ROLE_SCOPES: 'not json' })).toThrow(/OIDC_ROLE_SCOPES/);
    expect(() => loadConfig({ CONSOLE_DEV_TOKENS: 'yes' })).toThrow(/CONSOLE_DEV_TOKENS/);
  });
});
