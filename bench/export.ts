/**
 * The audit export of a large log through the real service: a million events are inserted
 * straight into a fresh PostgreSQL database, then GET /v1/audit/export streams them as JSON
 * Lines and as CSV. Prints events/s, bytes, the client's time to first byte, and the
 * service's peak resident memory (VmHWM) before and after each export — the export must
 * not hold the log in memory.
 *   npm run bench:export      (BENCH_EVENTS, default 1,000,000; BENCH_DATABASE_URL)
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { request } from 'undici';
import { signAccessToken } from '../src/auth/access-token.ts';
import { loadKeys } from '../src/auth/keys.ts';
import { loadConfig } from '../src/config.ts';
import { benchEnvironment, startProcess } from './support.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);

/** Peak and current resident memory of a process, in MiB (Linux). */
function memory(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

const env = await benchEnvironment('sargas_bench_export');
const { url: dbUrl, dataDir, children } = env;
let service: { child: ChildProcess; port: number } | undefined;
try {
  service = await startProcess('src/main.ts', {
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: dataDir,
    RETENTION_SWEEP_MINUTES: '0',
  });
  children.push(service.child);
  const db = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
  const t0 = performance.now();
  // events shaped like real checks: an IBAN and a phone finding each, masked and fingerprinted
  await db.unsafe(`
    INSERT INTO audit_events (id, tenant, seq, created_at, type, direction, visibility, platform, decision, would_block, mode,
      policy_version, rules, kinds, findings, actions, locale, agent_id, customer_fp, thread_id, post_id, identity, details,
      linked_event_id, idempotency_key, request_fp, hmac_key_id, prev_hash, hash)
    SELECT lpad(to_hex(s), 26, '0'), 'bench', s, now() - (${EVENTS} - s) * interval '1 second', 'check', 'outbound', 'public', 'facebook',
      'block', false, 'enforce', 'bench@0', '["account-data-public","contact-data-public"]', '["iban","phone"]',
      jsonb_build_array(jsonb_build_object('kind','iban','start',17,'end',49,'confidence',0.99,'masked','PL** **** **** **** **** **** 2874','fp',substr(md5(s::text),1,22)),
                        jsonb_build_object('kind','phone','start',60,'end',75,'confidence',0.9,'masked','+48 *** *** *56','fp',substr(md5((s+1)::text),1,22))),
      '["move_to_private_channel","verify_identity"]', 'pl', 'agent-' || (s % 40), substr(md5((s % 5000)::text),1,22), 't-' || (s % 20000), null,
      '{"status":"absent"}', null, null, null, null, 'k1', md5((s-1)::text) || md5(s::text), md5(s::text) || md5((s-1)::text)
    FROM generate_series(1, ${EVENTS}) AS s`);
  await db.unsafe(
    `INSERT INTO audit_chain_heads (tenant, seq, hash, updated_at) VALUES ('bench', ${EVENTS}, 'x', now())`,
  );
  await db.unsafe('ANALYZE audit_events');
  await db.end();
  console.log(
    `inserted ${EVENTS.toLocaleString('en')} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const keys = await loadKeys(loadConfig({ DATA_DIR: dataDir }));
  const token = await signAccessToken(
    keys.dev!,
    { tenant: 'bench', scopes: ['audit:read'] },
    { issuer: 'sargas-dev', audience: 'sargas' },
  );
  console.log(
    `service resident memory before: ${memory(service.child.pid!).now.toFixed(0)} MiB (peak so far ${memory(service.child.pid!).peak.toFixed(0)} MiB)`,
  );
  for (const format of ['jsonl', 'csv'] as const) {
    const started = performance.now();
    const res = await request(`http://127.0.0.1:${service.port}/v1/audit/export?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
      bodyTimeout: 600_000,
    });
    let bytes = 0;
    let lines = 0;
    let firstByte = 0;
    for await (const chunk of res.body) {
      if (!firstByte) firstByte = performance.now() - started;
      bytes += (chunk as Buffer).length;
      for (const b of chunk as Buffer) if (b === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    const mem = memory(service.child.pid!);
    console.log(
      `${format.padEnd(5)} status ${res.statusCode}: ${lines.toLocaleString('en')} lines, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(1)} s ` +
        `(${Math.round(EVENTS / seconds).toLocaleString('en')} events/s), first byte after ${firstByte.toFixed(0)} ms; service peak RSS ${mem.peak.toFixed(0)} MiB, now ${mem.now.toFixed(0)} MiB`,
    );
  }

  // a client that stops reading: the service must wait for it (backpressure), not read on
  // from the database into memory
  const res = await request(`http://127.0.0.1:${service.port}/v1/audit/export?format=jsonl`, {
    headers: { authorization: `Bearer ${token}` },
    bodyTimeout: 600_000,
  });
  let read = 0;
  await new Promise<void>((resolve) => {
    res.body.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > 16 * 2 ** 20) {
        res.body.pause();
        resolve();
      }
    });
  });
  const pausedAt = memory(service.child.pid!).now;
  await new Promise((r) => setTimeout(r, 5000));
  const after = memory(service.child.pid!).now;
  res.body.destroy();
  console.log(
    `slow client: read 16 MiB, stopped for 5 s: service RSS ${pausedAt.toFixed(0)} -> ${after.toFixed(0)} MiB`,
  );
} finally {
  await env.drop();
}
