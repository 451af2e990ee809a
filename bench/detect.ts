/**
 * Detection speed on one core: npm run bench:detect
 * Scans the shared corpus repeatedly in-process and prints messages per second, median and
 * p99 microseconds per message, peak memory, and the time for texts of 1k, 5k and 20k
 * characters (linear growth expected); then the same corpus with no tenant configuration and
 * with a realistic one (bench/tenant-policy.ts: 200 terms, 20 patterns), side by side.
 */
import { scan } from '../src/detectors/index.ts';
import { defaultPolicy } from '../src/policies/types.ts';
import { loadPolicy, scanUnder } from '../src/policies/policy-file.ts';
import { realisticTenantPolicy } from './tenant-policy.ts';
import { clearPhoneCache } from '../src/detectors/phone.ts';
import { loadCorpus } from '../eval/corpus.ts';

const rows = loadCorpus();
const texts = rows.map((r) => r.text);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);

for (let i = 0; i < 5; i++) for (const t of texts) scan(t); // warm up the JIT and caches

const samples = new Float64Array(ROUNDS * texts.length);
let k = 0;
let peakRss = process.memoryUsage().rss;
const started = process.hrtime.bigint();
for (let r = 0; r < ROUNDS; r++) {
  for (const t of texts) {
    const s = process.hrtime.bigint();
    scan(t);
    samples[k++] = Number(process.hrtime.bigint() - s) / 1000;
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
const sorted = Array.from(samples).sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const meanLen = texts.reduce((a, t) => a + t.length, 0) / texts.length;

console.log(
  `corpus: ${texts.length} messages, mean ${meanLen.toFixed(0)} characters, ${ROUNDS} rounds`,
);
console.log(
  `throughput: ${Math.round((ROUNDS * texts.length) / (totalMs / 1000))} messages/s (one core)`,
);
console.log(
  `per message: median ${q(0.5).toFixed(1)} µs, p90 ${q(0.9).toFixed(1)} µs, p99 ${q(0.99).toFixed(1)} µs, max ${sorted[sorted.length - 1]!.toFixed(1)} µs`,
);
console.log(
  `peak RSS: ${(peakRss / 2 ** 20).toFixed(1)} MiB, heap used now: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB`,
);

// The same corpus again with the phone-parse cache emptied before every message: the cost
// when no number has been seen before.
{
  const s = process.hrtime.bigint();
  const rounds = Math.max(5, Math.floor(ROUNDS / 4));
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      clearPhoneCache();
      scan(t);
    }
  }
  const ms = Number(process.hrtime.bigint() - s) / 1e6;
  console.log(
    `throughput with no phone number cached: ${Math.round((rounds * texts.length) / (ms / 1000))} messages/s`,
  );
}

// Long texts: corpus messages joined until the length is reached, and an adversarial digit soup.
function timeFor(text: string): number {
  const reps = text.length > 10_000 ? 20 : 50;
  scan(text);
  const s = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) scan(text);
  return Number(process.hrtime.bigint() - s) / 1e6 / reps;
}
let long = '';
while (long.length < 20_000) long += `${texts[long.length % texts.length]} `;
console.log('length    realistic ms   adversarial ms');
for (const n of [1_000, 5_000, 20_000]) {
  const adversarial = '1 2-3.4/5 PIN 6 7 8 9 0 '.repeat(Math.ceil(n / 24)).slice(0, n);
  console.log(
    `${String(n).padStart(6)}    ${timeFor(long.slice(0, n)).toFixed(3).padStart(12)}   ${timeFor(adversarial).toFixed(3).padStart(14)}`,
  );
}

// No tenant configuration against a realistic one, rounds interleaved so both see the same machine.
{
  const compileStart = process.hrtime.bigint();
  const loaded = loadPolicy(realisticTenantPolicy(), 'bench', 1);
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
  if (!loaded.ok) throw new Error(`bench policy invalid: ${JSON.stringify(loaded.problems)}`);
  const configured = loaded.policy;
  const none = defaultPolicy('bench');
  const variants = [
    { name: 'no tenant configuration', policy: none },
    { name: 'tenant: 200 terms, 20 patterns', policy: configured },
  ];
  for (const v of variants)
    for (let i = 0; i < 3; i++) for (const t of texts) scanUnder(v.policy, t);
  const rounds = Math.max(10, Math.floor(ROUNDS / 2));
  const times = variants.map(() => new Float64Array(rounds * texts.length));
  const totals = variants.map(() => 0);
  for (let r = 0; r < rounds; r++)
    variants.forEach((v, vi) => {
      const started = process.hrtime.bigint();
      texts.forEach((t, ti) => {
        const s = process.hrtime.bigint();
        scanUnder(v.policy, t);
        (times[vi] as Float64Array)[r * texts.length + ti] =
          Number(process.hrtime.bigint() - s) / 1000;
      });
      totals[vi] = (totals[vi] as number) + Number(process.hrtime.bigint() - started) / 1e6;
    });
  console.log(`\ntenant configuration compiled once in ${compileMs.toFixed(1)} ms`);
  console.log('configuration                      messages/s   mean µs/msg   median µs   p99 µs');
  variants.forEach((v, vi) => {
    const sorted = Array.from(times[vi] as Float64Array).sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    const n = rounds * texts.length;
    const ms = totals[vi] as number;
    console.log(
      `${v.name.padEnd(34)} ${String(Math.round(n / (ms / 1000))).padStart(10)}   ${((ms * 1000) / n).toFixed(1).padStart(11)}   ${at(0.5).toFixed(1).padStart(9)}   ${at(0.99).toFixed(1).padStart(6)}`,
    );
  });
}

// The worst a tenant's patterns can cost: patterns at the size limit (POLICY_LIMITS.patternPrograms)
// shaped so that no literal narrows the search, over texts that keep every one of them alive.
{
  const patterns = Array.from({ length: 22 }, (_, i) => `[ab]*a[ab]{${20 + (i % 2)}}c`);
  const loaded = loadPolicy({
    customKinds: [
      { name: 'worst', class: 'INFO', patterns: patterns.slice(0, 10) },
      { name: 'worst2', class: 'INFO', patterns: patterns.slice(10, 20) },
      { name: 'worst3', class: 'INFO', patterns: patterns.slice(20) },
    ],
  });
  if (!loaded.ok) throw new Error(`worst-case policy invalid: ${JSON.stringify(loaded.problems)}`);
  const worst = loaded.policy;
  console.log(
    '\nadversarial tenant patterns (22, at the RE2 size limit) over a/b text ending in c',
  );
  console.log('length    ms per message');
  for (const n of [1_000, 5_000, 20_000]) {
    let text = '';
    for (let i = 0; text.length < n - 1; i++) text += (i * 7919) % 3 === 0 ? 'a' : 'b';
    text += 'c';
    scanUnder(worst, text);
    const reps = n > 10_000 ? 3 : 10;
    const s = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) scanUnder(worst, text);
    console.log(
      `${String(n).padStart(6)}    ${(Number(process.hrtime.bigint() - s) / 1e6 / reps).toFixed(1).padStart(14)}`,
    );
  }
}
