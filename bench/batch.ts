/**
 * Messages per second through single checks and through POST /v1/check/batch, side by side
 * in one run against real PostgreSQL:
 *   npm run bench:batch      (BENCH_DATABASE_URL, BENCH_SECONDS, BENCH_CONNECTIONS)
 * Single: autocannon, BENCH_CONNECTIONS connections (default 32). Batch: batches of 1,000 of
 * the same messages, two in flight (a backlog re-check or a trial on last month's replies).
 */
import { Pool } from 'undici';
import {
  benchEnvironment,
  benchToken,
  checkRequests,
  corpusRequests,
  load,
  startProcess,
} from './support.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const env = await benchEnvironment('sargas_bench_batch');
try {
  const service = await startProcess('src/main.ts', {
    DATABASE_URL: env.url.toString(),
    DATA_DIR: env.dataDir,
    RETENTION_SWEEP_MINUTES: '0',
    RATE_LIMIT_PER_SECOND: '0',
  });
  env.children.push(service.child);
  const token = await benchToken(env.dataDir);
  const items = checkRequests();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

  const singles = (seconds: number) =>
    load({
      url: `http://127.0.0.1:${service.port}`,
      requests: corpusRequests(token),
      connections: CONNECTIONS,
      duration: seconds,
    });

  const pool = new Pool(`http://127.0.0.1:${service.port}`, { connections: 2 });
  const batchBody = JSON.stringify({
    items: Array.from({ length: 1000 }, (_, i) => items[i % items.length]),
  });
  const batches = async (seconds: number) => {
    const until = performance.now() + seconds * 1000;
    let messages = 0;
    let errors = 0;
    const latencies: number[] = [];
    const worker = async () => {
      while (performance.now() < until) {
        const sent = performance.now();
        const res = await pool.request({
          path: '/v1/check/batch',
          method: 'POST',
          headers,
          body: batchBody,
        });
        const body = (await res.body.json()) as { results?: Array<{ decision?: string }> };
        latencies.push(performance.now() - sent);
        if (res.statusCode !== 200) errors++;
        else messages += body.results!.filter((r) => r.decision).length;
      }
    };
    const started = performance.now();
    await Promise.all([worker(), worker()]);
    latencies.sort((a, b) => a - b);
    return {
      rate: messages / ((performance.now() - started) / 1000),
      p50: latencies[Math.floor(latencies.length / 2)] ?? NaN,
      errors,
    };
  };

  await singles(2); // warm up both paths
  await batches(2);
  const single = await singles(DURATION);
  const batch = await batches(DURATION);
  await pool.close();
  console.log(
    `machine: ${(await import('node:os')).cpus().length} cores; ${DURATION} s per run; PostgreSQL at ${env.url.host}`,
  );
  console.log(
    `single checks (${CONNECTIONS} connections): ${Math.round(single.requests.average)} messages/s, p50 ${single.latency.p50} ms, errors ${single.errors + single.non2xx}`,
  );
  console.log(
    `batches of 1,000 (2 in flight):        ${Math.round(batch.rate)} messages/s, p50 ${batch.p50.toFixed(0)} ms per batch, errors ${batch.errors}`,
  );
  console.log(`batch / single: ${(batch.rate / single.requests.average).toFixed(2)}×`);
} finally {
  await env.drop();
}
