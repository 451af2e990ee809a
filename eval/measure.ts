import { scan } from '../src/detectors/index.ts';
import { KINDS, type Kind } from '../src/detectors/types.ts';
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
  byKind: Map<Kind, KindStats>;
  decisionsRight: number;
  /** Outbound messages with a SECRET (or a request for one) that were not blocked. */
  secretLeaks: number;
  /** Human-readable misses, false positives, span differences and wrong decisions. */
  notes: string[];
  wrongDecisions: string[];
}

const SECRET_KINDS = new Set<Kind>(['pin', 'password', 'card_security_code', 'one_time_code', 'payment_card']);

/**
 * A finding counts as found when its kind matches a labelled entity and the spans
 * overlap; `exact` counts those whose boundaries match too.
 */
export function measure(rows: readonly CorpusRow[]): Measurement {
  const byKind = new Map<Kind, KindStats>(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, exact: 0 }]));
  const notes: string[] = [];
  const wrongDecisions: string[] = [];
  let decisionsRight = 0;
  let secretLeaks = 0;
  for (const row of rows) {
    const result = scan(row.text, { locale: row.lang });
    const used = new Set<number>();
    for (const e of row.entities) {
      const s = byKind.get(e.kind)!;
      const i = result.findings.findIndex((f, idx) => !used.has(idx) && f.kind === e.kind && f.start < e.end && e.start < f.end);
      if (i < 0) {
        s.fn++;
        notes.push(`${row.id} MISS ${e.kind}: ${JSON.stringify(row.text.slice(e.start, e.end))} in ${JSON.stringify(row.text)}`);
        continue;
      }
      used.add(i);
      s.tp++;
      const f = result.findings[i]!;
      if (f.start === e.start && f.end === e.end) s.exact++;
      else notes.push(`${row.id} SPAN ${e.kind}: want ${JSON.stringify(row.text.slice(e.start, e.end))} got ${JSON.stringify(row.text.slice(f.start, f.end))}`);
    }
    result.findings.forEach((f, idx) => {
      if (used.has(idx)) return;
      byKind.get(f.kind)!.fp++;
      notes.push(`${row.id} FALSE ${f.kind}: ${JSON.stringify(row.text.slice(f.start, f.end))} in ${JSON.stringify(row.text)}`);
    });
    const decision = decideForRow(row, result);
    if (decision.decision === row.expect.decision) decisionsRight++;
    else {
      const where = `${row.direction}/${row.channel.visibility}${row.identityVerified ? '/verified' : ''}`;
      wrongDecisions.push(`${row.id} ${where} want ${row.expect.decision} got ${decision.decision} [${decision.rules.join(',')}]: ${JSON.stringify(row.text)}`);
    }
    const secretExpected = row.direction === 'outbound' && (row.secretRequest || row.entities.some((e) => SECRET_KINDS.has(e.kind)));
    if (secretExpected && decision.decision !== 'block') secretLeaks++;
  }
  return { messages: rows.length, byKind, decisionsRight, secretLeaks, notes, wrongDecisions };
}
