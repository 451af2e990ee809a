import type { InternalFinding } from '../detectors/index.ts';
import { isKind } from '../detectors/kinds.ts';
import {
  compactValue,
  compileTenantDetection,
  type TenantDetection,
} from '../detectors/tenant-detection.ts';
import type { FindingKind, Locale } from '../detectors/types.ts';
import { wordSpans, words } from './safe-texts.ts';
import type { TenantPolicy } from './types.ts';

/** What a policy adds to the check, compiled once per policy version (not per check). */
export interface CompiledPolicy {
  /** What `scan` takes (`tenant`); undefined when the policy adds nothing to detection. */
  detection: TenantDetection | undefined;
  /** Whether a finding is one of the tuning's allowed values or prefixes (its kind's, compared on letters and digits). */
  allowedValue: ((f: InternalFinding) => boolean) | undefined;
  /** The tuning's safe phrases, as words: findings inside one are not counted. */
  allowPhrases: readonly string[];
  /** Kinds found and reported, never counted in the decision. */
  monitored: ReadonlySet<FindingKind>;
}

const NOTHING: CompiledPolicy = {
  detection: undefined,
  allowedValue: undefined,
  allowPhrases: [],
  monitored: new Set(),
};

function compile(policy: TenantPolicy): CompiledPolicy {
  const tuning = policy.tuning ?? {};
  const minConfidence = new Map<FindingKind, number>();
  const monitored = new Set<FindingKind>();
  const context: Array<{
    kind: Parameters<typeof compileTenantDetection>[0]['context'][number]['kind'];
    locale: Locale;
    phrase: string;
  }> = [];
  for (const [kind, t] of Object.entries(tuning.kinds ?? {})) {
    if (t.mode === 'off') minConfidence.set(kind, Number.POSITIVE_INFINITY);
    else if (t.threshold !== undefined) minConfidence.set(kind, t.threshold);
    if (t.mode === 'monitor') monitored.add(kind);
    if (isKind(kind))
      for (const [locale, list] of Object.entries(t.context ?? {}) as [Locale, string[]][])
        for (const phrase of list) context.push({ kind, locale, phrase });
  }
  const customKinds = policy.customKinds ?? [];
  const deny = tuning.deny ?? [];
  const detection =
    customKinds.length > 0 || deny.length > 0 || context.length > 0 || minConfidence.size > 0
      ? compileTenantDetection({ customKinds, deny, context, minConfidence })
      : undefined;

  const values = new Map<string, { exact: Set<string>; prefixes: string[] }>();
  const allowPhrases: string[] = [];
  for (const entry of tuning.allow ?? []) {
    if (entry.phrase !== undefined) {
      const w = words(entry.phrase).text;
      if (w) allowPhrases.push(w);
      continue;
    }
    if (!entry.kind) continue;
    let forKind = values.get(entry.kind);
    if (!forKind) {
      forKind = { exact: new Set(), prefixes: [] };
      values.set(entry.kind, forKind);
    }
    if (entry.value !== undefined) forKind.exact.add(compactValue(entry.value));
    if (entry.prefix !== undefined) forKind.prefixes.push(compactValue(entry.prefix));
  }
  const allowedValue =
    values.size > 0
      ? (f: InternalFinding) => {
          const forKind = values.get(f.kind);
          if (!forKind) return false;
          const v = compactValue(f.value);
          return forKind.exact.has(v) || forKind.prefixes.some((p) => v.startsWith(p));
        }
      : undefined;
  return { detection, allowedValue, allowPhrases, monitored };
}

// Per policy object (the store keeps one per version for its cache period), and by content, so
// a version read again after the store's cache expired is not compiled again.
const byPolicy = new WeakMap<TenantPolicy, CompiledPolicy>();
const byContent = new Map<string, CompiledPolicy>();
const CONTENT_CACHE_LIMIT = 256;

/** A policy's custom kinds and tuning, compiled; the same object for the same content. */
export function compiledPolicy(policy: TenantPolicy): CompiledPolicy {
  if (!policy.customKinds?.length && !policy.tuning) return NOTHING;
  let compiled = byPolicy.get(policy);
  if (compiled) return compiled;
  const key = JSON.stringify([policy.customKinds ?? [], policy.tuning ?? {}]);
  compiled = byContent.get(key);
  if (!compiled) {
    compiled = compile(policy);
    if (byContent.size >= CONTENT_CACHE_LIMIT)
      byContent.delete(byContent.keys().next().value as string);
    byContent.set(key, compiled);
  }
  byPolicy.set(policy, compiled);
  return compiled;
}

/** Where the text holds one of the tuning's safe phrases, in original offsets. */
export function allowPhraseSpans(text: string, compiled: CompiledPolicy): Array<[number, number]> {
  return wordSpans(text, compiled.allowPhrases);
}
