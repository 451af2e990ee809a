import { RE2JS } from 're2js';
import { luhnValid, mod11Valid, mod97Valid } from './checksums.ts';
import { buildDocument, type TenantPhrase } from './document.ts';
import {
  describeKind,
  type DataClass,
  type Kind,
  type KindFacts,
  customKindFacts,
} from './kinds.ts';
import type { Label } from './lexicon/types.ts';
import { fold } from './normalize.ts';
import { indexTerms, termsAt, type Term, type TermIndex, type TermToken } from './term-index.ts';
import type { ScanDocument, Token } from './token.ts';
import type { Candidate, FindingKind, Locale } from './types.ts';

export type Checksum = 'mod97' | 'luhn' | 'mod11';

/** A tenant's own kind of personal data (policy `customKinds`), already validated. */
export interface CustomKindDefinition {
  name: string;
  class: DataClass;
  terms?: readonly string[] | undefined;
  patterns?: readonly string[] | undefined;
  checksum?: Checksum | undefined;
  context?: readonly string[] | undefined;
  /** Without one of the context words nearby, a match is not a finding (by default they only raise confidence). */
  contextRequired?: boolean | undefined;
}

/** What a tenant adds to detection: custom kinds, values always found, context words, and per-kind minimum confidence (Infinity: switched off). */
export interface TenantDetectionInput {
  customKinds: readonly CustomKindDefinition[];
  deny: ReadonlyArray<{ kind: FindingKind; value: string }>;
  context: ReadonlyArray<{ kind: Kind; locale: Locale; phrase: string }>;
  minConfidence: ReadonlyMap<FindingKind, number>;
}

/** A tenant's detection, compiled once per policy version: what `scan` reads. */
export interface TenantDetection {
  /** Context words that label words as the lexicon's do. */
  phrases: TermIndex<TenantPhrase> | undefined;
  /** Custom kinds' candidates (ranked after the built-in secrets and checksummed kinds). */
  detect(doc: ScanDocument): Candidate[];
  /** Denied values (ranked before everything). */
  detectDenied(doc: ScanDocument): Candidate[];
  /** Per kind, the minimum confidence of a finding; Infinity for a kind switched off. */
  minConfidence: ReadonlyMap<FindingKind, number> | undefined;
}

// How far (in tokens) a custom kind's context word may be from its value, either side.
const CONTEXT_WINDOW = 8;
const CONFIDENCE = { term: 0.9, checksum: 0.95, pattern: 0.75, contextBoost: 0.2 } as const;

