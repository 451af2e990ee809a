/**
 * Prints detection and decision quality on the labelled corpus:
 *   npm run eval [-- --show] [-- --corpus path]   (a .jsonl file or a directory of them)
 *   npm run eval -- --policy policy.json          (a tenant's policy: its custom kinds get rows)
 */
import { readFileSync } from 'node:fs';
import { loadPolicy } from '../src/policies/policy-file.ts';
import { loadCorpus } from './corpus.ts';
import { measure } from './measure.ts';

const args = process.argv.slice(2);
const corpusArg = args.indexOf('--corpus');
const policyArg = args.indexOf('--policy');
const loaded =
  policyArg >= 0 ? loadPolicy(JSON.parse(readFileSync(args[policyArg + 1] ?? '', 'utf8'))) : null;
if (loaded && !loaded.ok) {
  for (const p of loaded.problems) console.error(`${p.field}: ${p.message}`);
  process.exit(2);
}
const m = measure(
  loadCorpus(corpusArg >= 0 ? args[corpusArg + 1] : undefined),
  loaded?.ok ? loaded.policy : undefined,
);

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
console.log(`corpus: ${m.messages} messages`);
console.log('kind                 support   recall  precision  exact-span');
let tp = 0;
let fp = 0;
let fn = 0;
for (const [kind, s] of m.byKind) {
  tp += s.tp;
  fp += s.fp;
  fn += s.fn;
  if (s.tp + s.fn === 0 && s.fp === 0) continue;
  console.log(
    `${kind.padEnd(20)} ${String(s.tp + s.fn).padStart(7)}   ${f3(s.tp / (s.tp + s.fn))}  ${f3(s.tp / (s.tp + s.fp))}      ${f3(s.exact / Math.max(s.tp, 1))}`,
  );
}
console.log(
  `${'all'.padEnd(20)} ${String(tp + fn).padStart(7)}   ${f3(tp / (tp + fn))}  ${f3(tp / (tp + fp))}`,
);
console.log(
  `decisions correct: ${m.decisionsRight}/${m.messages} = ${f3(m.decisionsRight / m.messages)}`,
);
console.log(`outbound secrets not blocked: ${m.secretLeaks}`);
console.log(`clean messages flagged: ${m.cleanFlagged}/${m.clean}`);
console.log(`safe replies about secrets blocked: ${m.safeAdviceBlocked}/${m.safeAdvice}`);
if (args.includes('--show')) {
  console.log('\n-- misses, false positives, span differences');
  for (const n of m.notes) console.log(n);
  console.log('\n-- wrong decisions');
  for (const n of m.wrongDecisions) console.log(n);
}
