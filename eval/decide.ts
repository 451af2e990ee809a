import type { ScanResult } from '../src/detectors/index.ts';
import { decideOffline } from '../src/policies/offline.ts';
import { defaultPolicy } from '../src/policies/types.ts';
import type { CorpusRow } from './corpus.ts';

const policy = defaultPolicy('eval');

/** The decision for a corpus row under the default policy, identity as the row says. */
export function decideForRow(row: CorpusRow, result: ScanResult) {
  const evaluation = decideOffline(row.text, result, {
    direction: row.direction,
    visibility: row.channel.visibility,
    identityVerified: row.identityVerified,
    policy,
  });
  return { decision: evaluation.decision, rules: evaluation.violations.map((v) => v.rule) };
}
