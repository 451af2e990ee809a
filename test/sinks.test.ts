import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { publishedKeys } from '../src/audit/service-keys.ts';
import { SinkDeliverer } from '../src/audit/sinks/deliverer.ts';
import { DirectorySink } from '../src/audit/sinks/directory-sink.ts';
import { WebhookSink } from '../src/audit/sinks/webhook-sink.ts';
import { readTreeHead } from '../src/audit/tree-head.ts';
import { AddressPolicy } from '../src/net/address-policy.ts';
import { safeDispatcher } from '../src/net/safe-fetch.ts';
import { BACKENDS } from './support/database.ts';
import { useTempDirs } from './support/temp-dirs.ts';
import { selfSignedCertificate, startReceiver } from './support/https-receiver.ts';
import { createTestService, useTestService } from './support/service.ts';

const SECRET = 'sink-signing-secret-0123456789abcdef';
const IBAN = 'PL61 1090 1014 0000 0712 1981 2874';
const PHONE = '+48 600 123 456';
const PLANTED = [IBAN, IBAN.replace(/ /g, ''), PHONE, PHONE.replace(/ /g, ''), '600123456'];
const TENANTS = ['sink-a', 'sink-b', 'sink-c'];

const tempDir = useTempDirs();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const silent = pino({ level: 'silent' });

type Line = { record: string; tenant: string; seq: number; id?: string; jws?: string };
/** The lines of the given tenants (a sink carries every tenant's chain: other tests' too). */
const parse = (bodies: string[], tenants: readonly string[] = TENANTS): Line[] =>
  bodies.flatMap((b) =>
    b
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => tenants.includes(l.tenant)),
  );

/** A message of the load: every seventh carries a planted IBAN, every eleventh a phone number. */
function message(i: number) {
  const text =
    i % 7 === 0
      ? `Mój numer konta ${IBAN}`
      : i % 11 === 0
        ? `Proszę zadzwonić ${PHONE}`
        : `wiadomość ${i}`;
  return {
    direction: 'inbound',
    text,
    channel: { platform: 'fb', visibility: i % 2 ? 'public' : 'private' },
    thread: { id: `t-${i % 13}` },
  };
}

