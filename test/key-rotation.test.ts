import { compactVerify, createLocalJWKSet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerServiceKey } from '../src/audit/service-keys.ts';
import { signCheckpoint } from '../src/audit/checkpoint.ts';
import { ephemeralKeys } from '../src/auth/keys.ts';
import { BACKENDS } from './support/database.ts';
import { createTestService, useTestService, type TestService } from './support/service.ts';

const check = (i: number) => ({
  direction: 'inbound',
  text: `Mój numer 600 123 45${i % 10}`,
  channel: { platform: 'facebook', visibility: 'public' },
});

// The service's signing key is rotated: receipts and checkpoints signed with the old key
// must still verify, through /.well-known/jwks.json and the chain walk.
describe.each(BACKENDS)('rotating the service signing key on %s', (backend) => {
  const env = useTestService(backend);
  let rotated: TestService;
  let oldReceipt: string;

  beforeAll(async () => {
    // what the runtime does at start: the current public key goes into the database
    await registerServiceKey(env.db.handle.db, env.svc.keys.service, new Date());
    const token = await env.svc.token('bank-r', ['check']);
    for (let i = 0; i < 6; i++) {
      const res = await env.svc.check(token, check(i));
      oldReceipt = (await res.json()).receipt;
    }
    // a new process with a new signing key on the same database
    rotated = await createTestService(env.db.handle);
    await registerServiceKey(env.db.handle.db, rotated.keys.service, new Date());
    const token2 = await rotated.token('bank-r', ['check']);
    for (let i = 0; i < 6; i++) expect((await rotated.check(token2, check(i))).status).toBe(200);
  });

  it('publishes the old key beside the new one, and old receipts verify with it', async () => {
    const { keys } = await (await rotated.app.request('/.well-known/jwks.json')).json();
    expect(keys.map((k: { kid: string }) => k.kid)).toEqual([
      rotated.keys.service.kid,
      env.svc.keys.service.kid,
    ]);
    expect(keys.every((k: Record<string, unknown>) => !('d' in k))).toBe(true); // public halves only
    const { protectedHeader } = await compactVerify(oldReceipt, createLocalJWKSet({ keys }));
    expect(protectedHeader.kid).toBe(env.svc.keys.service.kid);
  });

  it('verifies a chain whose checkpoints were signed with both keys', async () => {
    const token = await rotated.token('bank-r', ['audit:read']);
    const checkpoints = (
      await (
        await rotated.app.request('/v1/audit/checkpoints', {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()
    ).checkpoints;
    expect(checkpoints).toHaveLength(2); // every 5 events: one by each key
    expect(
      await (
        await rotated.app.request('/v1/audit/verify', {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json(),
    ).toMatchObject({ ok: true, events: 12, checkpoints: 2 });
  });

  it('refuses a checkpoint signed with a key it never published', async () => {
    const stranger = await ephemeralKeys();
    const [last] = await env.db.handle.query<{ seq: string | number; hash: string }>(
      "SELECT seq, hash FROM audit_events WHERE tenant = 'bank-r' ORDER BY seq DESC LIMIT 1",
    );
    await env.db.handle.query(
      'INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws) VALUES ($1, $2, $3, now(), $4)',
      [
        'bank-r',
        11,
        'x',
        signCheckpoint(stranger.service, {
          tenant: 'bank-r',
          seq: 11,
          hash: 'x',
          createdAt: new Date().toISOString(),
        }),
      ],
    );
    expect(last).toBeDefined();
    const token = await rotated.token('bank-r', ['audit:read']);
    expect(
      await (
        await rotated.app.request('/v1/audit/verify', {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json(),
    ).toMatchObject({
      ok: false,
      brokenAt: { seq: 11, reason: 'checkpoint signature does not verify' },
    });
  });
});
