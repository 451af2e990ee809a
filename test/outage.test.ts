import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DatabaseHandle } from '../src/db/client.ts';
import { postgresBinaries, startTestCluster, type TestCluster } from './support/pg-cluster.ts';
import { createTestService, type TestService } from './support/service.ts';

const BIN = postgresBinaries();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  thread: string;
  status: number;
  reason: string | undefined;
  sentAt: number;
  answeredAt: number;
}

// The database goes away under load, once stopped cleanly and once killed with -9, and comes
// back: checks answer 503 promptly while it is away (never 200 without the committed event),
// /readyz says not ready, and the first 200 comes within 2 s of its return. The cluster is
// the test's own (initdb/pg_ctl on another port), never the shared one.
describe.skipIf(!BIN)(
  BIN
    ? 'the audit store goes away under load and comes back'
    : 'SKIPPED: no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql for the outage test',
  () => {
    let cluster: TestCluster;
    let handle: DatabaseHandle;
    let svc: TestService;
    let token: string;
    const answers: Answer[] = [];
    let running = true;
    let load: Promise<void>;

    beforeAll(async () => {
      cluster = await startTestCluster(BIN!);
      handle = openPostgres(cluster.url, { max: 8 });
      await handle.migrate();
      svc = await createTestService(handle, { checkDeadlineMs: 2000 });
      token = await svc.token('outage', ['check', 'audit:read']);
      // 16 clients, each sending its next check as soon as the last is answered
      let n = 0;
      load = Promise.all(
        Array.from({ length: 16 }, async () => {
          while (running) {
            const thread = `t-${n++}`;
            const sentAt = performance.now();
            const res = await svc.check(
              token,
              {
                direction: 'inbound',
                text: 'Dzień dobry',
                channel: { platform: 'x', visibility: 'public' },
                thread: { id: thread },
              },
              { 'idempotency-key': thread },
            );
            const body = await res.json();
            answers.push({
              thread,
              status: res.status,
              reason: body.error?.details?.reason,
              sentAt,
              answeredAt: performance.now(),
            });
            if (res.status !== 200) await sleep(20); // a client backing off a little, as Retry-After asks
          }
        }),
      ).then(() => undefined);
    }, 120_000);

    afterAll(async () => {
      running = false;
      await load;
      svc?.deps.availability?.close();
      await handle?.close().catch(() => {});
      cluster?.remove();
    });

    async function outage(kind: 'stop' | 'kill') {
      await sleep(800); // under load
      const downAt = performance.now();
      if (kind === 'stop') cluster.stop();
      else await cluster.kill();
      await sleep(1500);
      const during = answers.filter((a) => a.sentAt > downAt + 300);
      const ready = await svc.app.request('/readyz');
      // the audit reads too: 503 with Retry-After, not a 500
      const read = await svc.app.request('/v1/audit/events', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect([read.status, read.headers.get('retry-after')]).toEqual([503, '1']);
      cluster.start();
      const backAt = performance.now();
      for (
        let i = 0;
        i < 100 && !answers.some((a) => a.status === 200 && a.answeredAt > backAt);
        i++
      )
        await sleep(20);
      const first = answers.find((a) => a.status === 200 && a.answeredAt > backAt);
      return {
        during,
        ready: ready.status,
        firstOkAfterMs: first ? first.answeredAt - backAt : Infinity,
      };
    }

    it('answers 503 fast while stopped, and the first 200 within 2 s of its return', async () => {
      const { during, ready, firstOkAfterMs } = await outage('stop');
      expect(during.length).toBeGreaterThan(10);
      expect(during.every((a) => a.status === 503)).toBe(true);
      expect(Math.max(...during.map((a) => a.answeredAt - a.sentAt))).toBeLessThan(100); // the breaker: at once
      expect(ready).toBe(503);
      console.info(
        `outage (pg_ctl stop): ${during.length} checks during it, all 503; first 200 ${firstOkAfterMs.toFixed(0)} ms after the database was back`,
      );
      expect(firstOkAfterMs).toBeLessThan(2000);
    }, 30_000);

    it('answers 503 fast while killed with -9, and the first 200 within 2 s of its return', async () => {
      const { during, ready, firstOkAfterMs } = await outage('kill');
      expect(during.length).toBeGreaterThan(10);
      expect(during.every((a) => a.status === 503)).toBe(true);
      expect(ready).toBe(503);
      console.info(
        `outage (kill -9): ${during.length} checks during it, all 503; first 200 ${firstOkAfterMs.toFixed(0)} ms after the database was back`,
      );
      expect(firstOkAfterMs).toBeLessThan(2000);
    }, 30_000);

    it('never answered 200 without the committed event, nor committed one it answered 503 for', async () => {
      await sleep(300);
      running = false;
      await load;
      const stored = new Set(
        (
          await handle.query<{ thread_id: string }>(
            "SELECT thread_id FROM audit_events WHERE tenant = 'outage'",
          )
        ).map((r) => r.thread_id),
      );
      const ok = answers.filter((a) => a.status === 200);
      const unknown = new Set(
        answers.filter((a) => a.reason === 'outcome_unknown').map((a) => a.thread),
      );
      expect(ok.length).toBeGreaterThan(100);
      expect(ok.filter((a) => !stored.has(a.thread))).toEqual([]);
      // a 503 whose connection was lost with the commit in flight says "outcome unknown": the
      // one case where the event may exist; every other 503 has none
      const refused = answers.filter(
        (a) => a.status !== 200 && !unknown.has(a.thread) && stored.has(a.thread),
      );
      expect(refused).toEqual([]);
      const statuses = [...new Set(answers.map((a) => a.status))].sort();
      expect(statuses).toEqual([200, 503]);
      console.info(
        `outage totals: ${answers.length} checks, ${ok.length} answered 200 (all stored), ${answers.length - ok.length} answered 503, ${unknown.size} of them "outcome unknown" (${[...unknown].filter((t) => stored.has(t)).length} of which had committed)`,
      );
      const report = await (
        await svc.app.request('/v1/audit/verify', { headers: { authorization: `Bearer ${token}` } })
      ).json();
      expect(report).toMatchObject({ ok: true });
    }, 30_000);
  },
);
