import { readdirSync, readFileSync } from 'node:fs';

// What bench:profile and bench:server share: a V8 CPU profile attributed to the stages of a
// check, and the CPU time of a process and of PostgreSQL's processes, read from /proc.

const TICK_US = 1e6 / 100; // /proc's clock ticks (USER_HZ)

/** Stages by the first frame (innermost first) whose URL or name matches. Order matters. */
export const STAGES: Array<[string, RegExp]> = [
  ['logging (pino)', /node_modules\/(pino|sonic-boom|thread-stream)/],
  ['metrics (prom-client)', /node_modules\/prom-client|(src|dist)\/api\/metrics/],
  ['postgres.js (driver)', /node_modules\/postgres\//],
  ['zod (validation)', /node_modules\/zod|(src|dist)\/validation\//],
  [
    'jose / token checks',
    /node_modules\/jose|(src|dist)\/auth\/access-token|(src|dist)\/api\/auth/,
  ],
  ['identity', /(src|dist)\/auth\/identity/],
  ['detection', /(src|dist)\/detectors\/|libphonenumber|node_modules\/iban/],
  ['policy', /(src|dist)\/policies\/|(src|dist)\/stores\//],
  ['receipt signing', /(src|dist)\/audit\/receipt/],
  ['fingerprints', /(src|dist)\/audit\/fingerprint/],
  ['seal and tree head', /(src|dist)\/audit\/(tree|merkle|tree-head|seal)/],
  [
    'event building and hashing',
    /(src|dist)\/audit\/(check-event|events|canonical|chain|hash|stored-form|event-fields)/,
  ],
  ['the writer (group commit)', /(src|dist)\/audit\/(writer|chain-append|append)/],
  ['check service', /(src|dist)\/service\//],
  [
    'HTTP and body (hono, node-server, src/api)',
    /node_modules\/(hono|@hono)|(src|dist)\/api\/|(src|dist)\/app\.ts/,
  ],
];

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  parent?: number;
  children?: number[];
}

/** The monotonic clock V8's profiles use (µs, CLOCK_MONOTONIC), the same in every process. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Each sample's stage, counting only the samples taken within `window` (monotonicMicros()
 * readings around the measured load), so start-up and warm-up are left out.
 */
export function attribute(
  profile: {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
  },
  window?: { from: number; to: number },
) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const stageOf = new Map<number, string>();
  const classify = (id: number): string => {
    const cached = stageOf.get(id);
    if (cached) return cached;
    const n = byId.get(id)!;
    const name = n.callFrame.functionName;
    let stage: string | undefined;
    if (name === '(idle)') stage = 'idle';
    else if (name === '(garbage collector)') stage = 'garbage collection';
    else if (name === '(program)') stage = 'V8 and native (program)';
    else {
      const label = `${n.callFrame.url} ${name}`;
      stage = STAGES.find(([, re]) => re.test(label))?.[0];
      if (!stage)
        stage =
          n.parent !== undefined ? classify(n.parent) : 'node internals (net, streams, timers)';
    }
    stageOf.set(id, stage);
    return stage;
  };
  const totals = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.from || at > window.to)) return;
    const s = classify(id);
    totals.set(s, (totals.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return totals;
}

export function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US; // utime + stime, µs
}
/** CPU time of a process's main thread and of all its threads (GC helpers, compiler, libuv), µs. */
export function threadCpu(pid: number): { main: number; all: number } {
  let main = 0;
  let all = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let us: number;
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      us = (Number(fields[11]) + Number(fields[12])) * TICK_US;
    } catch {
      continue; // the thread ended between the listing and the read
    }
    all += us;
    if (Number(tid) === pid) main += us;
  }
  return { main, all };
}
/**
 * How long a process's main thread has been runnable but waiting for a CPU, in ms
 * (/proc/<pid>/schedstat's second field): what the machine, not the code, adds to latency.
 */
export function runQueueWaitMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
}

export function postgresCpu(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^\d+ \(postgres\)/.test(stat)) total += cpuOf(Number(pid));
    } catch {}
  }
  return total;
}
export async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
}

/** The stages by share of the main thread's busy time. */
export function printStages(totals: Map<string, number>, top = Infinity): void {
  const busy = [...totals].filter(([s]) => s !== 'idle').reduce((a, [, t]) => a + t, 0);
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  console.log(
    `main thread (CPU profile of the measured load): busy ${((busy / all) * 100).toFixed(0)}%; by stage, share of busy time:`,
  );
  for (const [stage, t] of [...totals]
    .filter(([s]) => s !== 'idle')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`  ${((t / busy) * 100).toFixed(1).padStart(5)}%  ${stage}`);
}
