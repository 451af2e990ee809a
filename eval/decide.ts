import type { ScanResult } from '../src/detectors/index.ts';
import { decideOffline } from '../src/policies/offline.ts';
import { defaultPolicy, type TenantPolicy } from '../src/policies/types.ts';
import type { CorpusRow } from './corpus.ts';

const DEFAULT = defaultPolicy('eval');

/** The decision for a corpus row under a policy (the default one unless given), identity as the row says. */
export function decideForRow(row: CorpusRow, result: ScanResult, policy: TenantPolicy = DEFAULT) {
  const evaluation = decideOffline(row.text, result, {
    direction: row.direction,
    visibility: row.channel.visibility,
    identityVerified: row.identityVerified,
    policy,
  });
  return { decision: evaluation.decision, rules: evaluation.violations.map((v) => v.rule) };
}
