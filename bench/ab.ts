/**
 * Two builds of the service side by side, for a before-and-after of a few percent:
 *   npm run bench:ab -- <dir A> <dir B>      (each a build: cp -r dist dist-base first)
 * Both run at once against PostgreSQL (a database each), both warmed up, then take the same
 * load in short alternating rounds (A B, B A, …), so that what the shared machine does
 * during the run falls on both alike; then again with the two processes' places swapped.
 * Prints each build's checks/s and CPU per check (all threads and the main thread, from
 * /proc; PostgreSQL's too), and B's CPU per check against A's.
 * BENCH_ROUNDS (default 10), BENCH_SECONDS per round (5), BENCH_CONNECTIONS (64),
 * BENCH_WARMUP_SECONDS (15, each) vary it; BENCH_ENV_A and BENCH_ENV_B (NAME=value,…) set one
 * build's environment (the same build twice, with LOG_LEVEL=info against warn, say). A whole bench:server run moved the CPU per check
 * by ±10% from one run to the next here; pairs of alternating rounds move it far less.
 */
import { benchEnvironment, benchToken, corpusRequests, load, startProcess } from './support.ts';
import { postgresCpu, threadCpu } from './cpu-profile.ts';

const [dirA, dirB] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: npm run bench:ab -- <build dir A> <build dir B>');
  process.exit(2);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 15);

interface Tally {
  checks: number;
  seconds: number;
  all: number;
  main: number;
  /** PostgreSQL's CPU in the rounds (only this build was loaded then), µs. */
  pg: number;
}
type Label = 'A' | 'B';
const DIRS: Record<Label, string> = { A: dirA, B: dirB };
const tallies = new Map<Label, Tally>(
  (['A', 'B'] as const).map((l) => [l, { checks: 0, seconds: 0, all: 0, main: 0, pg: 0 }]),
);

/**
 * One session: `first` and `second` running at once, each on a database of its own, then
 * alternating rounds. Returns B's CPU per check over A's, round by round.
 */
async function session(first: Label, second: Label): Promise<number[]> {
  const envs = [await benchEnvironment('sargas_ab_1'), await benchEnvironment('sargas_ab_2')];
  try {
    const variants: Array<{
      label: Label;
      pid: number;
      port: number;
      requests: ReturnType<typeof corpusRequests>;
    }> = [];
    for (const [i, label] of [first, second].entries()) {
      const env = envs[i]!;
      const service = await startProcess(`${DIRS[label]}/main.js`, {
        DATABASE_URL: env.url.toString(),
        DATA_DIR: env.dataDir,
        RETENTION_SWEEP_MINUTES: '0',
        RATE_LIMIT_PER_SECOND: '1000000',
        RATE_LIMIT_BURST: '1000000',
        // BENCH_ENV_A / BENCH_ENV_B: settings of one build's process, as NAME=value,NAME=value
        ...Object.fromEntries(
          (process.env[`BENCH_ENV_${label}`] ?? '')
            .split(',')
            .filter(Boolean)
            .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
        ),
      });
      env.children.push(service.child);
      variants.push({
        label,
        pid: service.child.pid!,
        port: service.port,
        requests: corpusRequests(await benchToken(env.dataDir)),
      });
    }
    const run = (v: (typeof variants)[number], seconds: number) =>
      load({
        url: `http://127.0.0.1:${v.port}`,
        requests: v.requests,
        connections: CONNECTIONS,
        duration: seconds,
      });
    for (const v of variants) await run(v, WARMUP);
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const perCheck = new Map<string, number>();
      for (const v of round % 2 === 0 ? variants : [...variants].reverse()) {
        const [before, pg0] = [threadCpu(v.pid), postgresCpu()];
        const res = await run(v, SECONDS);
        const [after, pg1] = [threadCpu(v.pid), postgresCpu()];
        if (res.errors + res.non2xx > 0)
          throw new Error(`${v.label}: ${res.non2xx} non-2xx answers`);
        const t = tallies.get(v.label)!;
        t.checks += res.requests.total;
        t.seconds += SECONDS;
        t.all += after.all - before.all;
        t.main += after.main - before.main;
        t.pg += pg1 - pg0;
        perCheck.set(v.label, (after.all - before.all) / res.requests.total);
      }
      ratios.push(perCheck.get('B')! / perCheck.get('A')!);
    }
    return ratios;
  } finally {
    for (const env of envs) await env.drop();
  }
}

// Two sessions with the builds' places swapped: even two identical builds differed by ~5%
// here by which of the two processes they were (start order, database), and the swap
// cancels that.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const halves = [await session('A', 'B'), await session('B', 'A')];
console.log(
  `2 sessions (places swapped) of ${ROUNDS} alternating rounds of ${SECONDS} s, ${CONNECTIONS} connections, corpus messages`,
);
for (const [label, t] of tallies)
  console.log(
    `${label} ${`${DIRS[label]} ${process.env[`BENCH_ENV_${label}`] ?? ''}`.padEnd(28)} ${Math.round(
      t.checks / t.seconds,
    )
      .toString()
      .padStart(
        6,
      )} checks/s   CPU per check ${(t.all / t.checks).toFixed(0)} µs (main thread ${(t.main / t.checks).toFixed(0)} µs), PostgreSQL ${(t.pg / t.checks).toFixed(0)} µs`,
  );
console.log(
  `B / A, CPU per check: median by round ${pct(median(halves[0]!))} with A started first, ${pct(median(halves[1]!))} with B started first; both: ${pct(Math.sqrt(median(halves[0]!) * median(halves[1]!)))}`,
);
