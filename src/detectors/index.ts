import { buildDocument, type DocumentOptions, type ScanDocument } from './document.ts';
import { factsOf } from './kinds.ts';
import { applyMask } from './mask.ts';
import { DETECTORS } from './registry.ts';
import { findSecretRequests, type SecretRequest } from './secret-request.ts';
import type { TenantDetection } from './tenant-detection.ts';
import {
  FINDING_THRESHOLD,
  type Candidate,
  type Finding,
  type InternalFinding,
  type Locale,
} from './types.ts';

export type { Finding, FindingKind, InternalFinding, Kind, Locale } from './types.ts';
export type { TenantDetection } from './tenant-detection.ts';
export type { SecretRequest } from './secret-request.ts';

/** What one message yields: its language, the personal data in it, and any request for a secret. */
export interface ScanResult {
  locale: Locale;
  region: string;
  /** Sorted by start; offsets into the original text. */
  findings: InternalFinding[];
  /** Requests for secrets, offsets into the original text. */
  secretRequests: SecretRequest[];
}

/**
 * Keeps the candidate of the earliest-registered detector where candidates overlap, then
 * the longer one. `candidates` arrive in registry order, so a stable sort by rank is free.
 */
function resolveOverlaps(candidates: Candidate[], ranks: number[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const order = candidates.map((_, i) => i);
  order.sort(
    (a, b) =>
      ranks[a]! - ranks[b]! ||
      candidates[b]!.end - candidates[b]!.start - (candidates[a]!.end - candidates[a]!.start),
  );
  const kept: Candidate[] = [];
  for (const i of order) {
    const c = candidates[i]!;
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function toFinding(doc: ScanDocument, c: Candidate): InternalFinding {
  const [start, end] = doc.toOriginal(c.start, c.end);
  return {
    kind: c.kind,
    start,
    end,
    confidence: Math.round(c.confidence * 100) / 100,
    masked: applyMask(factsOf(c).mask, doc.original.slice(start, end)),
    evidence: c.evidence,
    value: c.value,
    ...(c.facts ? { facts: c.facts } : {}),
  };
}

/** How to scan: the document's options, and whether to look for requests for secrets (outbound replies only). */
export interface ScanOptions extends DocumentOptions {
  /** Default true; an inbound post cannot ask the customer for anything. */
  findRequests?: boolean | undefined;
  /** The tenant's custom kinds, denied values, context words and thresholds (policies/compile-policy.ts). */
  tenant?: TenantDetection | undefined;
}

// Custom kinds come after the built-in secrets and checksummed kinds (a tenant's pattern never
// hides a PIN or a card number) and before the kinds found by shape and context alone.
const CUSTOM_RANK = DETECTORS.findIndex((d) => d.kind === 'address') - 0.5;
// A denied value is always found, whatever else claims its place.
const DENY_RANK = -1;

/** Runs every detector over one message. Pure and synchronous: the HTTP check and the command line share it. */
export function scan(text: string, options: ScanOptions = {}): ScanResult {
  const tenant = options.tenant;
  const doc = buildDocument(text, tenant ? { ...options, tenantPhrases: tenant.phrases } : options);
  const candidates: Candidate[] = [];
  const ranks: number[] = [];
  const min = tenant?.minConfidence;
  const add = (c: Candidate, rank: number) => {
    if (c.confidence < FINDING_THRESHOLD) return;
    if (min && c.confidence < (min.get(c.kind) ?? 0)) return;
    candidates.push(c);
    ranks.push(rank);
  };
  for (let rank = 0; rank < DETECTORS.length; rank++)
    for (const c of (DETECTORS[rank] as (typeof DETECTORS)[number]).detect(doc)) add(c, rank);
  if (tenant) {
    for (const c of tenant.detectDenied(doc)) add(c, DENY_RANK);
    for (const c of tenant.detect(doc)) add(c, CUSTOM_RANK);
  }
  const findings = resolveOverlaps(candidates, ranks).map((c) => toFinding(doc, c));
  const secretRequests = (options.findRequests === false ? [] : findSecretRequests(doc)).map(
    (r) => {
      const [start, end] = doc.toOriginal(r.start, r.end);
      return { ...r, start, end };
    },
  );
  return { locale: doc.locale, region: doc.region, findings, secretRequests };
}

/** A finding as the API shows it: no canonical value. */
export function publicFinding(f: InternalFinding): Finding {
  return {
    kind: f.kind,
    start: f.start,
    end: f.end,
    confidence: f.confidence,
    masked: f.masked,
    evidence: f.evidence,
  };
}

/** The text with every finding replaced by its masked preview. */
export function redact(text: string, findings: readonly Finding[]): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.masked;
    at = f.end;
  }
  return out + text.slice(at);
}
