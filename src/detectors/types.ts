import type { Kind, KindFacts } from './kinds.ts';
import type { ScanDocument } from './token.ts';

// a kind's facts live in its descriptor (kinds.ts); the names stay importable from here
export { KINDS, type Kind } from './kinds.ts';

/** A built-in kind, or the name of a tenant's custom kind (policy `customKinds`, never a built-in name). */
export type FindingKind = Kind | (string & {});

export { LOCALES, type Locale } from './locales.ts';

/**
 * A value a detector found, in normalised-text coordinates. `value` is the
 * canonical form (digits only, upper-case IBAN, E.164 phone …) used for
 * allow-lists and keyed fingerprints; it never leaves the request.
 */
export interface Candidate {
  kind: FindingKind;
  /** A custom kind's facts (class, mask, fingerprinting); a built-in kind's are its descriptor. */
  facts?: KindFacts | undefined;
  start: number;
  end: number;
  confidence: number;
  value: string;
  evidence: string[];
}

/** What the caller sees: offsets into the original text, a masked preview, never the raw value. */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  confidence: number;
  masked: string;
  evidence: string[];
}

/** A finding together with its canonical value, kept only for the life of one request. */
export interface InternalFinding extends Finding {
  value: string;
  /** A custom kind's facts; absent for a built-in kind. */
  facts?: KindFacts | undefined;
}

/** One detector: pure and synchronous, one kind each. */
export interface Detector {
  kind: Kind;
  detect(doc: ScanDocument): Candidate[];
}

/** Scores at or above this become findings; below it a candidate is dropped. See docs/detection.md. */
export const FINDING_THRESHOLD = 0.5;
