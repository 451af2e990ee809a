import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, loadCorpus } from '../eval/corpus.ts';
import { measure } from '../eval/measure.ts';

const path = corpusPath();

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
      if (recall < target || precision < target) below.push(`${kind}: recall ${recall.toFixed(3)} precision ${precision.toFixed(3)}`);
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
