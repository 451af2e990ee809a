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
