/**
 * The full check under concurrent load against real PostgreSQL, beside a bare Hono endpoint
 * measured in the same run on the same machine:
 *   npm run bench:server            (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 * Prints checks per second, p50/p99 latency, the mean audit batch size, and p99 at half load.
 * The service runs from its build (dist/, `npm run build` first; BENCH_BUILT=false: through
 * tsx; BENCH_DIST=<dir>: another build, such as the previous commit's, to compare;
 * BENCH_MAIN=<file>: any entry point, such as an older checkout's src/main.ts, run through tsx), without a profiler while it is measured (V8's sampling profiler costs ~5-10% of its
 * CPU and adds its own pauses); a second service is then profiled under the same load for
 * the stages' shares (BENCH_PROFILE=false skips it). The bare endpoint is plain node (bench/bare-server.mjs). The
 * throughput ratio is measured with the same client settings on both (autocannon, one
 * message as the body, the same connections); the full check is then measured on the
 * corpus's messages as well. On the 2-core machine autocannon and the endpoint share the
 * cores: the bare endpoint measured ~10,000 req/s with one body or a list of them, with or
 * without pipelining or worker threads (docs/performance.md).
 * BENCH_SECONDS, BENCH_WARMUP_SECONDS (default 15), BENCH_CONNECTIONS, BENCH_ROUNDS (of the half-load measurement), BENCH_PACED_RATE
 * (instead of half the measured maximum) and BENCH_NODE_FLAGS (for the service's node) vary a run.
 * Traffic goes to 127.0.0.1 only; every run is bounded in time.
 */
import type autocannon from 'autocannon';
import { Pool } from 'undici';
import {
  benchEnvironment,
  benchToken,
  checkRequests,
  corpusRequests,
  load as run,
  startProcess,
} from './support.ts';
import {
  attribute,
  monotonicMicros,
  postgresCpu,
  printStages,
  runQueueWaitMs,
  threadCpu,
} from './cpu-profile.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 15);

