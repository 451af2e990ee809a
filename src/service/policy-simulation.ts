import type { StoredFinding } from '../audit/events.ts';
import { fingerprint } from '../audit/fingerprint.ts';
import { recentChecks } from '../audit/query.ts';
import type { HmacKey } from '../auth/keys.ts';
import type { Database } from '../db/client.ts';
import type { InternalFinding, Kind, Locale } from '../detectors/index.ts';
import { evaluate } from '../policies/evaluate.ts';
import { REQUEST_RULES } from '../policies/rules.ts';
import type { TenantPolicy } from '../policies/types.ts';

/** What a candidate policy would have decided on the tenant's recent checks. */
export interface SimulationReport {
  evaluated: number;
  changed: number;
  /** "block→warn": how many decisions move that way. */
  transitions: Record<string, number>;
  /** Per rule: how many of the events it fired on, as recorded and under the candidate. */
  byRule: Record<string, { before: number; after: number }>;
  /** Events fingerprinted with a key no longer configured: their allow-list matches cannot be recomputed. */
  olderKeyEvents: number;
  /** Whole e-mail domains on the allow-list cannot be matched from fingerprints; they are not simulated. */
  emailDomainsSimulated: false;
}

/**
 * Re-decides the tenant's recent checks under a candidate policy from what the audit log
 * kept — kinds, channels, identity status and keyed fingerprints, never the text — and
 * counts what would change. Allow-list entries are compared by fingerprint.
 */
export async function simulate(
  db: Database,
  tenant: string,
  candidate: TenantPolicy,
  keys: HmacKey[],
  options: { from?: Date | undefined; to?: Date | undefined; limit: number },
): Promise<SimulationReport> {
  const rows = await recentChecks(db, tenant, options);

  // the allow-list's fingerprints under every configured key (current and rotated out), by key id
  const own = new Map<string, Set<string>>();
  for (const k of keys) {
    const fps = new Set<string>();
    const add = (kind: Kind, value: string) => {
      const fp = fingerprint(k.key, kind, value);
      if (fp) fps.add(fp);
    };
    for (const p of candidate.allowList.phones) add('phone', p);
    for (const i of candidate.allowList.ibans) add('iban', i);
    for (const e of candidate.allowList.emails) add('email', e);
    own.set(k.id, fps);
  }

  const report: SimulationReport = {
    evaluated: 0,
    changed: 0,
    transitions: {},
    byRule: {},
    olderKeyEvents: 0,
    emailDomainsSimulated: false,
  };
  for (const row of rows) {
    const stored = row.findings as StoredFinding[];
    const allowed = own.get(row.hmacKeyId);
    if (!allowed && stored.some((f) => f.fp)) report.olderKeyEvents++;
    const findings: Array<InternalFinding & { fp: string | null }> = stored.map((f) => ({
      kind: f.kind as Kind,
      start: f.start,
      end: f.end,
      confidence: f.confidence,
      masked: f.masked,
      evidence: [],
      value: '',
      fp: f.fp,
    }));
    const identity =
      (row.identity as { status?: string } | null)?.status === 'verified'
        ? { status: 'verified' as const, issuer: 'audit', subject: 'audit' }
        : { status: 'absent' as const };
    const evaluation = evaluate({
      direction: row.direction as 'inbound' | 'outbound',
      visibility: row.visibility as 'public' | 'private',
      identity,
      text: '',
      locale: (row.locale ?? 'en') as Locale,
      findings,
      // the event keeps no text: a request it recorded stands in as one (its kind and span matter to no rule)
      secretRequests: row.rules.some((id) => REQUEST_RULES.has(id))
        ? [{ kind: 'pin', start: 0, end: 0, basis: 'request' as const }]
        : [],
      policy: candidate,
      allowListed: (f) => {
        const fp = (f as { fp?: string | null }).fp;
        return !!fp && !!allowed?.has(fp);
      },
    });
    report.evaluated++;
    const before = row.decision ?? 'allow';
    const after = evaluation.decision;
    if (before !== after) {
      report.changed++;
      const key = `${before}→${after}`;
      report.transitions[key] = (report.transitions[key] ?? 0) + 1;
    }
    for (const rule of row.rules) ruleCount(report, rule).before++;
    for (const v of evaluation.violations) ruleCount(report, v.rule).after++;
  }
  return report;
}

function ruleCount(report: SimulationReport, rule: string): { before: number; after: number } {
  let count = report.byRule[rule];
  if (!count) {
    count = { before: 0, after: 0 };
    report.byRule[rule] = count;
  }
  return count;
}
