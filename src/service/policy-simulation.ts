import type { StoredFinding } from '../audit/events.ts';
import { fingerprint } from '../audit/fingerprint.ts';
import { recentChecks } from '../audit/query.ts';
import type { HmacKey } from '../auth/keys.ts';
import type { Database } from '../db/client.ts';
import type { InternalFinding, Kind, Locale } from '../detectors/index.ts';
import { isKind, type KindFacts, customKindFacts } from '../detectors/kinds.ts';
import { compactValue } from '../detectors/tenant-detection.ts';
import { evaluate } from '../policies/evaluate.ts';
import { REQUEST_RULES } from '../policies/rules.ts';
import type { TenantPolicy } from '../policies/types.ts';

/** What a candidate policy would have decided on the tenant's recent checks. */
export interface SimulationReport {
  evaluated: number;
  changed: number;
  /** "block→warn": how many decisions move that way. */
  transitions: Record<string, number>;
  /** Per rule: how many of the events it fired on, as recorded and under the candidate, and how many of those changed decision. */
  byRule: Record<string, { before: number; after: number; changed: number }>;
  /**
   * Per custom kind recorded in the events or defined by the candidate: events where it counted
   * as recorded and under the candidate, and how many of those changed decision.
   */
  byCustomKind: Record<string, { before: number; after: number; changed: number }>;
  /**
   * What history cannot tell (the events keep no text): the candidate's custom kinds not
   * recorded before, its denied values, allowed prefixes and phrases, and new context words.
   */
  notSimulated: {
    newCustomKinds: string[];
    deny: number;
    allowPrefixes: number;
    allowPhrases: number;
    contextWords: boolean;
  };
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
  // the candidate's custom kinds: a recorded finding of one is decided by its class there
  const customFacts = new Map<string, KindFacts>(
    (candidate.customKinds ?? []).map((k) => [k.name, customKindFacts(k.class)]),
  );
  const factsFor = (kind: string) => (isKind(kind) ? undefined : customFacts.get(kind));

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
    // the tuning's allowed values, by the canonical value custom kinds and denied values carry
    for (const entry of candidate.tuning?.allow ?? []) {
      if (entry.kind === undefined || entry.value === undefined) continue;
      const v = compactValue(entry.value);
      const facts = factsFor(entry.kind);
      // a built-in kind's canonical value may be upper-case (IBAN) or E.164 (phone)
      for (const form of facts ? [v] : [v, v.toUpperCase(), `+${v}`]) {
        const fp = fingerprint(k.key, entry.kind, form, facts);
        if (fp) fps.add(fp);
      }
    }
    own.set(k.id, fps);
  }

  const tuning = candidate.tuning ?? {};
  const minConfidence = new Map<string, number>();
  for (const [kind, t] of Object.entries(tuning.kinds ?? {}))
    if (t.mode === 'off') minConfidence.set(kind, Number.POSITIVE_INFINITY);
    else if (t.threshold !== undefined) minConfidence.set(kind, t.threshold);
  const recordedCustom = new Set<string>();
  const report: SimulationReport = {
    evaluated: 0,
    changed: 0,
    transitions: {},
    byRule: {},
    byCustomKind: {},
    olderKeyEvents: 0,
    emailDomainsSimulated: false,
    notSimulated: {
      newCustomKinds: [],
      deny: tuning.deny?.length ?? 0,
      allowPrefixes: (tuning.allow ?? []).filter((e) => e.prefix !== undefined).length,
      allowPhrases: (tuning.allow ?? []).filter((e) => e.phrase !== undefined).length,
      contextWords: Object.values(tuning.kinds ?? {}).some(
        (t) => Object.keys(t.context ?? {}).length > 0,
      ),
    },
  };
  for (const row of rows) {
    const stored = row.findings as StoredFinding[];
    const allowed = own.get(row.hmacKeyId);
    if (!allowed && stored.some((f) => f.fp)) report.olderKeyEvents++;
    for (const f of stored) if (!isKind(f.kind)) recordedCustom.add(f.kind);
    // what the candidate would still find: a custom kind only if it still defines it, above its thresholds
    const findings: Array<InternalFinding & { fp: string | null }> = stored.flatMap((f) => {
      const facts = isKind(f.kind) ? undefined : customFacts.get(f.kind);
      if (!isKind(f.kind) && !facts) return [];
      if (f.confidence < (minConfidence.get(f.kind) ?? 0)) return [];
      return [
        {
          kind: f.kind,
          ...(facts ? { facts } : {}),
          start: f.start,
          end: f.end,
          confidence: f.confidence,
          masked: f.masked,
          evidence: [],
          value: '',
          fp: f.fp,
        },
      ];
    });
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
    const changed = before !== after ? 1 : 0;
    if (changed) {
      report.changed++;
      const key = `${before}→${after}`;
      report.transitions[key] = (report.transitions[key] ?? 0) + 1;
    }
    const rulesAfter = new Set(evaluation.violations.map((v) => v.rule));
    for (const rule of row.rules) count(report.byRule, rule).before++;
    for (const rule of rulesAfter) count(report.byRule, rule).after++;
    for (const rule of new Set([...row.rules, ...rulesAfter]))
      count(report.byRule, rule).changed += changed;
    const customBefore = new Set(
      stored.filter((f) => !isKind(f.kind) && !f.allowListed && !f.monitored).map((f) => f.kind),
    );
    const customAfter = new Set(
      evaluation.counted.filter((f) => !isKind(f.kind)).map((f) => f.kind),
    );
    for (const k of customBefore) count(report.byCustomKind, k).before++;
    for (const k of customAfter) count(report.byCustomKind, k).after++;
    for (const k of new Set([...customBefore, ...customAfter]))
      count(report.byCustomKind, k).changed += changed;
  }
  report.notSimulated.newCustomKinds = [...customFacts.keys()].filter(
    (k) => !recordedCustom.has(k),
  );
  return report;
}

function count(
  table: Record<string, { before: number; after: number; changed: number }>,
  key: string,
): { before: number; after: number; changed: number } {
  let c = table[key];
  if (!c) {
    c = { before: 0, after: 0, changed: 0 };
    table[key] = c;
  }
  return c;
}