/** The canonical value of a custom kind's match, as allow entries and fingerprints compare it: folded, letters and digits only. */
export function compactValue(text: string): string {
  return fold(text.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A term as the document's tokenizer cuts it: "Konto 360*" is the word `konto` and a number run beginning `360`. */
export function termTokens(raw: string): TermToken[] {
  // the term without its stars, and where each star was: the token ending there is a prefix
  let body = '';
  const stars = new Set<number>();
  for (const ch of raw) {
    if (ch === '*') stars.add(body.length);
    else body += ch;
  }
  const doc = buildDocument(body);
  return doc.tokens.map((t) => ({
    type: t.type,
    text: t.text,
    prefix: stars.has(doc.toOriginal(t.start, t.end)[1]),
  }));
}

/**
 * What a pattern costs a check: its RE2 program's size. A search is linear in the text's length
 * times this (re2js simulates the program over the text), so policy limits bound it per pattern
 * and per tenant (POLICY_LIMITS.patternProgram, .patternPrograms).
 */
export function patternCost(pattern: string): number {
  return RE2JS.compile(pattern).programSize();
}

/** Why a tenant's pattern cannot be used, or null. Patterns are RE2 syntax (linear time: no backreferences or lookaround). */
export function patternProblem(pattern: string): string | null {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/`[^`]*`/g, '').trim() : '';
    return `not a valid RE2 regular expression${why ? ` (${why.split(':')[0]})` : ''}`;
  }
  if (re.matches('')) return 'matches the empty text';
  return null;
}

/** The label a tenant's context words for a built-in kind give: the first that claims a number for it (none: the kind takes no context words). */
export function contextLabel(kind: Kind): Label | undefined {
  return describeKind(kind).claims[0];
}

interface CompiledKind {
  name: string;
  facts: KindFacts;
  checksum: Checksum | undefined;
  hasContext: boolean;
  contextRequired: boolean;
  patterns: RE2JS[];
}

function checksumHolds(checksum: Checksum | undefined, value: string): boolean {
  switch (checksum) {
    case undefined:
      return true;
    case 'luhn':
      return luhnValid(value.replace(/[^0-9]/g, ''));
    case 'mod11':
      return mod11Valid(value.replace(/[^0-9]/g, ''));
    case 'mod97':
      return mod97Valid(value.toUpperCase());
  }
}

/** Compiles a tenant's additions once (terms indexed, patterns compiled); `scan` then costs a map lookup per word and one pattern pass per message. */
export function compileTenantDetection(input: TenantDetectionInput): TenantDetection {
  const kinds: CompiledKind[] = input.customKinds.map((k) => ({
    name: k.name,
    facts: customKindFacts(k.class),
    checksum: k.checksum,
    hasContext: (k.context?.length ?? 0) > 0,
    contextRequired: k.contextRequired === true && (k.context?.length ?? 0) > 0,
    patterns: (k.patterns ?? []).map((p) => RE2JS.compile(p)),
  }));
  const terms: Term<number>[] = [];
  const contexts: Term<number>[] = [];
  input.customKinds.forEach((k, i) => {
    for (const t of k.terms ?? []) terms.push({ tokens: termTokens(t), value: i });
    for (const c of k.context ?? []) contexts.push({ tokens: termTokens(c), value: i });
  });
  const termIndex = terms.length > 0 ? indexTerms(terms) : undefined;
  const contextIndex = contexts.length > 0 ? indexTerms(contexts) : undefined;
  const allPatterns = input.customKinds.flatMap((k) => k.patterns ?? []);
  // one pass of every pattern at once says whether any matches at all (most messages: none)
  const anyPattern =
    allPatterns.length > 0 ? RE2JS.compile(allPatterns.map((p) => `(?:${p})`).join('|')) : null;

  const byName = new Map(kinds.map((k) => [k.name, k]));
  const denied = input.deny.map((d) => ({
    tokens: termTokens(d.value),
    value: { kind: d.kind, facts: byName.get(d.kind)?.facts },
  }));
  const denyIndex = denied.length > 0 ? indexTerms(denied) : undefined;

  const phrases = input.context.flatMap(({ kind, locale, phrase }) => {
    const label = contextLabel(kind);
    if (!label) return [];
    const tokens = termTokens(phrase);
    const short =
      tokens.length === 1 && !(tokens[0] as TermToken).prefix && phrase.trim().length <= 3;
    return [{ tokens, value: { label, local: short ? locale : undefined } }];
  });

  function contextHits(doc: ScanDocument): number[][] | null {
    if (!contextIndex) return null;
    const hits: number[][] = kinds.map(() => []);
    for (let t = 0; t < doc.tokens.length; t++)
      for (const term of termsAt(contextIndex, doc.tokens, t))
        (hits[term.value] as number[]).push(t);
    return hits;
  }

  function candidate(
    doc: ScanDocument,
    kind: CompiledKind,
    hits: number[][] | null,
    kindIndex: number,
    span: { start: number; end: number; first: number; last: number },
    base: number,
    evidence: string,
  ): Candidate | null {
    const value = compactValue(doc.text.slice(span.start, span.end));
    if (!value || !checksumHolds(kind.checksum, value)) return null;
    let confidence: number = kind.checksum ? Math.max(base, CONFIDENCE.checksum) : base;
    const ev = [evidence, ...(kind.checksum ? [`checksum:${kind.checksum}`] : [])];
    if (kind.hasContext) {
      const near = (hits?.[kindIndex] ?? []).some(
        (p) =>
          (p < span.first && span.first - p <= CONTEXT_WINDOW) ||
          (p > span.last && p - span.last <= CONTEXT_WINDOW),
      );
      if (near) {
        confidence = Math.min(0.99, confidence + CONFIDENCE.contextBoost);
        ev.push(`context:${kind.name}`);
      } else if (kind.contextRequired) return null;
    }
    return {
      kind: kind.name,
      facts: kind.facts,
      start: span.start,
      end: span.end,
      confidence,
      value,
      evidence: ev,
    };
  }

  return {
    phrases: phrases.length > 0 ? indexTerms(phrases) : undefined,
    minConfidence: input.minConfidence.size > 0 ? input.minConfidence : undefined,
    detect(doc) {
      if (kinds.length === 0) return [];
      const out: Candidate[] = [];
      const hits = contextHits(doc);
      if (termIndex)
        for (let t = 0; t < doc.tokens.length; t++) {
          for (const term of termsAt(termIndex, doc.tokens, t)) {
            const last = t + term.tokens.length - 1;
            const span = {
              start: (doc.tokens[t] as Token).start,
              end: (doc.tokens[last] as Token).end,
              first: t,
              last,
            };
            const c = candidate(
              doc,
              kinds[term.value] as CompiledKind,
              hits,
              term.value,
              span,
              CONFIDENCE.term,
              'term',
            );
            if (c) out.push(c);
          }
        }
      if (anyPattern?.test(doc.text))
        kinds.forEach((kind, i) => {
          for (const re of kind.patterns) {
            const m = re.matcher(doc.text);
            while (m.find()) {
              const start = m.start();
              const end = m.end();
              if (end <= start) continue;
              const first = doc.tokenAt(start);
              const span = { start, end, first, last: Math.max(first, doc.tokenAt(end) - 1) };
              const c = candidate(doc, kind, hits, i, span, CONFIDENCE.pattern, 'pattern');
              if (c) out.push(c);
            }
          }
        });
      return out;
    },
    detectDenied(doc) {
      if (!denyIndex) return [];
      const out: Candidate[] = [];
      for (let t = 0; t < doc.tokens.length; t++)
        for (const term of termsAt(denyIndex, doc.tokens, t)) {
          const start = (doc.tokens[t] as Token).start;
          const end = (doc.tokens[t + term.tokens.length - 1] as Token).end;
          out.push({
            kind: term.value.kind,
            facts: term.value.facts,
            start,
            end,
            confidence: 1,
            value: compactValue(doc.text.slice(start, end)),
            evidence: ['deny'],
          });
        }
      return out;
    },
  };
}
