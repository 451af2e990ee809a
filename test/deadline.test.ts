import { describe, expect, it } from 'vitest';
import { StoreAvailability } from '../src/db/availability.ts';
import { BACKENDS, createTestDatabase } from './support/database.ts';
import { createTestService } from './support/service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const check = (thread: string) => ({
  direction: 'inbound',
  text: 'Dzień dobry',
  channel: { platform: 'x', visibility: 'public' },
  thread: { id: thread },
});

// A check has a deadline: past it, it answers 503 with Retry-After at once, and its event is
// never written later. The store is held up here by another transaction holding what the
// append needs (PostgreSQL: the tenant's head row; PGlite: its one connection).
describe.each(BACKENDS)('the check deadline on %s', (backend) => {
  it('answers 503 with Retry-After at the deadline while the store is held up, and writes nothing for it afterwards', async () => {
    const db = await createTestDatabase(backend);
    try {
      const svc = await createTestService(db.handle, { checkDeadlineMs: 400 });
      const token = await svc.token('slow', ['check', 'audit:read']);
      expect((await svc.check(token, check('warm-up'))).status).toBe(200);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const holding = db.handle.transaction(async (q) => {
        if (backend === 'postgres')
          await q("SELECT 1 FROM audit_chain_heads WHERE tenant = 'slow' FOR UPDATE");
        await held;
      });
      await sleep(50);
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const res = await svc.check(token, check(`late-${i}`));
          return {
            status: res.status,
            retryAfter: res.headers.get('retry-after'),
            reason: (await res.json()).error?.details?.reason,
            ms: performance.now() - started,
          };
        }),
      );
      release();
      await holding;
      expect(
        answers.every((a) => a.status === 503 && a.retryAfter === '1' && a.reason === 'deadline'),
      ).toBe(true);
      const slowest = Math.max(...answers.map((a) => a.ms));
      console.info(
        `deadline on ${backend}: 40 checks held up, all 503 by ${slowest.toFixed(0)} ms (deadline 400 ms)`,
      );
      expect(slowest).toBeLessThan(400 + 600);
      // nothing of them is written later, once the store moves again
      await sleep(300);
      expect((await svc.check(token, check('after'))).status).toBe(200);
      const threads = await db.handle.query<{ thread_id: string }>(
        "SELECT thread_id FROM audit_events WHERE tenant = 'slow' ORDER BY seq",
      );
      expect(threads.map((t) => t.thread_id)).toEqual(['warm-up', 'after']);
      const report = await (
        await svc.app.request('/v1/audit/verify', { headers: { authorization: `Bearer ${token}` } })
      ).json();
      expect(report).toMatchObject({ ok: true, events: 2 });
    } finally {
      await db.drop();
    }
  });
});

describe('the circuit breaker', () => {
  it('opens on an unreachable store, answers 503 at once and not-ready, and closes when the probe succeeds', async () => {
    let reachable = false;
    let probes = 0;
    const changes: boolean[] = [];
    const breaker = new StoreAvailability(
      async () => {
        probes++;
        if (!reachable)
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
      { probeIntervalMs: 20, onChange: (up) => changes.push(up) },
    );
    expect(breaker.observe(new Error('duplicate key'))).toBe(false);
    expect(breaker.up).toBe(true);
    expect(
      breaker.observe(Object.assign(new Error('x'), { cause: { code: 'CONNECTION_CLOSED' } })),
    ).toBe(true);
    expect(breaker.up).toBe(false);
    await sleep(120);
    expect(probes).toBeGreaterThan(2);
    reachable = true;
    await sleep(60);
    expect(breaker.up).toBe(true);
    expect(changes).toEqual([false, true]);
    breaker.close();
  });

  it('while open, /v1 answers 503 with Retry-After without touching the store, /readyz is not ready, and reads are 503 too', async () => {
    const db = await createTestDatabase('pglite');
    const svc = await createTestService(db.handle);
    const token = await svc.token('down', ['check', 'audit:read']);
    await db.handle.close();
    // the first call finds the store gone and opens the breaker
    const first = await svc.check(token, check('x'));
    expect(first.status).toBe(503);
    expect(svc.deps.availability!.up).toBe(false);
    const t = performance.now();
    const res = await svc.check(token, check('y'));
    expect(performance.now() - t).toBeLessThan(50);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.json()).error).toMatchObject({
      code: 'audit_unavailable',
      details: { reason: 'store_down' },
    });
    expect(
      (await svc.app.request('/v1/audit/events', { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(503);
    expect(
      (await svc.app.request('/v1/audit/verify', { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(503);
    const ready = await svc.app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'not_ready',
      reason: 'database unreachable',
    });
    svc.deps.availability!.close();
  });
});
