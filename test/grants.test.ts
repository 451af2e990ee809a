import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeBefore } from '../src/audit/retention.ts';
import { openPostgres } from '../src/db/client.ts';
import { BACKENDS } from './support/database.ts';
import {
  createTestService,
  steppingClock,
  useTestService,
  type TestService,
} from './support/service.ts';

const check = (text: string) => ({
  direction: 'inbound',
  text,
  channel: { platform: 'facebook', visibility: 'public' },
  thread: { id: 't-1' },
});

// The service's database role may read and append, and nothing else: not even with the
// purge flag set or the triggers' table altered. Retention goes through the owner's function.
describe.each(BACKENDS)('the sargas_writer role on %s', (backend) => {
  const env = useTestService(backend);
  /** Runs statements as sargas_writer in one transaction; resolves to the error, if any. */
  const asWriter = (...statements: string[]) =>
    env.db.handle
      .transaction(async (q) => {
        await q('SET LOCAL ROLE sargas_writer');
        for (const s of statements) await q(s);
      })
      .then(
        () => null,
        (err: Error) => err.message,
      );

  beforeAll(async () => {
    const token = await env.svc.token('bank-g', ['check']);
    for (let i = 0; i < 3; i++)
      expect((await env.svc.check(token, check(`Mój numer 600 123 45${i}`))).status).toBe(200);
  });

  it('may read and append', async () => {
    expect(
      await asWriter(
        "SELECT count(*) FROM audit_events WHERE tenant = 'bank-g'",
        "INSERT INTO audit_reviews VALUES ('rv-g', 'bank-g', 'e', 'confirmed', 'n', 'me', now())",
      ),
    ).toBeNull();
  });

  it('may take a sink’s lease and move its cursors (docs/sinks.md), not remove them', async () => {
    expect(
      await asWriter(
        "INSERT INTO audit_sink_leases VALUES ('s', 'me', now()) ON CONFLICT (sink) DO UPDATE SET until = now()",
        "INSERT INTO audit_sink_cursors VALUES ('s', 'bank-g', 1, now()) ON CONFLICT (sink, tenant) DO UPDATE SET seq = 2",
        "UPDATE audit_sink_cursors SET seq = 3 WHERE sink = 's' AND tenant = 'bank-g'",
      ),
    ).toBeNull();
    expect(await asWriter("DELETE FROM audit_sink_cursors WHERE sink = 's'")).toMatch(
      /permission denied/,
    );
  });

  it('may not change, remove or truncate, with or without the purge flag', async () => {
    expect(
      await asWriter("UPDATE audit_events SET decision = 'allow' WHERE tenant = 'bank-g'"),
    ).toMatch(/permission denied/);
    expect(await asWriter("DELETE FROM audit_events WHERE tenant = 'bank-g'")).toMatch(
      /permission denied/,
    );
    expect(
      await asWriter(
        "SELECT set_config('sargas.purge', 'on', true)",
        "DELETE FROM audit_events WHERE tenant = 'bank-g'",
      ),
    ).toMatch(/permission denied/);
    expect(await asWriter('TRUNCATE audit_events')).toMatch(/permission denied/);
    expect(await asWriter('UPDATE tenant_policies SET version = 9')).toMatch(/permission denied/);
    expect(await asWriter('DELETE FROM audit_checkpoints')).toMatch(/permission denied/);
    expect(await asWriter("UPDATE service_keys SET public_jwk = '{}'")).toMatch(
      /permission denied/,
    );
    expect(await asWriter('DELETE FROM service_keys')).toMatch(/permission denied/);
  });

  it('may not switch the append-only triggers off', async () => {
    expect(
      await asWriter('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only'),
    ).toMatch(/must be owner/);
    expect(await asWriter('DROP TRIGGER audit_events_append_only ON audit_events')).toMatch(
      /must be owner/,
    );
  });

  it('may purge only a range that ends at a stored checkpoint, through the owner’s function', async () => {
    // seq 2 of bank-g has no checkpoint (they come every 5 events in the test service)
    expect(await asWriter("SELECT sargas_purge('bank-g', 2)")).toMatch(
      /must end at an event with a stored checkpoint/,
    );
    const [{ n }] = (await env.db.handle.query<{ n: number | string }>(
      "SELECT count(*) AS n FROM audit_events WHERE tenant = 'bank-g'",
    )) as [{ n: number | string }];
    expect(Number(n)).toBe(3);
  });
});

