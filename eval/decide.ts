import type { ScanResult } from '../src/detectors/index.ts';
import { evaluate } from '../src/policies/evaluate.ts';
import { defaultPolicy } from '../src/policies/types.ts';
import type { CorpusRow } from './corpus.ts';

/** The decision for a corpus row under the default policy, identity as the row says. */
export function decideForRow(row: CorpusRow, result: ScanResult) {
  const evaluation = evaluate({
    direction: row.direction,
    visibility: row.channel.visibility,
    identity: row.identityVerified ? { status: 'verified', issuer: 'corpus', subject: 'corpus' } : { status: 'absent' },
    text: row.text,
    locale: result.locale,
    findings: result.findings,
    secretRequests: result.secretRequests,
    policy: defaultPolicy('eval'),
  });
  return { decision: evaluation.decision, rules: evaluation.violations.map((v) => v.rule) };
}
