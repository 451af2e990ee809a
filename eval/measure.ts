import { buildDocument } from '../src/detectors/document.ts';
import { scanUnder } from '../src/policies/policy-file.ts';
import { defaultPolicy, type TenantPolicy } from '../src/policies/types.ts';
import { describeKind, KINDS, SECRET_MENTIONS, type Kind } from '../src/detectors/kinds.ts';
import type { CorpusRow } from './corpus.ts';
import { decideForRow } from './decide.ts';

export interface KindStats {
  tp: number;
  fp: number;
  fn: number;
  exact: number;
}

/** Detection and decision quality over labelled rows. */
export interface Measurement {
  messages: number;
  /** Built-in kinds first, then any custom kind of the policy measured under. */
  byKind: Map<string, KindStats>;
  decisionsRight: number;
  /** Outbound messages with a SECRET (or a request for one) that were not blocked. */
  secretLeaks: number;
  /** Messages with no personal data at all, and those of them with any finding. */
  clean: number;
  cleanFlagged: number;
  /** Outbound replies that name a secret without asking for it or holding one, and those of them blocked for a request. */
  safeAdvice: number;
  safeAdviceBlocked: number;
  /** Human-readable misses, false positives, span differences and wrong decisions. */
  notes: string[];
  wrongDecisions: string[];
}

const SECRET_KINDS = new Set<Kind>(KINDS.filter((k) => describeKind(k).class === 'SECRET'));

/**
 * A finding counts as found when its kind matches a labelled entity and the spans
 * overlap; `exact` counts those whose boundaries match too.
 */
export function measure(
  rows: readonly CorpusRow[],
  policy: TenantPolicy = defaultPolicy('eval'),
): Measurement {
  const byKind = new Map<string, KindStats>(
    KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, exact: 0 }]),
  );
  const notes: string[] = [];
  const wrongDecisions: string[] = [];
  let decisionsRight = 0;
  let secretLeaks = 0;
  let clean = 0;
  let cleanFlagged = 0;
  let safeAdvice = 0;
  let safeAdviceBlocked = 0;
  for (const row of rows) {
    const result = scanUnder(policy, row.text, { locale: row.lang, region: undefined });
    const used = new Set<number>();
    for (const e of row.entities) {
      const s = byKind.get(e.kind)!;
      const i = result.findings.findIndex(
        (f, idx) => !used.has(idx) && f.kind === e.kind && f.start < e.end && e.start < f.end,
      );
      if (i < 0) {
        s.fn++;
        notes.push(
          `${row.id} MISS ${e.kind}: ${JSON.stringify(row.text.slice(e.start, e.end))} in ${JSON.stringify(row.text)}`,
        );
        continue;
      }
      used.add(i);
      s.tp++;
      const f = result.findings[i]!;
      if (f.start === e.start && f.end === e.end) s.exact++;
      else
        notes.push(
          `${row.id} SPAN ${e.kind}: want ${JSON.stringify(row.text.slice(e.start, e.end))} got ${JSON.stringify(row.text.slice(f.start, f.end))}`,
        );
    }
    result.findings.forEach((f, idx) => {
      if (used.has(idx)) return;
      let stats = byKind.get(f.kind);
      if (!stats) {
        stats = { tp: 0, fp: 0, fn: 0, exact: 0 };
        byKind.set(f.kind, stats);
      }
      stats.fp++;
      notes.push(
        `${row.id} FALSE ${f.kind}: ${JSON.stringify(row.text.slice(f.start, f.end))} in ${JSON.stringify(row.text)}`,
      );
    });
    const decision = decideForRow(row, result, policy);
    if (decision.decision === row.expect.decision) decisionsRight++;
    else {
      const where = `${row.direction}/${row.channel.visibility}${row.identityVerified ? '/verified' : ''}`;
      const asked =
        row.direction === 'outbound'
          ? result.secretRequests
              .map(
                (r) => ` {${r.kind}/${r.basis}: ${JSON.stringify(row.text.slice(r.start, r.end))}}`,
              )
              .join('')
          : '';
      wrongDecisions.push(
        `${row.id} ${where} want ${row.expect.decision} got ${decision.decision} [${decision.rules.join(',')}]${asked}: ${JSON.stringify(row.text)}`,
      );
    }
    const secretExpected =
      row.direction === 'outbound' &&
      (row.secretRequest || row.entities.some((e) => SECRET_KINDS.has(e.kind)));
    if (secretExpected && decision.decision !== 'block') secretLeaks++;
    if (row.entities.length === 0 && !row.secretRequest) {
      clean++;
      if (result.findings.length > 0) cleanFlagged++;
    }
    if (row.direction === 'outbound' && !secretExpected && namesSecret(row.text)) {
      safeAdvice++;
      if (decision.rules.includes('secret-request')) safeAdviceBlocked++;
    }
  }
  return {
    messages: rows.length,
    byKind,
    decisionsRight,
    secretLeaks,
    clean,
    cleanFlagged,
    safeAdvice,
    safeAdviceBlocked,
    notes,
    wrongDecisions,
  };
}

/** Whether a text names or describes a customer's secret (the lexicon's words for one, as the kinds' descriptors list them). */
function namesSecret(text: string): boolean {
  const labels = buildDocument(text).labels;
  return SECRET_MENTIONS.some(([l]) => labels.has(l));
}
