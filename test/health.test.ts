import { describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/client.ts';
import { createTestDatabase } from './support/database.ts';
import { createTestService } from './support/service.ts';

describe('health and readiness', () => {
  it('is ready with the database reachable and every migration applied', async () => {
    const db = await createTestDatabase('pglite');
    const svc = await createTestService(db.handle);
    expect(await (await svc.app.request('/readyz')).json()).toMatchObject({ status: 'ready', database: 'pglite', migrations: 4 });
    expect((await svc.app.request('/healthz')).status).toBe(200);
    const metrics = await (await svc.app.request('/metrics')).text();
    expect(metrics).toContain('sargas_checks_total');
    expect(metrics).toContain('sargas_audit_commit_seconds_bucket');
    await db.handle.close();
    const down = await svc.app.request('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'not_ready', reason: 'database unreachable' });
  });

  it('is not ready before the migrations ran', async () => {
    const handle = await openPglite();
    try {
      await handle.query('CREATE SCHEMA drizzle');
      await handle.query('CREATE TABLE drizzle.__drizzle_migrations (id serial, hash text, created_at bigint)');
      const svc = await createTestService(handle);
      const res = await svc.app.request('/readyz');
      expect(res.status).toBe(503);
      expect((await res.json()).reason).toMatch(/migrations applied: 0 of 4/);
    } finally {
      await handle.close();
    }
  });

  it('refuses an identity provider key set fetched over plain http', async () => {
    const db = await createTestDatabase('pglite');
    try {
      const svc = await createTestService(db.handle);
      const token = await svc.token('t', ['policy:admin']);
      const res = await svc.app.request('/v1/policy', {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ identityProvider: { issuer: 'i', audience: 'a', jwksUrl: 'http://169.254.169.254/keys' } }),
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/identityProvider\.jwksUrl/);
    } finally {
      await db.drop();
    }
  });
});