describe.each(BACKENDS)('sinks on %s', (backend) => {
  const env = useTestService(backend);

  /** Every event and checkpoint of the given tenants in the database, in chain order. */
  async function stored(tenants: string[]) {
    const events = await env.db.handle.query<{ id: string; tenant: string; seq: string | number }>(
      'SELECT id, tenant, seq FROM audit_events WHERE tenant = ANY($1::text[]) ORDER BY tenant, seq',
      [tenants],
    );
    const checkpoints = await env.db.handle.query<{ tenant: string; seq: string | number }>(
      'SELECT tenant, seq FROM audit_checkpoints WHERE tenant = ANY($1::text[]) ORDER BY tenant, seq',
      [tenants],
    );
    return {
      events: events.map((e) => ({ id: e.id, tenant: e.tenant, seq: Number(e.seq) })),
      checkpoints: checkpoints.map((c) => `${c.tenant}:${Number(c.seq)}`),
    };
  }

  /**
   * What a SIEM would keep of the lines: each event once (by id), each checkpoint once (by
   * tenant and seq), checking that after de-duplication every tenant's events come in chain
   * order with no gap, and that each checkpoint comes right after the event it covers.
   */
  function deduplicate(lines: Line[]) {
    const ids = new Set<string>();
    const checkpoints = new Set<string>();
    const next = new Map<string, number>();
    let duplicates = 0;
    lines.forEach((l, i) => {
      if (l.record === 'checkpoint') {
        const prev = lines[i - 1];
        expect(prev).toMatchObject({ record: 'event', tenant: l.tenant, seq: l.seq });
        checkpoints.add(`${l.tenant}:${l.seq}`);
        return;
      }
      expect(l.record).toBe('event');
      if (ids.has(l.id!)) {
        duplicates++;
        // a redelivery starts from the cursor: never past what is new
        expect(l.seq).toBeLessThan(next.get(l.tenant) ?? 1);
        return;
      }
      ids.add(l.id!);
      // the first time an event arrives it is the next of its tenant: in order, no gap
      expect(l.seq).toBe(next.get(l.tenant) ?? 1);
      next.set(l.tenant, l.seq + 1);
    });
    return { ids, checkpoints, duplicates };
  }

  it('a webhook down under load, and the deliverer restarted meanwhile, gets every event once after de-duplication, in order, with the checkpoints', async () => {
    const tls = selfSignedCertificate(tempDir('sargas-sink-tls-'));
    let mode: 'up' | '503' | '429' = 'up';
    let slowNext = false;
    const receiver = await startReceiver(tls, SECRET, () => {
      if (slowNext && mode === 'up') {
        slowNext = false;
        return { status: 204, delayMs: 2500 };
      }
      return mode === 'up'
        ? { status: 204 }
        : mode === '503'
          ? { status: 503 }
          : { status: 429, retryAfter: '0' };
    });
    const dispatcher = safeDispatcher(AddressPolicy.fromList('127.0.0.0/8'), { ca: tls.cert });
    let svc = env.svc;
    const deliverer = () => {
      const d = new SinkDeliverer(
        env.db.handle,
        new WebhookSink(receiver.url, SECRET, dispatcher, 2000, 'webhook-load'),
        silent,
        { pollMs: 50, leaseMs: 1500, backoffMs: 20, maxBackoffMs: 300, maxBatch: 100 },
      );
      svc.writer.onAnyCommit(() => d.notify());
      d.start();
      return d;
    };
    let first: SinkDeliverer | null = deliverer();
    let tokens = await Promise.all(TENANTS.map((t) => svc.token(t, ['check'])));
    let second: SinkDeliverer | null = null;
    let lagDuringOutage = 0;
    let answeredDuringOutage = 0;
    try {
      const started = performance.now();
      for (let wave = 0; wave < 20; wave++) {
        // the sink goes down after wave 4, answers 429 with Retry-After for a while, and
        // comes back after wave 14; the deliverer is replaced (as a crash would) at wave 9
        // one batch is kept but answered after the client's time-out: delivered again
        if (wave === 2) slowNext = true;
        if (wave === 5) mode = '503';
        if (wave === 8) {
          mode = '429';
          // refused with Retry-After at least once before the restart
          for (let i = 0; i < 400 && !receiver.received.some((r) => r.status === 429); i++)
            await sleep(25);
        }
        if (wave === 10) mode = '503';
        if (wave === 9) {
          // the service restarts (as after a crash: no lease released): a new writer, app and
          // deliverer over the same database, which holds the cursors
          await first!.abandon();
          first = null;
          svc = await createTestService(env.db.handle);
          tokens = await Promise.all(TENANTS.map((t) => svc.token(t, ['check'])));
          second = deliverer();
        }
        if (wave === 15) {
          // down long enough for the new deliverer to take the lease and be refused a few times
          for (
            let i = 0;
            i < 600 && (second!.stats.failures < 3 || second!.stats.lagEvents === 0);
            i++
          )
            await sleep(25);
          lagDuringOutage = second!.stats.lagEvents;
          mode = 'up';
        }
        const answers = await Promise.all(
          Array.from({ length: 30 }, (_, k) => {
            const i = wave * 30 + k;
            return svc.check(tokens[i % TENANTS.length]!, message(i));
          }),
        );
        for (const a of answers) expect(a.status).toBe(200);
        if (wave >= 5 && wave < 15) answeredDuringOutage += answers.length;
        if (wave >= 5 && wave < 15) await sleep(100);
        // the slow answer is given before the outage starts
        for (let i = 0; wave === 4 && slowNext && i < 400; i++) await sleep(25);
      }
      const loadSeconds = (performance.now() - started) / 1000;
      const { events, checkpoints } = await stored(TENANTS);
      expect(events).toHaveLength(600);
      // wait until the sink has them all
      let lines: Line[] = [];
      for (let i = 0; i < 400; i++) {
        lines = parse(receiver.received.filter((r) => r.status === 204).map((r) => r.body));
        if (new Set(lines.filter((l) => l.record === 'event').map((l) => l.id)).size >= 600) break;
        await sleep(50);
      }
      const deliveredSeconds = (performance.now() - started) / 1000;
      const kept = deduplicate(lines);
      expect([...kept.ids].sort()).toEqual(events.map((e) => e.id).sort());
      expect([...kept.checkpoints].sort()).toEqual([...checkpoints].sort());
      expect(checkpoints.length).toBeGreaterThanOrEqual(TENANTS.length);
      // every batch was signed; the sink was refused while down, and held what it could not deliver
      expect(receiver.received.every((r) => r.signed)).toBe(true);
      expect(receiver.received.some((r) => r.status === 503)).toBe(true);
      expect(receiver.received.some((r) => r.status === 429)).toBe(true);
      expect(lagDuringOutage).toBeGreaterThan(0);
      expect(kept.duplicates).toBeGreaterThan(0);
      expect(answeredDuringOutage).toBe(300);
      // a checkpoint in the stream verifies against the service's published keys
      const keys = await publishedKeys(env.db.handle.db, env.svc.keys.service);
      const cp = lines.find((l) => l.record === 'checkpoint')!;
      expect(readTreeHead(cp.jws!, keys)).toMatchObject({ tenant: cp.tenant, seq: cp.seq });
      // no planted value in any payload (masked previews only)
      const all = receiver.received.map((r) => r.body).join('');
      for (const value of PLANTED) expect(all).not.toContain(value);
      expect(all).toContain('"kinds":["iban"]');
      // the metrics: caught up, failures counted, per sink
      for (let i = 0; i < 40 && second!.stats.lagEvents > 0; i++) await sleep(50);
      const metrics = await (
        await createApp({ ...svc.deps, sinks: [second!] }).request('/metrics')
      ).text();
      expect(metrics).toMatch(/^sargas_sink_lag_events\{sink="webhook-load"\} 0$/m);
      expect(metrics).toMatch(/^sargas_sink_failures_total\{sink="webhook-load"\} [1-9]/m);
      console.info(
        `[sinks ${backend}] 600 events in ${loadSeconds.toFixed(2)} s of load, all delivered ${deliveredSeconds.toFixed(2)} s after its start; lag during the outage ${lagDuringOutage} events; ${kept.duplicates} duplicates; ${receiver.received.length} POSTs (${receiver.received.filter((r) => r.status !== 204).length} refused)`,
      );
    } finally {
      await first?.stop();
      await second?.stop();
      if (svc !== env.svc) svc.deps.availability?.close();
      await receiver.close();
    }
  });

  it('refuses a webhook at an internal address unless its network is allowed (SSRF), and moves no cursor', async () => {
    const tls = selfSignedCertificate(tempDir('sargas-sink-tls-'));
    const receiver = await startReceiver(tls, SECRET, () => ({ status: 204 }));
    const d = new SinkDeliverer(
      env.db.handle,
      new WebhookSink(
        receiver.url,
        SECRET,
        safeDispatcher(new AddressPolicy(), { ca: tls.cert }),
        2000,
        'webhook-ssrf',
      ),
      silent,
      { pollMs: 50, leaseMs: 1500, backoffMs: 20, maxBackoffMs: 50 },
    );
    const token = await env.svc.token('sink-ssrf', ['check']);
    expect((await env.svc.check(token, message(1))).status).toBe(200);
    d.start();
    try {
      for (let i = 0; i < 100 && d.stats.failures < 2; i++) await sleep(20);
      expect(d.stats.failures).toBeGreaterThanOrEqual(2);
      expect(d.stats.delivered).toBe(0);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await d.stop();
      await receiver.close();
    }
  });

  it('a directory sink rotates its files and loses nothing, also across a restart', async () => {
    const dir = tempDir('sargas-sink-dir-');
    const tenants = ['dir-a', 'dir-b'];
    const tokens = await Promise.all(tenants.map((t) => env.svc.token(t, ['check'])));
    const start = () => {
      const d = new SinkDeliverer(
        env.db.handle,
        new DirectorySink(dir, { maxBytes: 16 * 1024, maxSeconds: 3600 }, 'dir-rotation'),
        silent,
        { pollMs: 50, leaseMs: 1500, maxBatch: 40 },
      );
      env.svc.writer.onAnyCommit(() => d.notify());
      d.start();
      return d;
    };
    const load = async (from: number, n: number) => {
      for (let k = 0; k < n; k += 20)
        await Promise.all(
          Array.from({ length: 20 }, (_, j) =>
            env.svc.check(tokens[(from + k + j) % 2]!, message(from + k + j)),
          ),
        );
    };
    const waitFor = async (count: number) => {
      for (let i = 0; i < 400; i++) {
        const ids = new Set(
          parse(
            readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')),
            tenants,
          )
            .filter((l) => l.record === 'event')
            .map((l) => l.id),
        );
        if (ids.size >= count) return;
        await sleep(50);
      }
    };
    let d = start();
    try {
      await load(0, 100);
      await waitFor(100);
      // a crash: the next process waits for the lease and goes on from the stored cursors
      await d.abandon();
      await load(100, 100);
      d = start();
      await waitFor(200);
    } finally {
      await d.stop();
    }
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(f).toMatch(/^sargas-\d{8}T\d{9}Z-[0-9a-f]{8}\.ndjson$/);
    const contents = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    // rotated at the size: no file much past it, every file whole lines
    for (const c of contents) {
      expect(c.endsWith('\n')).toBe(true);
      expect(Buffer.byteLength(c)).toBeLessThan(16 * 1024 + 40 * 2048);
    }
    const kept = deduplicate(parse(contents, tenants));
    const { events, checkpoints } = await stored(tenants);
    expect(events).toHaveLength(200);
    expect([...kept.ids].sort()).toEqual(events.map((e) => e.id).sort());
    expect([...kept.checkpoints].sort()).toEqual([...checkpoints].sort());
    for (const value of PLANTED) expect(contents.join('')).not.toContain(value);
  });

  it('two replicas delivering one sink neither skip nor double-advance', async () => {
    const dir = tempDir('sargas-sink-replicas-');
    const tenants = ['rep-a', 'rep-b'];
    const tokens = await Promise.all(tenants.map((t) => env.svc.token(t, ['check'])));
    // both write the same directory, as two replicas would deliver the same sink
    const replicas = [0, 1].map(() => {
      const d = new SinkDeliverer(
        env.db.handle,
        new DirectorySink(dir, { maxBytes: 1024 * 1024, maxSeconds: 3600 }, 'dir-replicas'),
        silent,
        { pollMs: 20, leaseMs: 1000, maxBatch: 25 },
      );
      env.svc.writer.onAnyCommit(() => d.notify());
      d.start();
      return d;
    });
    try {
      for (let k = 0; k < 120; k += 20)
        await Promise.all(
          Array.from({ length: 20 }, (_, j) => env.svc.check(tokens[(k + j) % 2]!, message(k + j))),
        );
    } finally {
      // (the sink carries every tenant of this database: other tests' events too)
    }
    const [total] = await env.db.handle.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_events',
    );
    try {
      for (let i = 0; i < 200; i++) {
        const delivered = replicas.reduce((n, d) => n + d.stats.delivered, 0);
        if (delivered >= total!.n) break;
        await sleep(50);
      }
    } finally {
      await Promise.all(replicas.map((d) => d.stop()));
    }
    // each cursor moved over every event exactly once: delivered counts acknowledged moves
    expect(replicas.reduce((n, d) => n + d.stats.delivered, 0)).toBe(total!.n);
    const behind = await env.db.handle.query(
      "SELECT h.tenant FROM audit_chain_heads h LEFT JOIN audit_sink_cursors c ON c.sink = 'dir-replicas' AND c.tenant = h.tenant WHERE COALESCE(c.seq, 0) <> h.seq",
    );
    expect(behind).toEqual([]);
    const files = readdirSync(dir);
    const kept = deduplicate(
      parse(
        files.map((f) => readFileSync(join(dir, f), 'utf8')),
        tenants,
      ),
    );
    expect(kept.ids.size).toBe(120);
  });
});