/** Cumulative bucket counts of a histogram by upper bound, and the event loop lag p99 since the previous reading. */
async function snapshot(
  port: number,
  name: string,
): Promise<{ buckets: Map<string, number>; lagP99: number }> {
  // prom-client measures the lag over the time between two readings of /metrics
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const buckets = new Map(
    [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)$`, 'gm'))].map((m) => [
      m[1]!,
      Number(m[2]),
    ]),
  );
  return {
    buckets,
    lagP99: Number(/^nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(text)?.[1] ?? NaN) * 1000,
  };
}

/** The smallest bucket bound under which `q` of the observations between two readings fall. */
function quantileBound(before: Map<string, number>, after: Map<string, number>, q: number): string {
  const total = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0);
  for (const [le, n] of after)
    if (n - (before.get(le) ?? 0) >= q * total)
      return le === '+Inf' ? '>1 s' : `≤ ${Number(le) * 1000} ms`;
  return '?';
}

async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/**
 * Open-loop load at a steady rate: one request every 1/rate seconds whatever the answers
 * do (autocannon's overallRate sends each second's quota in a burst, which measures the
 * burst, not the service). Returns latency percentiles in milliseconds.
 */
async function paced(
  port: number,
  path: string,
  bodies: string[],
  headers: Record<string, string>,
  rate: number,
  seconds: number,
) {
  // undici's pool: the cheapest well-kept HTTP client for Node, so the generator takes as
  // little as it can of the cores it shares with the service and PostgreSQL
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 256, pipelining: 1 });
  // two unmeasured seconds at the same rate first: the client opens the keep-alive
  // connections it needs (a helpdesk tool holds them open), the service's code is hot
  await send(pool, path, bodies, headers, rate, 2);
  const result = await send(pool, path, bodies, headers, rate, seconds);
  await pool.close();
  return result;
}

async function send(
  pool: Pool,
  path: string,
  bodies: string[],
  headers: Record<string, string>,
  rate: number,
  seconds: number,
) {
  const total = Math.floor(rate * seconds);
  // preallocated, and no promise kept per request: the generator's own garbage collections
  // would show up as the service's latency
  const latencies = new Float64Array(total).fill(Infinity);
  let errors = 0;
  let outstanding = 0;
  let allSent = false;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  const settle = () => {
    if (--outstanding === 0 && allSent) finished();
  };
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    outstanding++;
    pool.request({ path, method: 'POST', headers, body: bodies[i % bodies.length]! }).then(
      async (res) => {
        await res.body.dump();
        if (res.statusCode !== 200) errors++;
        latencies[i] = performance.now() - sent;
        settle();
      },
      () => {
        errors++;
        settle();
      },
    );
  }
  allSent = true;
  if (outstanding > 0) await done;
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort();
  const answered = total - errors;
  const q = (p: number) => latencies[Math.min(answered - 1, Math.floor(p * answered))] ?? NaN;
  return { rate: answered / elapsed, p50: q(0.5), p99: q(0.99), p999: q(0.999), max: q(1), errors };
}

const env = await benchEnvironment('sargas_bench');
const { url: dbUrl, dataDir, children } = env;
try {
  const profDir = join(dataDir, 'prof');
  const startService = (flags: string[]) =>
    startProcess(
      process.env.BENCH_MAIN ??
        (process.env.BENCH_BUILT === 'false'
          ? 'src/main.ts'
          : `${process.env.BENCH_DIST ?? 'dist'}/main.js`),
      {
        DATABASE_URL: dbUrl.toString(),
        DATA_DIR: dataDir,
        RETENTION_SWEEP_MINUTES: '0',
        RATE_LIMIT_PER_SECOND: '1000000',
        RATE_LIMIT_BURST: '1000000',
      },
      [...NODE_FLAGS, ...flags],
    );
  const service = await startService([]);
  children.push(service.child);
  const bare = await startProcess('bench/bare-server.mjs', {});
  children.push(bare.child);

  const token = await benchToken(dataDir);
  const bodies = checkRequests().map((b) => JSON.stringify(b));
  const requests = (path: string) => corpusRequests(token, path);

  // Warm both up as a long-running service is: V8 compiles the check's code for the first
  // 10-20 s under load (its compiler threads took 900 µs a check in the first 5 s here,
  // 60-120 µs after 15 s, and the main thread ~40% more than when warm); the bare endpoint's
  // little code is hot within a second
  for (const [port, path] of [
    [bare.port, '/bare'],
    [service.port, '/v1/check'],
  ] as const)
    await run({
      url: `http://127.0.0.1:${port}`,
      requests: requests(path),
      connections: CONNECTIONS,
      duration: WARMUP,
    });

  // one message, the same for both: a mid-length one of the corpus
  const one = [...bodies].sort((a, b) => a.length - b.length)[Math.floor(bodies.length / 2)]!;
  const single = (port: number, path: string, auth: boolean) =>
    run({
      url: `http://127.0.0.1:${port}${path}`,
      method: 'POST',
      body: one,
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: `Bearer ${token}` } : {}),
      },
      connections: CONNECTIONS,
      duration: DURATION,
    });
  const bareRes = await single(bare.port, '/bare', false);
  const events0 = await metric(service.port, 'sargas_audit_events_total');
  const batches0 = await metric(service.port, 'sargas_audit_batches_total');
  const [svc0, pg0] = [threadCpu(service.child.pid!), postgresCpu()];
  const full = await single(service.port, '/v1/check', true);
  const [svc1, pg1] = [threadCpu(service.child.pid!), postgresCpu()];
  const events1 = await metric(service.port, 'sargas_audit_events_total');
  const batches1 = await metric(service.port, 'sargas_audit_batches_total');
  const corpus = await run({
    url: `http://127.0.0.1:${service.port}`,
    requests: requests('/v1/check'),
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const halfRate =
    Number(process.env.BENCH_PACED_RATE ?? 0) || Math.max(1, Math.floor(full.requests.average / 2));
  const line = (name: string, r: autocannon.Result) =>
    `${name.padEnd(36)} ${String(Math.round(r.requests.average)).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
  console.log(
    `machine: ${(await import('node:os')).cpus().length} cores; ${CONNECTIONS} connections, ${DURATION} s per run; PostgreSQL at ${dbUrl.host}`,
  );
  console.log(line('bare Hono endpoint (plain node)', bareRes));
  console.log(line('full check, same message', full));
  console.log(line('full check, the corpus (442 messages)', corpus));
  console.log(
    `full / bare throughput, same client settings: ${((full.requests.average / bareRes.requests.average) * 100).toFixed(1)}% (target >= 15%)`,
  );
  const checks = full.requests.total;
  console.log(
    `CPU at max load: service process ${((svc1.all - svc0.all) / checks).toFixed(0)} µs per check (all threads; main thread ${((svc1.main - svc0.main) / checks).toFixed(0)} µs), PostgreSQL ${((pg1 - pg0) / Math.max(1, events1 - events0)).toFixed(0)} µs per event`,
  );
  console.log(
    `audit: ${events1 - events0} events in ${batches1 - batches0} transactions, mean batch ${((events1 - events0) / Math.max(1, batches1 - batches0)).toFixed(1)}`,
  );

  // Half load, several rounds: one stall of the shared machine (a full GC, a slow fsync, the
  // hypervisor) moves a single run's p99 a lot. Each round also runs the same generator at
  // the same rate against the bare endpoint: what it measures, the service did not add.
  const fmt = (r: Awaited<ReturnType<typeof paced>>) =>
    `p50 ${r.p50.toFixed(1).padStart(4)}  p99 ${r.p99.toFixed(1).padStart(5)}  p99.9 ${r.p999.toFixed(1).padStart(5)}  max ${r.max.toFixed(1).padStart(5)} ms  errors ${r.errors}`;
  console.log(
    `half load: paced (open-loop) at ${halfRate} req/s, ${ROUNDS} rounds of ${DURATION} s, each after 2 s unmeasured at the same rate`,
  );
  const p99s: number[] = [];
  const bareP99s: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const before = await snapshot(service.port, 'sargas_check_duration_seconds');
    const waited0 = runQueueWaitMs(service.child.pid!);
    const half = await paced(
      service.port,
      '/v1/check',
      bodies,
      { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      halfRate,
      DURATION,
    );
    const after = await snapshot(service.port, 'sargas_check_duration_seconds');
    const waited = (runQueueWaitMs(service.child.pid!) - waited0) / (DURATION + 2);
    const bareWaited0 = runQueueWaitMs(bare.child.pid!);
    const control = await paced(
      bare.port,
      '/bare',
      bodies,
      { 'content-type': 'application/json' },
      halfRate,
      DURATION,
    );
    const bareWaited = (runQueueWaitMs(bare.child.pid!) - bareWaited0) / (DURATION + 2);
    p99s.push(half.p99);
    bareP99s.push(control.p99);
    console.log(`  round ${round}  full check     ${fmt(half)}`);
    console.log(
      `           in the service: p50 ${quantileBound(before.buckets, after.buckets, 0.5)}, p99 ${quantileBound(before.buckets, after.buckets, 0.99)} (histogram), event loop lag p99 ${after.lagP99.toFixed(1)} ms, main thread waited for a CPU ${waited.toFixed(0)} ms/s`,
    );
    console.log(
      `           bare endpoint  ${fmt(control)}   waited for a CPU ${bareWaited.toFixed(0)} ms/s`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `half load p99, median of ${ROUNDS} rounds: full check ${median(p99s).toFixed(1)} ms (target <= 10 ms); bare endpoint with the same generator ${median(bareP99s).toFixed(1)} ms`,
  );
  const metricsText = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
  const commitBuckets = [
    ...metricsText.matchAll(/^sargas_audit_commit_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm),
  ].map((m) => `${m[1]}:${m[2]}`);
  console.log(
    `audit commit durations over the whole run (s:cumulative count): ${commitBuckets.join(' ')}`,
  );
  const stop = async (child: typeof service.child) => {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
    children.splice(children.indexOf(child), 1);
  };
  await stop(service.child);
  if (process.env.BENCH_PROFILE !== 'false') {
    // the stages: the same load on a service of its own with V8's CPU profiler, written as it exits
    const profiled = await startService(['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
    children.push(profiled.child);
    await run({
      url: `http://127.0.0.1:${profiled.port}`,
      requests: requests('/v1/check'),
      connections: CONNECTIONS,
      duration: WARMUP,
    });
    const from = monotonicMicros();
    await run({
      url: `http://127.0.0.1:${profiled.port}`,
      requests: requests('/v1/check'),
      connections: CONNECTIONS,
      duration: DURATION,
    });
    const window = { from, to: monotonicMicros() };
    await stop(profiled.child);
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (file)
      printStages(attribute(JSON.parse(readFileSync(join(profDir, file), 'utf8')), window), 10);
  }
} finally {
  await env.drop();
}
