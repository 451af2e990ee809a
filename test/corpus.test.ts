import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusPath, loadCorpus } from '../eval/corpus.ts';
import { measure } from '../eval/measure.ts';
import { scan } from '../src/detectors/index.ts';

const path = corpusPath();
const HOLDOUT = fileURLToPath(new URL('./fixtures/holdout/holdout.jsonl', import.meta.url));
const REALISTIC = fileURLToPath(new URL('./fixtures/realistic', import.meta.url));

function pooled(m: ReturnType<typeof measure>) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of m.byKind.values()) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  return { recall: tp / (tp + fn), precision: tp / (tp + fp) };
}

// Issue 9's targets on the messages written by hand in the register of real posts
// (fixtures/realistic/README.md has how each batch first measured).
describe('quality on the realistic messages', () => {
  const m = measure(loadCorpus(REALISTIC));

  it('lets no outbound secret or request for one through', () => {
    expect(m.secretLeaks, m.wrongDecisions.join('\n')).toBe(0);
  });

  it('decides at least 98% of messages as labelled', () => {
    expect(m.decisionsRight / m.messages, m.wrongDecisions.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('finds balances with recall of at least 0.95, every kind with at least 0.9, and pools at 0.97', () => {
    const below: string[] = [];
    for (const [kind, s] of m.byKind) {
      if (s.tp + s.fn === 0) continue;
      const recall = s.tp / (s.tp + s.fn);
      if (recall < (kind === 'balance' ? 0.95 : 0.9))
        below.push(`${kind}: recall ${recall.toFixed(3)}`);
    }
    expect(below, m.notes.join('\n')).toEqual([]);
    const { recall, precision } = pooled(m);
    expect(recall, m.notes.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(precision, m.notes.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('flags at most 2% of clean messages and blocks at most 2% of safe replies about secrets', () => {
    expect(m.clean).toBeGreaterThan(100);
    expect(m.safeAdvice).toBeGreaterThanOrEqual(50);
    expect(m.cleanFlagged / m.clean, m.notes.join('\n')).toBeLessThanOrEqual(0.02);
    expect(m.safeAdviceBlocked / m.safeAdvice, m.wrongDecisions.join('\n')).toBeLessThanOrEqual(
      0.02,
    );
  });
});

// The held-out messages were not used for tuning (fixtures/holdout/README.md); they are few
// per kind, so they are held to the pooled numbers, and to every decision but one.
describe('quality on the held-out messages', () => {
  const m = measure(loadCorpus(HOLDOUT));

  it('finds the personal data with pooled recall and precision of at least 0.95', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of m.byKind.values()) {
      tp += s.tp;
      fp += s.fp;
      fn += s.fn;
    }
    expect(tp / (tp + fn), m.notes.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fp), m.notes.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('answers at least 97% of messages in the language they were written in', () => {
    const rows = loadCorpus(HOLDOUT);
    const wrong = rows
      .filter((r) => scan(r.text).locale !== r.lang)
      .map((r) => `${r.id} ${r.lang}: ${r.text}`);
    expect(1 - wrong.length / rows.length, wrong.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('decides all messages but at most one as labelled, and lets no outbound secret through', () => {
    expect(m.messages - m.decisionsRight, m.wrongDecisions.join('\n')).toBeLessThanOrEqual(1);
    expect(m.secretLeaks).toBe(0);
  });
});

// The shared corpus sits beside the project (../shared), as on every machine of this team and in CI.
describe.skipIf(!existsSync(path))('quality on the shared corpus', () => {
  const m = measure(loadCorpus(path));

  it('finds every kind with recall and precision of at least 0.97, checksum kinds at 1.0', () => {
    const below: string[] = [];
    for (const [kind, s] of m.byKind) {
      if (s.tp + s.fn === 0) continue;
      const recall = s.tp / (s.tp + s.fn);
      const precision = s.tp / Math.max(s.tp + s.fp, 1);
      const target = ['iban', 'payment_card', 'national_id'].includes(kind) ? 1 : 0.97;
      if (recall < target || precision < target)
        below.push(`${kind}: recall ${recall.toFixed(3)} precision ${precision.toFixed(3)}`);
    }
    expect(below, m.notes.join('\n')).toEqual([]);
  });

  it('decides at least 98% of messages as labelled', () => {
    expect(m.decisionsRight / m.messages, m.wrongDecisions.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('never lets an outbound secret or request for one through', () => {
    expect(m.secretLeaks).toBe(0);
  });
});
