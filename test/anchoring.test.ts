import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash } from '../src/audit/chain.ts';
import { CompactRange, leafHash } from '../src/audit/merkle.ts';
import { checkProof } from '../src/audit/proof-check.ts';
import { purgeBefore } from '../src/audit/retention.ts';
import type { AuditEventRow } from '../src/db/schema/index.ts';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/database.ts';
import { createTestService, type TestService } from './support/service.ts';

const TRIGGERS = [
  ['audit_events', 'audit_events_append_only'],
  ['audit_events', 'audit_events_no_truncate'],
  ['audit_reviews', 'audit_reviews_append_only'],
  ['tenant_policies', 'tenant_policies_append_only'],
  ['audit_checkpoints', 'audit_checkpoints_append_only'],
] as const;

// Someone with the database's superuser rewrites the log: every way the issue lists is
// caught, by the database's own walk where it can be, and by a checkpoint held outside it
// (the witness directory, an officer's copy, a receipt) where it cannot.
describe.each(BACKENDS)('tampering with the log on %s', (backend) => {
  let db: TestDatabase;
  let svc: TestService;
  let dir: string;
  let n = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sargas-witness-'));
    db = await createTestDatabase(backend);
    svc = await createTestService(db.handle, { witnessDir: dir });
  });
  afterAll(async () => {
    svc.deps.availability?.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A tenant with `count` checks (a checkpoint every 5, to the witness) and what an officer and a client kept of it. */
  async function tenantWith(count: number) {
    const tenant = `tamper-${backend}-${n++}`;
    const token = await svc.token(tenant, ['check', 'audit:read', 'audit:review', 'policy:admin']);
    const receipts: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await svc.check(token, {
        direction: 'inbound',
        text: `Wiadomość ${i}`,
        channel: { platform: 'x', visibility: 'public' },
        thread: { id: `t-${i}` },
      });
      receipts.push((await res.json()).receipt);
    }
    await svc.witnesses!.drain(2000);
    const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const checkpoints = (
      await (await svc.app.request('/v1/audit/checkpoints', { headers: h })).json()
    ).checkpoints as Array<{ seq: number; jws: string }>;
    const verify = async (body: Record<string, unknown> = {}) =>
      (
        await svc.app.request('/v1/audit/verify', {
          method: 'POST',
          headers: h,
          body: JSON.stringify(body),
        })
      ).json();
    return { tenant, token, h, receipts, checkpoints, verify };
  }

  /** As the superuser: the append-only triggers off, the statements, the triggers on again. */
  async function asSuperuser(...statements: Array<[string, unknown[]?]>) {
    for (const [table, trigger] of TRIGGERS)
      await db.handle.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    try {
      for (const [sql, params] of statements) await db.handle.query(sql, params ?? []);
    } finally {
      for (const [table, trigger] of TRIGGERS)
        await db.handle.query(`ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${trigger}`);
    }
  }

  const events = async (tenant: string) =>
    (await db.handle.db.query.auditEvents.findMany({
      where: (e, { eq }) => eq(e.tenant, tenant),
      orderBy: (e, { asc }) => asc(e.seq),
    })) as AuditEventRow[];

  /** Moves the head to the last remaining event, with a compact range recomputed from the events, as a careful attacker would. */
  async function consistentHead(tenant: string) {
    const rows = await events(tenant);
    const range = new CompactRange();
    for (const r of rows) range.push(leafHash(r.hash));
    const last = rows[rows.length - 1];
    await db.handle.query(
      'UPDATE audit_chain_heads SET seq = $1, hash = $2, frontier = $3 WHERE tenant = $4',
      [last?.seq ?? 0, last?.hash ?? '0'.repeat(64), range.serialize(), tenant],
    );
  }

  it('an untouched log verifies, and what is held outside proves itself offline', async () => {
    const t = await tenantWith(12);
    const { keys } = await (await svc.app.request('/.well-known/jwks.json')).json();
    const report = await t.verify({ checkpoint: t.checkpoints[1]!.jws, receipt: t.receipts[11] });
    expect(report).toMatchObject({
      ok: true,
      events: 12,
      seals: 12,
      breakCount: 0,
      tree: { treeSize: 12 },
    });
    expect(report.held.map((h: { kind: string; verdict: string }) => [h.kind, h.verdict])).toEqual([
      ['checkpoint', 'contained'],
      ['receipt', 'contained'],
      ['witness', 'contained'],
    ]);
    expect(
      checkProof({ kind: 'checkpoint', jws: t.checkpoints[1]!.jws }, report.held[0].proof, keys),
    ).toEqual([]);
    expect(
      checkProof({ kind: 'receipt', jws: t.receipts[11]! }, report.held[1].proof, keys),
    ).toEqual([]);
    // the same proof does not pass for another receipt
    expect(
      checkProof({ kind: 'receipt', jws: t.receipts[3]! }, report.held[1].proof, keys),
    ).not.toEqual([]);
  });

  it('catches a truncation that leaves the database consistent, by the witnessed checkpoint', async () => {
    const t = await tenantWith(12);
    const officerCopy = t.checkpoints.find((c) => c.seq === 10)!.jws;
    await asSuperuser(
      [`DELETE FROM audit_events WHERE tenant = $1 AND seq > 7`, [t.tenant]],
      [`DELETE FROM audit_checkpoints WHERE tenant = $1 AND seq > 7`, [t.tenant]],
    );
    await consistentHead(t.tenant);
    const report = await t.verify({ checkpoint: officerCopy, receipt: t.receipts[10] });
    expect(report.ok).toBe(false);
    // nothing inside the database is wrong any more: only what is held outside shows it
    expect(report.breaks.map((b: { reason: string }) => b.reason)).toEqual([
      expect.stringMatching(/^a held checkpoint: the log ends at 7, before seq 10/),
      expect.stringMatching(/^a held receipt: the log ends at 7/),
      expect.stringMatching(/^the witness checkpoint: the log ends at 7, before seq 10/),
    ]);
  });

  it('catches a truncation the service has appended past again, by every checkpoint the witness holds', async () => {
    const t = await tenantWith(12);
    await asSuperuser(
      [`DELETE FROM audit_events WHERE tenant = $1 AND seq > 7`, [t.tenant]],
      [`DELETE FROM audit_checkpoints WHERE tenant = $1 AND seq > 7`, [t.tenant]],
    );
    await consistentHead(t.tenant);
    // the service goes on appending: the witness's newest checkpoint (15) is of the new history
    for (let i = 0; i < 10; i++)
      await svc.check(t.token, {
        direction: 'inbound',
        text: `Po ${i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    await svc.witnesses!.drain(2000);
    const report = await t.verify();
    expect(report).toMatchObject({ ok: false, events: 17 });
    expect(report.breaks.map((b: { seq: number; reason: string }) => [b.seq, b.reason])).toEqual([
      [10, expect.stringMatching(/^the witness checkpoint: the log's event 10 is not the one/)],
    ]);
    expect(report.held.map((h: { seq: number; verdict: string }) => [h.seq, h.verdict])).toEqual([
      [10, 'rewritten'],
      [15, 'contained'],
    ]);
  });

  it('does not pass a log it could not hold against the witness', async () => {
    const t = await tenantWith(6);
    expect(await t.verify()).toMatchObject({ ok: true });
    // the tenant's witness file cannot be read (a directory where it was: EISDIR, even as root)
    const file = readdirSync(dir).find((f) => f.startsWith(`${t.tenant}-`))!;
    rmSync(join(dir, file));
    mkdirSync(join(dir, file));
    const report = await t.verify();
    expect(report.ok).toBe(false);
    expect(report.breaks.map((b: { reason: string }) => b.reason)).toEqual([
      'the witness could not be read: the log was not held against it',
    ]);
  });

  it('catches a wiped tenant', async () => {
    const t = await tenantWith(6);
    await asSuperuser(
      [`DELETE FROM audit_events WHERE tenant = $1`, [t.tenant]],
      [`DELETE FROM audit_checkpoints WHERE tenant = $1`, [t.tenant]],
      [`DELETE FROM audit_chain_heads WHERE tenant = $1`, [t.tenant]],
    );
    const report = await t.verify();
    expect(report).toMatchObject({ ok: false, events: 0 });
    expect(report.breaks[0].reason).toMatch(
      /^the witness checkpoint: the log ends at 0, before seq 5/,
    );
  });

  it('catches hashes recomputed after the last checkpoint (seals), also with the seals removed (witness)', async () => {
    const t = await tenantWith(12);
    const rewrite = async (dropSeals: boolean, from: number) => {
      const rows = await events(t.tenant);
      let prev = rows.find((r) => r.seq === from - 1)!.hash;
      const statements: Array<[string, unknown[]]> = [];
      for (const r of rows.filter((x) => x.seq >= from)) {
        const edited = { ...r, prevHash: prev, decision: r.seq === from ? 'block' : r.decision };
        const { hash: _old, ...unsealed } = edited;
        prev = eventHash(unsealed);
        statements.push([
          `UPDATE audit_events SET decision = $1, prev_hash = $2, hash = $3${dropSeals ? ', seal = NULL' : ''} WHERE tenant = $4 AND seq = $5`,
          [edited.decision, edited.prevHash, prev, t.tenant, r.seq],
        ]);
      }
      if (dropSeals)
        statements.push(
          [`UPDATE audit_events SET seal = NULL WHERE tenant = $1`, [t.tenant]],
          [`DELETE FROM audit_checkpoints WHERE tenant = $1`, [t.tenant]],
        );
      await asSuperuser(...statements);
      await consistentHead(t.tenant);
    };
    await rewrite(false, 11);
    const sealed = await t.verify();
    expect(sealed.ok).toBe(false);
    expect(sealed.breaks.map((b: { seq: number; reason: string }) => [b.seq, b.reason])).toEqual([
      [11, 'its seal is not the service’s signature over it'],
      [12, 'its seal is not the service’s signature over it'],
    ]);
    // a careful attacker removes every seal and checkpoint: the chain inside is consistent, the witness is not fooled
    await rewrite(true, 3);
    const report = await t.verify();
    expect(report.ok).toBe(false);
    // every witnessed checkpoint after the rewrite's start, not only the newest
    expect(report.breaks.map((b: { reason: string }) => b.reason)).toEqual([
      expect.stringMatching(/^the witness checkpoint: the log's event 5 is not the one/),
      expect.stringMatching(/^the witness checkpoint: the log's event 10 is not the one/),
    ]);
  });

  it('catches swapped rows and forged appended rows', async () => {
    const t = await tenantWith(8);
    const rows = await events(t.tenant);
    const last = rows[rows.length - 1]!;
    const forged = {
      ...last,
      id: '01JZZZZZZZZZZZZZZZZZZZZZZZ',
      seq: 9,
      prevHash: last.hash,
      decision: 'allow',
      seal: null,
      threadId: 'forged',
    };
    const { hash: _h, ...unsealed } = forged;
    const hash = eventHash(unsealed);
    await asSuperuser([
      `INSERT INTO audit_events SELECT * FROM audit_events WHERE tenant = $1 AND seq = 8`.replace(
        'SELECT *',
        `SELECT '${forged.id}', tenant, 9, created_at, type, direction, visibility, platform, 'allow', would_block, mode, policy_version, rules, kinds, findings, actions, locale, agent_id, customer_fp, thread_id, post_id, identity, details, linked_event_id, NULL, request_fp, hmac_key_id, hash, '${hash}', NULL`,
      ),
      [t.tenant],
    ]);
    await consistentHead(t.tenant);
    const appended = await t.verify();
    expect(appended.breaks.map((b: { reason: string }) => b.reason)).toContain(
      'events 9–9 are not sealed by the service',
    );
    await asSuperuser(
      [`UPDATE audit_events SET seq = -seq WHERE tenant = $1 AND seq IN (3, 4)`, [t.tenant]],
      [`UPDATE audit_events SET seq = 7 - seq WHERE tenant = $1 AND seq IN (-3, -4)`, [t.tenant]],
    );
    const swapped = await t.verify();
    expect(swapped.ok).toBe(false);
    expect(
      swapped.breaks.filter((b: { seq: number }) => b.seq === 3 || b.seq === 4).length,
    ).toBeGreaterThan(0);
  });

  it('catches an edited, a removed and a forged review, and an edited or forged policy version', async () => {
    const t = await tenantWith(3);
    const [{ audit }] = [
      await (
        await svc.check(t.token, {
          direction: 'inbound',
          text: 'Mój PIN 1234',
          channel: { platform: 'x', visibility: 'public' },
        })
      ).json(),
    ];
    const post = (path: string, body: unknown, method = 'POST') =>
      svc.app.request(path, { method, headers: t.h, body: JSON.stringify(body) });
    const r1 = await (
      await post(`/v1/audit/events/${audit.id}/reviews`, { verdict: 'confirmed', note: 'real PIN' })
    ).json();
    const r2 = await (
      await post(`/v1/audit/events/${audit.id}/reviews`, {
        verdict: 'escalated',
        note: 'to security',
      })
    ).json();
    expect((await post('/v1/policy', { mode: 'monitor' }, 'PUT')).status).toBe(201);
    expect((await post('/v1/policy', { mode: 'enforce', brand: 'Bank' }, 'PUT')).status).toBe(201);
    const before = await t.verify();
    expect(before).toMatchObject({
      ok: true,
      anchors: { reviews: { anchored: 2 }, policies: { anchored: 2 } },
    });
    await asSuperuser(
      [
        `UPDATE audit_reviews SET note = 'false alarm', verdict = 'false_positive' WHERE id = $1`,
        [r1.id],
      ],
      [`DELETE FROM audit_reviews WHERE id = $1`, [r2.id]],
      [
        `INSERT INTO audit_reviews VALUES ('01JZZZZZZZZZZZZZZZZZZZZZZY', $1, $2, 'false_positive', 'forged', 'someone', now())`,
        [t.tenant, audit.id],
      ],
      [
        `UPDATE tenant_policies SET policy = jsonb_set(policy, '{mode}', '"monitor"') WHERE tenant = $1 AND version = 2`,
        [t.tenant],
      ],
      [
        `INSERT INTO tenant_policies VALUES ($1, 3, '{"mode":"monitor"}', now(), 'someone')`,
        [t.tenant],
      ],
    );
    const reasons = (await t.verify()).breaks.map((b: { reason: string }) => b.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        `review ${r1.id} differs from what its chain event recorded`,
        `review ${r2.id}, recorded in the chain, is missing`,
        'review 01JZZZZZZZZZZZZZZZZZZZZZZY is not recorded in the chain',
        'policy version 2 differs from what its chain event recorded',
        'policy version 3 is not recorded in the chain',
      ]),
    );
  });

  it('keeps proving checkpoints after a retention purge, and says which ones the purge went past', async () => {
    const t = await tenantWith(12);
    const { keys } = await (await svc.app.request('/.well-known/jwks.json')).json();
    const rows = await events(t.tenant);
    const cutoff = new Date(rows[6]!.createdAt.getTime() + 1); // events 1–7 are old
    const purged = await purgeBefore(
      {
        database: db.handle,
        writer: svc.writer,
        key: svc.keys.service,
        clock: { now: () => new Date(Date.UTC(2027, 0, 1)) },
      },
      t.tenant,
      cutoff,
      'test',
    );
    expect(purged).toMatchObject({ purged: 7, through: 7 });
    for (let i = 0; i < 3; i++)
      await svc.check(t.token, {
        direction: 'inbound',
        text: `later ${i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    const at = (seq: number) => t.checkpoints.find((c) => c.seq === seq)!.jws;
    const report = await t.verify({ checkpoints: [at(5), at(10)], receipt: t.receipts[9] });
    expect(report).toMatchObject({ ok: true, from: 7, tree: { treeSize: 16 } });
    // the receipt, the two checkpoints, the witness's newest
    expect(report.held.map((h: { kind: string; verdict: string }) => [h.kind, h.verdict])).toEqual([
      ['receipt', 'contained'],
      ['checkpoint', 'before_retention'],
      ['checkpoint', 'contained'],
      ['witness', 'contained'],
    ]);
    expect(
      checkProof({ kind: 'receipt', jws: t.receipts[9]! }, report.held[0].proof, keys),
    ).toEqual([]);
    expect(checkProof({ kind: 'checkpoint', jws: at(10) }, report.held[2].proof, keys)).toEqual([]);
  });

  it('lists every break, not only the first: an old one does not hide a later one', async () => {
    const t = await tenantWith(9);
    await asSuperuser(
      [
        `UPDATE audit_events SET decision = 'block' WHERE tenant = $1 AND seq IN (2, 7)`,
        [t.tenant],
      ],
      [`DELETE FROM audit_events WHERE tenant = $1 AND seq = 5`, [t.tenant]],
    );
    const report = await t.verify();
    expect(report.breaks.map((b: { seq: number; reason: string }) => [b.seq, b.reason])).toEqual(
      expect.arrayContaining([
        [2, 'content does not match its hash'],
        [5, 'event 5 is missing'],
        [7, 'content does not match its hash'],
      ]),
    );
    expect(report.brokenAt).toEqual(report.breaks[0]);
  });
});

describe('a log written before the tree existed', () => {
  it('still verifies, gets its tree built on the next append, and is sealed from then on', async () => {
    const db = await createTestDatabase('pglite');
    try {
      const svc = await createTestService(db.handle);
      const token = await svc.token('legacy', ['check', 'audit:read']);
      for (let i = 0; i < 4; i++)
        await svc.check(token, {
          direction: 'inbound',
          text: `msg ${i}`,
          channel: { platform: 'x', visibility: 'public' },
        });
      // as the previous version left it: no seals, no tree in the head, no roots in checkpoints
      for (const [table, trigger] of [
        ['audit_events', 'audit_events_append_only'],
        ['audit_checkpoints', 'audit_checkpoints_append_only'],
      ])
        await db.handle.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
      await db.handle.query(`UPDATE audit_events SET seal = NULL`);
      await db.handle.query(`DELETE FROM audit_checkpoints`);
      await db.handle.query(`UPDATE audit_chain_heads SET frontier = ''`);
      const legacy = await createTestService(db.handle); // a fresh process: no head in memory
      // its own keys: a token the first process verified is not taken as verified by another
      const reader = await legacy.token('legacy', ['audit:read']);
      const verify = async () =>
        (
          await legacy.app.request('/v1/audit/verify', {
            headers: { authorization: `Bearer ${reader}` },
          })
        ).json();
      expect(await verify()).toMatchObject({ ok: true, events: 4, seals: 0 });
      for (let i = 0; i < 3; i++)
        expect(
          (
            await legacy.check(await legacy.token('legacy', ['check']), {
              direction: 'inbound',
              text: `new ${i}`,
              channel: { platform: 'x', visibility: 'public' },
            })
          ).status,
        ).toBe(200);
      expect(await verify()).toMatchObject({
        ok: true,
        events: 7,
        seals: 3,
        tree: { treeSize: 7 },
      });
    } finally {
      await db.drop();
    }
  });
});
