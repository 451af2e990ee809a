import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDraft as adminEvent } from './support/drafts.ts';
import { eventHash } from '../src/audit/chain.ts';
import { AuditWriter } from '../src/audit/writer.ts';
import { registerServiceKey } from '../src/audit/service-keys.ts';
import { ephemeralKeys } from '../src/auth/keys.ts';
import { purgeBefore, sweepRetention } from '../src/audit/retention.ts';
import { PolicyStore } from '../src/stores/policy-store.ts';
import { auditEvents } from '../src/db/schema/index.ts';
import { BACKENDS } from './support/database.ts';
import { steppingClock, useTestService } from './support/service.ts';

/** Real-looking values planted in checked messages; none may be found anywhere in the database afterwards. */
const PLANTED = {
  iban: 'PL61 1090 1014 0000 0712 1981 2874',
  card: '4111 1111 1111 1111',
  pesel: '44051401458',
  phone: '+48 600 123 456',
  email: 'jan.kowalski@example.pl',
  pin: '4821',
  password: 'Kot123!xyz',
  balance: '2 537,19 zł',
  street: 'Marszałkowska 10/5',
  customer: 'fb:100029384756',
  words: 'zielonego parasola',
};

/** Whether `value` occurs in `text` not as part of a longer run of letters and digits (a hash, an id, a signature). */
function containsValue(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9A-Za-z])${escaped}(?![0-9A-Za-z])`).test(text);
}

function variants(value: string): string[] {
  const compact = value.replace(/[\s-]/g, '');
  return [...new Set([value, compact, compact.replace(/^\+/, '')])];
}

describe.each(BACKENDS)('audit log on %s', (backend) => {
  const env = useTestService(backend);
  let token: string;
  const headers = (t: string) => ({ authorization: `Bearer ${t}` });

  beforeAll(async () => {
    token = await env.svc.token('bank-a', ['check', 'audit:read', 'audit:review']);
  });

  it('holds none of the planted values after checks that contained them', async () => {
    const texts = [
      `Mój rachunek ${PLANTED.iban}, karta ${PLANTED.card}, PESEL ${PLANTED.pesel}, mój PIN to ${PLANTED.pin}.`,
      `Zadzwońcie na ${PLANTED.phone} albo piszcie na ${PLANTED.email}, hasło: ${PLANTED.password}`,
      `Saldo wynosi ${PLANTED.balance}, adres ul. ${PLANTED.street}, 00-950 Warszawa, mam ${PLANTED.words}`,
    ];
    const identityToken = await env.svc.identity('bank-a', PLANTED.customer);
    for (const [i, text] of texts.entries()) {
      for (const visibility of ['public', 'private'] as const) {
        for (const direction of ['inbound', 'outbound'] as const) {
          const res = await env.svc.check(
            token,
            {
              direction,
              text,
              channel: { platform: 'facebook', visibility },
              customer: { id: PLANTED.customer, identityToken },
              agent: { id: 'agent-1' },
              thread: { id: `t-${i}` },
            },
            { 'idempotency-key': `k-${i}-${visibility}-${direction}` },
          );
          expect(res.status).toBe(200);
        }
      }
    }
    const { events } = await (
      await env.svc.app.request('/v1/audit/events?limit=1', { headers: headers(token) })
    ).json();
    await env.svc.app.request(`/v1/audit/events/${events[0].id}/reviews`, {
      method: 'POST',
      headers: { ...headers(token), 'content-type': 'application/json' },
      body: JSON.stringify({ verdict: 'confirmed', note: 'checked' }),
    });
    // an officer's lookup of the same values is logged too, without them
    const lookup = await env.svc.app.request('/v1/audit/fingerprints', {
      method: 'POST',
      headers: { ...headers(token), 'content-type': 'application/json' },
      body: JSON.stringify({ text: texts.join(' '), customerId: PLANTED.customer }),
    });
    expect(lookup.status).toBe(200);

    const tables = await env.db.handle.query<{ schemaname: string; tablename: string }>(
      "SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining([
        'audit_events',
        'audit_chain_heads',
        'audit_reviews',
        'tenant_policies',
      ]),
    );
    let dump = '';
    for (const t of tables) {
      const rows = await env.db.handle.query(`SELECT * FROM "${t.schemaname}"."${t.tablename}"`);
      dump += JSON.stringify(rows);
    }
    expect(dump).toContain('account-data-public'); // the dump is real: the decisions are in it
    for (const [name, value] of Object.entries(PLANTED)) {
      // as a value of its own: a four-digit PIN also occurs by chance inside hashes, ids and signatures
      for (const v of variants(value))
        expect(containsValue(dump, v), `${name} (${v}) found in the database`).toBe(false);
    }
    expect(dump).not.toContain(identityToken);
  });

  it('lists events newest first with filters and a cursor', async () => {
    const t = await env.svc.token('bank-list', ['check', 'audit:read']);
    for (const [direction, visibility, text] of [
      ['inbound', 'public', 'Mój PESEL 44051401458'],
      ['outbound', 'public', 'Nasza infolinia: 600 123 456'],
      ['outbound', 'private', 'Dziękujemy, sprawdzimy to.'],
      ['inbound', 'private', 'Mój numer konta PL61 1090 1014 0000 0712 1981 2874'],
    ] as const) {
      await env.svc.check(t, {
        direction,
        text,
        channel: { platform: 'facebook', visibility },
        agent: { id: `agent-${direction}` },
      });
    }
    const get = async (q: string) =>
      (await env.svc.app.request(`/v1/audit/events${q}`, { headers: headers(t) })).json();
    const all = await get('');
    expect(all.events.map((e: { seq: number }) => e.seq)).toEqual([4, 3, 2, 1]);
    expect((await get('?decision=block')).events).toHaveLength(1);
    expect((await get('?kind=national_id')).events[0].kinds).toEqual(['national_id']);
    expect((await get('?direction=inbound&visibility=private')).events).toHaveLength(1);
    expect((await get('?rule=contact-data-public')).events).toHaveLength(1);
    expect((await get('?agent=agent-outbound')).events).toHaveLength(2);
    const page1 = await get('?limit=3');
    expect(page1.events).toHaveLength(3);
    const page2 = await get(`?limit=3&cursor=${page1.nextCursor}`);
    expect(page2.events.map((e: { seq: number }) => e.seq)).toEqual([1]);
    expect(page2.nextCursor).toBeNull();
    const bad = await env.svc.app.request('/v1/audit/events?decision=maybe', {
      headers: headers(t),
    });
    expect(bad.status).toBe(400);
  });

  it('stores reviews and shows them with the event', async () => {
    const t = await env.svc.token('bank-review', ['check', 'audit:read', 'audit:review']);
    const { audit } = await (
      await env.svc.check(t, {
        direction: 'inbound',
        text: 'Mój PIN 1234',
        channel: { platform: 'x', visibility: 'public' },
      })
    ).json();
    const post = await env.svc.app.request(`/v1/audit/events/${audit.id}/reviews`, {
      method: 'POST',
      headers: { ...headers(t), 'content-type': 'application/json' },
      body: JSON.stringify({ verdict: 'false_positive', note: 'order number' }),
    });
    expect(post.status).toBe(201);
    const event = await (
      await env.svc.app.request(`/v1/audit/events/${audit.id}`, { headers: headers(t) })
    ).json();
    expect(event.reviews).toMatchObject([{ verdict: 'false_positive', note: 'order number' }]);
    const bad = await env.svc.app.request(`/v1/audit/events/${audit.id}/reviews`, {
      method: 'POST',
      headers: { ...headers(t), 'content-type': 'application/json' },
      body: JSON.stringify({ verdict: 'meh', note: '' }),
    });
    expect(bad.status).toBe(400);
  });

  it('exports as JSON Lines and CSV, with a signed manifest of what was exported', async () => {
    const t = await env.svc.token('bank-export', ['check', 'audit:read']);
    await env.svc.check(t, {
      direction: 'inbound',
      text: 'Mój PIN 1234',
      channel: { platform: 'x', visibility: 'public' },
    });
    await env.svc.check(t, {
      direction: 'inbound',
      text: 'Dzień dobry',
      channel: { platform: 'x', visibility: 'public' },
    });
    const res = await env.svc.app.request('/v1/audit/export?format=jsonl', { headers: headers(t) });
    expect(res.headers.get('x-sargas-export-through')).toBe('2');
    const lines = (await res.text()).trim().split('\n');
    const last = JSON.parse(lines.pop()!);
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([2, 1]);
    expect(last.manifest).toMatchObject({
      tenant: 'bank-export',
      format: 'jsonl',
      through: 2,
      count: 2,
    });
    const body = `${lines.join('\n')}\n`;
    const { createHash } = await import('node:crypto');
    expect(last.manifest.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    const { keys } = await (await env.svc.app.request('/.well-known/jwks.json')).json();
    const { compactVerify, importJWK } = await import('jose');
    await expect(compactVerify(last.jws, await importJWK(keys[0], 'EdDSA'))).resolves.toBeDefined();

    // a later event does not change an export pinned to `through`
    await env.svc.check(t, {
      direction: 'inbound',
      text: 'Mój PIN 9999',
      channel: { platform: 'x', visibility: 'public' },
    });
    const csv = await (
      await env.svc.app.request('/v1/audit/export?format=csv&decision=warn&through=2', {
        headers: headers(t),
      })
    ).text();
    const rows = csv.trim().split('\n');
    expect(rows[0]).toMatch(/^id,seq,createdAt/);
    expect(rows).toHaveLength(2);
    const { manifest } = await (
      await env.svc.app.request('/v1/audit/export/manifest?format=csv&decision=warn&through=2', {
        headers: headers(t),
      })
    ).json();
    expect(manifest).toMatchObject({
      count: 1,
      through: 2,
      sha256: createHash('sha256').update(csv).digest('hex'),
    });
  });

  describe('tamper evidence', () => {
    async function chainOf(tenant: string, n: number) {
      const t = await env.svc.token(tenant, ['check', 'audit:read']);
      for (let i = 0; i < n; i++)
        await env.svc.check(t, {
          direction: 'inbound',
          text: `Wiadomość ${i}`,
          channel: { platform: 'x', visibility: 'public' },
        });
      return async () =>
        (await env.svc.app.request('/v1/audit/verify', { headers: headers(t) })).json();
    }
    async function asOwner(sql: string) {
      await env.db.handle.query(
        'ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only',
      );
      try {
        await env.db.handle.query(sql);
      } finally {
        await env.db.handle.query(
          'ALTER TABLE audit_events ENABLE ALWAYS TRIGGER audit_events_append_only',
        );
      }
    }

    it('reports an intact chain', async () => {
      const verify = await chainOf('chain-ok', 5);
      expect(await verify()).toMatchObject({ ok: true, events: 5 });
    });

    it('names an edited event', async () => {
      const verify = await chainOf('chain-edit', 5);
      await asOwner(
        `UPDATE audit_events SET decision = 'block' WHERE tenant = 'chain-edit' AND seq = 3`,
      );
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { seq: 3, reason: 'content does not match its hash' },
      });
    });

    it('names a deleted event', async () => {
      const verify = await chainOf('chain-delete', 5);
      await asOwner(`DELETE FROM audit_events WHERE tenant = 'chain-delete' AND seq = 2`);
      expect(await verify()).toMatchObject({
        ok: false,
        brokenAt: { seq: 2, reason: 'event 2 is missing' },
      });
    });

    it('names the last events removed', async () => {
      const verify = await chainOf('chain-truncate', 4);
      await asOwner(`DELETE FROM audit_events WHERE tenant = 'chain-truncate' AND seq = 4`);
      expect(await verify()).toMatchObject({ ok: false, brokenAt: { seq: 4 } });
    });

    it('names reordered events', async () => {
      const verify = await chainOf('chain-reorder', 5);
      await asOwner(
        `UPDATE audit_events SET seq = -seq WHERE tenant = 'chain-reorder' AND seq IN (2, 3)`,
      );
      await asOwner(
        `UPDATE audit_events SET seq = 5 - seq WHERE tenant = 'chain-reorder' AND seq IN (-2, -3)`,
      );
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.brokenAt.seq).toBe(2);
    });

    it('refuses UPDATE, DELETE and TRUNCATE in the database, even as a replica session', async () => {
      await chainOf('chain-guard', 1);
      await expect(
        env.db.handle.query(
          `UPDATE audit_events SET decision = 'allow' WHERE tenant = 'chain-guard'`,
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        env.db.handle.query(`DELETE FROM audit_events WHERE tenant = 'chain-guard'`),
      ).rejects.toThrow(/append-only/);
      await expect(env.db.handle.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
      await env.db.handle.query(
        "INSERT INTO audit_reviews VALUES ('r1', 'chain-guard', 'e', 'confirmed', 'n', 'me', now())",
      );
      await expect(
        env.db.handle.query(`UPDATE audit_reviews SET note = 'changed'`),
      ).rejects.toThrow(/append-only/);
      await expect(
        env.db.handle.query(
          `DO $$ BEGIN SET LOCAL session_replication_role = replica; DELETE FROM audit_events WHERE tenant = 'chain-guard'; END $$`,
        ),
      ).rejects.toThrow(/append-only/);
    });
  });
});

describe.each(BACKENDS)('checkpoints and retention on %s', (backend) => {
  const env = useTestService(backend);

  const auth = (t: string) => ({ authorization: `Bearer ${t}` });

  it('signs a checkpoint every few events, verifiable with the published key', async () => {
    const t = await env.svc.token('cp', ['check', 'audit:read']);
    for (let i = 0; i < 12; i++)
      await env.svc.check(t, {
        direction: 'inbound',
        text: `msg ${i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    const { checkpoints } = await (
      await env.svc.app.request('/v1/audit/checkpoints', { headers: auth(t) })
    ).json();
    expect(checkpoints.map((c: { seq: number }) => c.seq)).toEqual([10, 5]);
    const { keys } = await (await env.svc.app.request('/.well-known/jwks.json')).json();
    const { compactVerify, importJWK } = await import('jose');
    const { payload } = await compactVerify(checkpoints[0].jws, await importJWK(keys[0], 'EdDSA'));
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
      tenant: 'cp',
      seq: 10,
      hash: checkpoints[0].hash,
    });
    expect(
      await (await env.svc.app.request('/v1/audit/verify', { headers: auth(t) })).json(),
    ).toMatchObject({ ok: true, events: 12, checkpoints: 2 });
  });

  it('catches a chain rewritten consistently after a checkpoint', async () => {
    const t = await env.svc.token('cp-rewrite', ['check', 'audit:read']);
    for (let i = 0; i < 6; i++)
      await env.svc.check(t, {
        direction: 'inbound',
        text: `msg ${i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    // an attacker with database access rewrites event 5 and recomputes its hash and the head
    const [five] = await env.db.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenant, 'cp-rewrite'), eq(auditEvents.seq, 5)));
    const { hash: _old, ...unsealed } = { ...five!, decision: 'block' };
    await env.db.handle.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    try {
      await env.db.handle.query(
        `UPDATE audit_events SET decision = 'block', hash = $1 WHERE tenant = 'cp-rewrite' AND seq = 5`,
        [eventHash(unsealed)],
      );
      await env.db.handle.query(
        `UPDATE audit_events SET prev_hash = $1 WHERE tenant = 'cp-rewrite' AND seq = 6`,
        [eventHash(unsealed)],
      );
    } finally {
      await env.db.handle.query(
        'ALTER TABLE audit_events ENABLE ALWAYS TRIGGER audit_events_append_only',
      );
    }
    const report = await (
      await env.svc.app.request('/v1/audit/verify', { headers: auth(t) })
    ).json();
    expect(report.ok).toBe(false);
    expect(report.brokenAt.seq).toBe(5);
  });

  it('purges whole old ranges, logs the purge, and the rest still verifies from its checkpoint', async () => {
    const t = await env.svc.token('ret', ['check', 'audit:read', 'audit:admin']);
    for (let i = 0; i < 7; i++)
      await env.svc.check(t, {
        direction: 'inbound',
        text: `Mój PIN ${1000 + i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    const rows = await env.db.handle.query<{ seq: string | number; created_at: Date }>(
      `SELECT seq, created_at FROM audit_events WHERE tenant = 'ret' ORDER BY seq`,
    );
    const cutoff = new Date(new Date(rows[3]!.created_at).getTime() + 1); // events 1–4 are "old"
    const result = await purgeBefore(
      {
        database: env.db.handle,
        writer: env.svc.writer,
        key: env.svc.keys.service,
        clock: { now: () => new Date(Date.UTC(2027, 0, 1)) },
      },
      'ret',
      cutoff,
      'test',
    );
    expect(result).toMatchObject({ purged: 4, through: 4 });
    const left = await env.db.handle.query<{ seq: string | number; type: string }>(
      `SELECT seq, type FROM audit_events WHERE tenant = 'ret' ORDER BY seq`,
    );
    expect(left.map((r) => [Number(r.seq), r.type])).toEqual([
      [5, 'check'],
      [6, 'check'],
      [7, 'check'],
      [8, 'purge'],
    ]);
    expect(
      await (await env.svc.app.request('/v1/audit/verify', { headers: auth(t) })).json(),
    ).toMatchObject({ ok: true, events: 4, from: 4 });
    // the endpoint needs a period: from the request or the policy
    const res = await env.svc.app.request('/v1/audit/purge', {
      method: 'POST',
      headers: { ...auth(t), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
  });

  it('purges a range once when two purges race, with exactly one purge event, and a failed purge leaves neither', async () => {
    const t = await env.svc.token('ret2', ['check', 'audit:read']);
    for (let i = 0; i < 5; i++)
      await env.svc.check(t, {
        direction: 'inbound',
        text: `Mój PIN ${2000 + i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    const rows = await env.db.handle.query<{ created_at: Date }>(
      `SELECT created_at FROM audit_events WHERE tenant = 'ret2' ORDER BY seq`,
    );
    const cutoff = new Date(new Date(rows[2]!.created_at).getTime() + 1);
    const deps = {
      database: env.db.handle,
      writer: env.svc.writer,
      key: env.svc.keys.service,
      clock: { now: () => new Date(Date.UTC(2027, 0, 1)) },
    };
    // a purge whose event cannot be stored (the store refuses it) removes nothing
    const failing = {
      ...deps,
      writer: {
        appendWith: () => Promise.reject(new Error('store refused')),
      } as unknown as typeof deps.writer,
    };
    await expect(purgeBefore(failing, 'ret2', cutoff, 'test')).rejects.toThrow('store refused');
    expect(
      await env.db.handle.query(`SELECT seq FROM audit_events WHERE tenant = 'ret2'`),
    ).toHaveLength(5);
    const results = await Promise.all([
      purgeBefore(deps, 'ret2', cutoff, 'test'),
      purgeBefore(deps, 'ret2', cutoff, 'test'),
    ]);
    expect(results.filter((r) => r.purged === 3)).toHaveLength(1);
    const left = await env.db.handle.query<{ seq: string | number; type: string }>(
      `SELECT seq, type FROM audit_events WHERE tenant = 'ret2' ORDER BY seq`,
    );
    expect(left.map((r) => [Number(r.seq), r.type])).toEqual([
      [4, 'check'],
      [5, 'check'],
      [6, 'purge'],
    ]);
    expect(
      await (await env.svc.app.request('/v1/audit/verify', { headers: auth(t) })).json(),
    ).toMatchObject({ ok: true, events: 3, from: 3 });
  });
});

describe.each(BACKENDS)('summary on %s', (backend) => {
  const env = useTestService(backend);

  it('counts by day, decision, kind and rule, and the false-positive rate from reviews', async () => {
    const t = await env.svc.token('sum', ['check', 'audit:read', 'audit:review']);
    const send = async (text: string, direction = 'inbound') =>
      (
        await env.svc.check(t, {
          direction,
          text,
          channel: { platform: 'x', visibility: 'public' },
          agent: { id: 'a' },
        })
      ).json();
    const a = await send('Mój PIN 4821');
    const b = await send('PESEL 44051401458');
    await send('Dzień dobry');
    await send('Saldo wynosi 12,00 zł', 'outbound');
    for (const [id, verdict] of [
      [a.audit.id, 'confirmed'],
      [b.audit.id, 'false_positive'],
    ]) {
      await env.svc.app.request(`/v1/audit/events/${id}/reviews`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: JSON.stringify({ verdict, note: 'x' }),
      });
    }
    const s = await (
      await env.svc.app.request('/v1/audit/summary', { headers: { authorization: `Bearer ${t}` } })
    ).json();
    expect(s).toMatchObject({
      checks: 4,
      decisions: { warn: 2, allow: 1, block: 1 },
      wouldBlock: 0,
      byDay: [{ day: '2026-11-23', warn: 2, allow: 1, block: 1 }],
      byKind: { pin: 1, national_id: 1, balance: 1 },
      byRule: {
        'secret-exposed-public': 1,
        'personal-data-exposed-public': 1,
        'account-data-public': 1,
      },
      reviews: { reviewed: 2, confirmed: 1, false_positive: 1 },
      falsePositiveRate: 0.5,
    });
  });
});

describe.each(BACKENDS)('two writers on one chain on %s', (backend) => {
  const env = useTestService(backend);

  it('lose compare-and-set races, re-read the head, and keep one valid chain', async () => {
    // another replica: a signing key of its own, recorded as the runtime does, so its seals verify
    const keys = await ephemeralKeys();
    await registerServiceKey(env.db.handle.db, keys.service, new Date());
    const other = new AuditWriter(env.db.handle, steppingClock(Date.UTC(2026, 10, 23, 10)), {
      checkpoint: { key: keys.service, every: 1000 },
    });
    const t = await env.svc.token('two', ['check', 'audit:read']);
    const draft = () =>
      adminEvent('two', 'policy_change', new Date(), 'other-writer', { note: 'x' });
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        ...Array.from({ length: 5 }, () =>
          env.svc.check(t, {
            direction: 'inbound',
            text: 'Dzień dobry',
            channel: { platform: 'x', visibility: 'public' },
          }),
        ),
        ...Array.from({ length: 5 }, () => other.append(draft())),
      ]);
    }
    const report = await (
      await env.svc.app.request('/v1/audit/verify', { headers: { authorization: `Bearer ${t}` } })
    ).json();
    expect(report).toMatchObject({ ok: true, events: 50 });
  });
});

describe.each(BACKENDS)('retention sweep on %s', (backend) => {
  const env = useTestService(backend);

  it("applies each tenant's retentionDays from the policy in force", async () => {
    const t = await env.svc.token('keep', ['check', 'policy:admin', 'audit:read']);
    for (let i = 0; i < 3; i++)
      await env.svc.check(t, {
        direction: 'inbound',
        text: `msg ${i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    await env.svc.app.request('/v1/policy', {
      method: 'PUT',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: JSON.stringify({ retentionDays: 30 }),
    });
    const policies = new PolicyStore(env.db.handle.db);
    expect(await policies.retentionPeriods()).toEqual([{ tenant: 'keep', days: 30 }]);
    // 40 days later every event before the policy change is older than 30 days
    const later = { now: () => new Date(Date.UTC(2027, 0, 5)) };
    const [result] = await sweepRetention(
      { database: env.db.handle, writer: env.svc.writer, key: env.svc.keys.service, clock: later },
      await policies.retentionPeriods(),
    );
    expect(result).toMatchObject({ tenant: 'keep', result: { purged: 4, through: 4 } });
    expect(
      await (
        await env.svc.app.request('/v1/audit/verify', { headers: { authorization: `Bearer ${t}` } })
      ).json(),
    ).toMatchObject({ ok: true, from: 4, events: 1 });
  });
});