// A real deployment: the service logs in as its own role, granted sargas_writer only.
describe.runIf(BACKENDS.includes('postgres'))(
  'the service logged in as a role granted sargas_writer',
  () => {
    const env = useTestService('postgres');
    const login = `sargas_test_app_${randomBytes(4).toString('hex')}`;
    const admin = postgres(process.env.TEST_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
    let svc: TestService;
    let close: () => Promise<void>;

    beforeAll(async () => {
      await admin.unsafe(`CREATE ROLE ${login} LOGIN; GRANT sargas_writer TO ${login}`);
      const url = new URL(env.db.url as string);
      url.username = login;
      const handle = openPostgres(url.toString(), { max: 3 });
      close = () => handle.close();
      svc = await createTestService(handle);
    });
    afterAll(async () => {
      await close?.();
      await admin.unsafe(`DROP ROLE IF EXISTS ${login}`);
      await admin.end();
    });

    it('checks, changes policy, reviews, purges through the function, and the chain verifies', async () => {
      const token = await svc.token('bank-l', [
        'check',
        'audit:read',
        'audit:review',
        'audit:admin',
        'policy:admin',
      ]);
      const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      for (let i = 0; i < 6; i++)
        expect((await svc.check(token, check(`Saldo 1${i}0,00 zł`))).status).toBe(200);
      expect(
        (
          await svc.app.request('/v1/policy', {
            method: 'PUT',
            headers: h,
            body: JSON.stringify({ mode: 'monitor' }),
          })
        ).status,
      ).toBe(201);
      const events = (
        await (await svc.app.request('/v1/audit/events?type=check', { headers: h })).json()
      ).events;
      expect(
        (
          await svc.app.request(`/v1/audit/events/${events[0].id}/reviews`, {
            method: 'POST',
            headers: h,
            body: JSON.stringify({ verdict: 'confirmed', note: 'ok' }),
          })
        ).status,
      ).toBe(201);
      const purged = await purgeBefore(
        {
          database: svc.database,
          writer: svc.writer,
          key: svc.keys.service,
          clock: steppingClock(Date.UTC(2030, 0, 1)),
        },
        'bank-l',
        new Date(Date.UTC(2029, 0, 1)),
        'retention',
      );
      expect(purged).toMatchObject({ purged: 8, through: 8 }); // six checks, the policy change and the review (an event of its own)
      expect(
        await (await svc.app.request('/v1/audit/verify', { headers: h })).json(),
      ).toMatchObject({ ok: true, events: 1 }); // the purge event, from the checkpoint
      const [{ user }] = (await svc.database.query<{ user: string }>(
        'SELECT current_user AS user',
      )) as [{ user: string }];
      expect(user).toBe(login);
      await expect(
        svc.database.query("DELETE FROM audit_events WHERE tenant = 'bank-l'"),
      ).rejects.toThrow(/permission denied/);
    });
  },
);

// The usual deployment: the tables' owner is an ordinary role, neither superuser nor able to
// create roles. Its migrations must still apply (the role exists on this cluster already, so
// the grants go through; without CREATEROLE and without the role they would be skipped with a
// notice — checked by hand, see migrations/0004).
describe.runIf(BACKENDS.includes('postgres'))('migrations run by an ordinary owner', () => {
  const suffix = randomBytes(4).toString('hex');
  const owner = `sargas_test_owner_${suffix}`;
  const dbName = `sargas_test_owned_${suffix}`;
  const admin = postgres(process.env.TEST_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });

  afterAll(async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.unsafe(`DROP ROLE IF EXISTS ${owner}`);
    await admin.end();
  });

  it('apply, and the service checks and verifies on them', async () => {
    await admin.unsafe(`CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEROLE`);
    await admin.unsafe(`CREATE DATABASE ${dbName} OWNER ${owner}`);
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.username = owner;
    url.pathname = `/${dbName}`;
    const handle = openPostgres(url.toString(), { max: 2 });
    try {
      await handle.migrate();
      const svc = await createTestService(handle);
      const token = await svc.token('bank-o', ['check', 'audit:read']);
      expect((await svc.check(token, check('Saldo 100,00 zł'))).status).toBe(200);
      expect(
        await (
          await svc.app.request('/v1/audit/verify', {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json(),
      ).toMatchObject({ ok: true, events: 1 });
      const [grant] = (await handle.query<{ ok: boolean }>(
        "SELECT has_table_privilege('sargas_writer', 'audit_events', 'INSERT') AS ok",
      )) as [{ ok: boolean }];
      expect(grant.ok).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
