import { isKind, KIND, type Kind } from '../detectors/kinds.ts';
import {
  contextLabel,
  patternCost,
  patternProblem,
  termTokens,
} from '../detectors/tenant-detection.ts';
import { PREFIX_KEY } from '../detectors/term-index.ts';
import { type EntryProblem, normalizeAllowList } from './normalize-allow-list.ts';
import { POLICY_LIMITS, type StoredPolicy } from './policy-schema.ts';

export type { EntryProblem } from './normalize-allow-list.ts';

/** A policy document checked beyond its shape: normalised, with its problems and what it weakens. */
export interface CheckedPolicy {
  doc: StoredPolicy;
  problems: EntryProblem[];
  /** Fields that switch off, monitor, raise the threshold of or allow-list values of a SECRET kind. */
  secretWeakenings: string[];
}

const RESERVED = new Set(['customer']);

function termProblem(term: string): string | null {
  const tokens = termTokens(term);
  if (tokens.length === 0) return 'must hold a letter or a digit';
  const first = tokens[0]!;
  if (first.prefix && first.text.length < PREFIX_KEY)
    return `a prefix (*) needs at least ${PREFIX_KEY} letters before it`;
  return null;
}

/**
 * What the schema cannot say about a policy document: custom kinds' names, terms and RE2
 * patterns, totals within POLICY_LIMITS, tuning that names known kinds, and the rule that a
 * change weakening a secret kind's protection says so (`tuning.acknowledgeSecretWeakening`).
 * Pure: the service, the validate endpoint and the command line share it.
 */
export function checkPolicy(input: StoredPolicy, previous?: StoredPolicy): CheckedPolicy {
  const { list, problems } = normalizeAllowList(input.allowList, input.defaultRegion);
  const doc: StoredPolicy = { ...input, allowList: list };
  const customKinds = doc.customKinds ?? [];
  const classOf = new Map<string, string>();
  let terms = 0;
  let patterns = 0;
  let program = 0;
  customKinds.forEach((k, i) => {
    const at = `customKinds.${i}`;
    if (isKind(k.name) || RESERVED.has(k.name))
      problems.push({ field: `${at}.name`, message: 'must not be the name of a built-in kind' });
    else if (classOf.has(k.name))
      problems.push({ field: `${at}.name`, message: 'names another custom kind already' });
    classOf.set(k.name, k.class);
    (k.terms ?? []).forEach((t, j) => {
      const why = termProblem(t);
      if (why) problems.push({ field: `${at}.terms.${j}`, message: why });
    });
    (k.context ?? []).forEach((t, j) => {
      const why = termProblem(t);
      if (why) problems.push({ field: `${at}.context.${j}`, message: why });
    });
    (k.patterns ?? []).forEach((p, j) => {
      const why = patternProblem(p);
      if (why) {
        problems.push({ field: `${at}.patterns.${j}`, message: why });
        return;
      }
      const cost = patternCost(p);
      program += cost;
      if (cost > POLICY_LIMITS.patternProgram)
        problems.push({
          field: `${at}.patterns.${j}`,
          message: `is too large for a check: ${cost} RE2 instructions, at most ${POLICY_LIMITS.patternProgram}`,
        });
    });
    terms += k.terms?.length ?? 0;
    patterns += k.patterns?.length ?? 0;
  });
  if (terms > POLICY_LIMITS.terms)
    problems.push({
      field: 'customKinds',
      message: `must hold at most ${POLICY_LIMITS.terms} terms in all`,
    });
  if (program > POLICY_LIMITS.patternPrograms)
    problems.push({
      field: 'customKinds',
      message: `patterns must compile to at most ${POLICY_LIMITS.patternPrograms} RE2 instructions in all (these: ${program})`,
    });
  if (patterns > POLICY_LIMITS.patterns)
    problems.push({
      field: 'customKinds',
      message: `must hold at most ${POLICY_LIMITS.patterns} patterns in all`,
    });

  const known = (kind: string) => isKind(kind) || classOf.has(kind);
  const isSecret = (kind: string) =>
    isKind(kind) ? KIND[kind].class === 'SECRET' : classOf.get(kind) === 'SECRET';
  const weakenings: string[] = [];
  const tuning = doc.tuning ?? {};
  for (const [kind, t] of Object.entries(tuning.kinds ?? {})) {
    const at = `tuning.kinds.${kind}`;
    if (!known(kind)) {
      problems.push({ field: at, message: 'names no built-in or custom kind' });
      continue;
    }
    if (t.context && Object.keys(t.context).length > 0) {
      if (!isKind(kind))
        problems.push({
          field: `${at}.context`,
          message: "a custom kind's context words belong in customKinds[].context",
        });
      else if (!contextLabel(kind as Kind))
        problems.push({
          field: `${at}.context`,
          message: 'this kind is found without context words',
        });
      else
        for (const [locale, words] of Object.entries(t.context))
          (words ?? []).forEach((w, j) => {
            const why = termProblem(w);
            if (why) problems.push({ field: `${at}.context.${locale}.${j}`, message: why });
          });
    }
    if (isSecret(kind)) {
      if (t.mode === 'off' || t.mode === 'monitor') weakenings.push(`${at}.mode`);
      if (t.threshold !== undefined) weakenings.push(`${at}.threshold`);
    }
  }
  (tuning.allow ?? []).forEach((e, i) => {
    if (e.kind === undefined) return;
    if (!known(e.kind))
      problems.push({
        field: `tuning.allow.${i}.kind`,
        message: 'names no built-in or custom kind',
      });
    else if (isSecret(e.kind)) weakenings.push(`tuning.allow.${i}`);
  });
  (tuning.deny ?? []).forEach((e, i) => {
    if (!known(e.kind))
      problems.push({
        field: `tuning.deny.${i}.kind`,
        message: 'names no built-in or custom kind',
      });
    else if (termTokens(e.value).length === 0)
      problems.push({ field: `tuning.deny.${i}.value`, message: 'must hold a letter or a digit' });
    else {
      // as a term is: a prefix too short to index would be stored and never found
      const why = termProblem(e.value);
      if (why) problems.push({ field: `tuning.deny.${i}.value`, message: why });
    }
  });
  // The acknowledgement is for this change: only weakenings the version in force does not
  // already make need it, and it is never stored (a later edit of the same document would
  // otherwise carry it to any new weakening unseen).
  const standing = previous ? checkPolicy(previous).secretWeakenings : [];
  const added = weakenings.filter((w) => !standing.includes(w));
  if (doc.tuning && 'acknowledgeSecretWeakening' in doc.tuning) {
    const { acknowledgeSecretWeakening: _, ...rest } = doc.tuning;
    doc.tuning = rest;
  }
  if (added.length > 0 && tuning.acknowledgeSecretWeakening !== true)
    problems.push({
      field: added[0]!,
      message:
        'weakens the protection of a SECRET kind: set tuning.acknowledgeSecretWeakening to true to make it (the change is audited and names it)',
    });
  return { doc, problems, secretWeakenings: weakenings };
}
