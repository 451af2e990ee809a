import { Writable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { openPglite } from '../src/db/client.ts';
import { readFileSync } from 'node:fs';
import { createTestDatabase } from './support/database.ts';
import { createTestService } from './support/service.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// how many migrations the project has: the journal drizzle-kit writes
const MIGRATIONS = (
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../migrations/meta/_journal.json', import.meta.url)),
      'utf8',
    ),
  ) as { entries: unknown[] }
).entries.length;

describe('health and readiness', () => {
  it('is ready with the database reachable and every migration applied', async () => {
    const db = await createTestDatabase('pglite');
    const svc = await createTestService(db.handle);
    expect(await (await svc.app.request('/readyz')).json()).toMatchObject({
      status: 'ready',
      database: 'pglite',
      migrations: MIGRATIONS,
    });
    expect((await svc.app.request('/healthz')).status).toBe(200);
    const token = await svc.token('bank-m', ['check']);
    expect(
      (
        await svc.check(token, {
          direction: 'inbound',
          text: 'Dzień dobry',
          channel: { platform: 'x', visibility: 'public' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await svc.check('not-a-token', {
          direction: 'inbound',
          text: 'x',
          channel: { platform: 'x', visibility: 'public' },
        })
      ).status,
    ).toBe(401);
    const metrics = await (await svc.app.request('/metrics')).text();
    expect(metrics).toContain('sargas_checks_total');
    // every check request is timed, refused ones too, in buckets fine around 20 ms
    expect(metrics).toMatch(/^sargas_check_duration_seconds_count 2$/m);
    expect(metrics).toContain('sargas_check_duration_seconds_bucket{le="0.015"}');
    expect(metrics).toContain('sargas_audit_commit_seconds_bucket');
    await db.handle.close();
    const down = await svc.app.request('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'not_ready',
      reason: 'database unreachable',
    });
  });

  it('is not ready before the migrations ran', async () => {
    const handle = await openPglite();
    try {
      await handle.query('CREATE SCHEMA drizzle');
      await handle.query(
        'CREATE TABLE drizzle.__drizzle_migrations (id serial, hash text, created_at bigint)',
      );
      const svc = await createTestService(handle);
      const res = await svc.app.request('/readyz');
      expect(res.status).toBe(503);
      expect((await res.json()).reason).toMatch(
        new RegExp(`migrations applied: 0 of ${MIGRATIONS}`),
      );
    } finally {
      await handle.close();
    }
  });

  it('leaves migrating to `npm run migrate` when MIGRATE_ON_START is false', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sargas-migrate-'));
    const silent = pino({ level: 'silent' });
    const lines: string[] = [];
    const captured = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    try {
      const unmigrated = await openRuntime(
        loadConfig({ DATA_DIR: dir, MIGRATE_ON_START: 'false' }),
        captured,
      );
      // the warning says why: the table is missing (42P01), not only that something failed
      expect(lines.map((l) => JSON.parse(l))).toContainEqual(
        expect.objectContaining({
          msg: 'signing key not recorded yet (migrations missing?)',
          cause: expect.objectContaining({ code: '42P01' }),
        }),
      );
      expect(await (await unmigrated.app.request('/readyz')).json()).toMatchObject({
        status: 'not_ready',
      });
      await unmigrated.database.close();
      const { DATABASE_URL: _none, ...env } = process.env; // embedded PGlite in DATA_DIR
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/db/migrate.ts'], {
        cwd: ROOT,
        env: { ...env, DATA_DIR: dir },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`migrations applied: ${MIGRATIONS}`));
      const migrated = await openRuntime(
        loadConfig({ DATA_DIR: dir, MIGRATE_ON_START: 'false' }),
        silent,
      );
      expect(await (await migrated.app.request('/readyz')).json()).toMatchObject({
        status: 'ready',
        migrations: MIGRATIONS,
      });
      // and the signing key is recorded once the tables exist
      expect(await migrated.database.query('SELECT kid FROM service_keys')).toEqual([
        { kid: migrated.keys.service.kid },
      ]);
      await migrated.database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
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
        body: JSON.stringify({
          identityProvider: { issuer: 'i', audience: 'a', jwksUrl: 'http://169.254.169.254/keys' },
        }),
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/identityProvider\.jwksUrl/);
    } finally {
      await db.drop();
    }
  });
});
