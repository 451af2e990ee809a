/**
 * Where a check's time goes: npm run bench:profile
 * Runs the service (node with --cpu-prof) against real PostgreSQL under autocannon load
 * (BENCH_CONNECTIONS, default 32; BENCH_SECONDS, default 10), then attributes every CPU
 * sample of its main thread to a stage by the innermost frame of the stack that belongs to
 * one (detection, policy, the writer, postgres.js …), and measures the CPU the service
 * process and PostgreSQL's processes spent (from /proc), per check and per event.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnvironment, benchToken, corpusRequests, load, startProcess } from './support.ts';
import {
  attribute,
  metric,
  monotonicMicros,
  postgresCpu,
  printStages,
  threadCpu,
} from './cpu-profile.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const env = await benchEnvironment('sargas_bench_profile');
const profDir = join(env.dataDir, 'prof');
try {
  const service = await startProcess(
    process.env.BENCH_BUILT === 'false' ? 'src/main.ts' : 'dist/main.js',
    {
      DATABASE_URL: env.url.toString(),
      DATA_DIR: env.dataDir,
      RETENTION_SWEEP_MINUTES: '0',
      RATE_LIMIT_PER_SECOND: '0',
    },
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
  );
  env.children.push(service.child);
  const requests = corpusRequests(await benchToken(env.dataDir));
  const run = (seconds: number) =>
    load({
      url: `http://127.0.0.1:${service.port}`,
      requests,
      connections: CONNECTIONS,
      duration: seconds,
    });
  // warm, as a long-running service is (bench/server.ts says why)
  await run(Number(process.env.BENCH_WARMUP_SECONDS ?? 15));
  const pid = service.child.pid!;
  const from = monotonicMicros();
  const [svc0, pg0, ev0] = [
    threadCpu(pid),
    postgresCpu(),
    await metric(service.port, 'sargas_audit_events_total'),
  ];
  const res = await run(DURATION);
  const window = { from, to: monotonicMicros() };
  const [svc1, pg1, ev1] = [
    threadCpu(pid),
    postgresCpu(),
    await metric(service.port, 'sargas_audit_events_total'),
  ];
  const checks = res.requests.total;
  const events = ev1 - ev0;
  // the profile is written when the process exits
  const exited = new Promise((r) => service.child.on('exit', r));
  service.child.kill('SIGTERM');
  await exited;
  env.children.length = 0;
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
  const totals = attribute(JSON.parse(readFileSync(join(profDir, file), 'utf8')), window);
  console.log(
    `load: ${CONNECTIONS} connections, ${DURATION} s: ${Math.round(res.requests.average)} checks/s, p50 ${res.latency.p50} ms, p99 ${res.latency.p99} ms, errors ${res.errors + res.non2xx}`,
  );
  console.log(
    `CPU: service process ${((svc1.all - svc0.all) / checks).toFixed(0)} µs per check (all threads; main thread ${((svc1.main - svc0.main) / checks).toFixed(0)} µs, under the profiler); PostgreSQL ${((pg1 - pg0) / events).toFixed(0)} µs per event (${events} events)`,
  );
  printStages(totals);
} finally {
  await env.drop();
}
