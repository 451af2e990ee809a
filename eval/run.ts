/**
 * Measures detection and decisions on the labelled corpus:
 *   npm run eval [-- --show] [-- --corpus path]
 * A finding counts as found when its kind matches a labelled entity and the spans overlap;
 * "exact" counts those whose boundaries match too.
 */
import { scan } from '../src/detectors/index.ts';
import { KINDS, type Kind } from '../src/detectors/types.ts';
import { decideForRow } from './decide.ts';
import { loadCorpus } from './corpus.ts';

const args = process.argv.slice(2);
const show = args.includes('--show');
const corpusArg = args.indexOf('--corpus');
const rows = loadCorpus(corpusArg >= 0 ? args[corpusArg + 1] : undefined);

const stats = new Map<Kind, { tp: number; fp: number; fn: number; exact: number }>();
for (const k of KINDS) stats.set(k, { tp: 0, fp: 0, fn: 0, exact: 0 });
const misses: string[] = [];
let decisionsRight = 0;
let secretLeaks = 0;
const wrongDecisions: string[] = [];

for (const row of rows) {
  const result = scan(row.text, { locale: row.lang });
  const used = new Set<number>();
  for (const e of row.entities) {
    const s = stats.get(e.kind)!;
    const i = result.findings.findIndex((f, idx) => !used.has(idx) && f.kind === e.kind && f.start < e.end && e.start < f.end);
    if (i >= 0) {
      used.add(i);
      s.tp++;
      const f = result.findings[i]!;
      if (f.start === e.start && f.end === e.end) s.exact++;
      else misses.push(`${row.id} span ${e.kind}: want ${JSON.stringify(row.text.slice(e.start, e.end))} got ${JSON.stringify(row.text.slice(f.start, f.end))}`);
    } else {
      s.fn++;
      misses.push(`${row.id} MISS ${e.kind}: ${JSON.stringify(row.text.slice(e.start, e.end))} in ${JSON.stringify(row.text)}`);
    }
  }
  result.findings.forEach((f, idx) => {
    if (used.has(idx)) return;
    stats.get(f.kind)!.fp++;
    misses.push(`${row.id} FALSE ${f.kind}: ${JSON.stringify(row.text.slice(f.start, f.end))} in ${JSON.stringify(row.text)}`);
  });
  const decision = decideForRow(row, result);
  if (decision.decision === row.expect.decision) decisionsRight++;
  else wrongDecisions.push(`${row.id} ${row.direction}/${row.channel.visibility}${row.identityVerified ? '/verified' : ''} want ${row.expect.decision} got ${decision.decision} [${decision.rules.join(',')}]: ${JSON.stringify(row.text)}`);
  const secretKinds = new Set(['pin', 'password', 'card_security_code', 'one_time_code', 'payment_card']);
  const secretExpected = row.direction === 'outbound' && (row.secretRequest || row.entities.some((e) => secretKinds.has(e.kind)));
  if (secretExpected && decision.decision !== 'block') secretLeaks++;
}

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
console.log(`corpus: ${rows.length} messages`);
console.log('kind                 support   recall  precision  exact-span');
let allTp = 0;
let allFp = 0;
let allFn = 0;
for (const [kind, s] of stats) {
  allTp += s.tp;
  allFp += s.fp;
  allFn += s.fn;
  const support = s.tp + s.fn;
  if (support === 0 && s.fp === 0) continue;
  console.log(`${kind.padEnd(20)} ${String(support).padStart(7)}   ${pct(s.tp / support)}  ${pct(s.tp / (s.tp + s.fp))}      ${pct(s.exact / Math.max(s.tp, 1))}`);
}
console.log(`${'all'.padEnd(20)} ${String(allTp + allFn).padStart(7)}   ${pct(allTp / (allTp + allFn))}  ${pct(allTp / (allTp + allFp))}`);
console.log(`decisions correct: ${decisionsRight}/${rows.length} = ${pct(decisionsRight / rows.length)}`);
console.log(`outbound secrets not blocked: ${secretLeaks}`);
if (show) {
  console.log('\n-- detection misses, false positives, span differences');
  for (const m of misses) console.log(m);
  console.log('\n-- wrong decisions');
  for (const m of wrongDecisions) console.log(m);
}
