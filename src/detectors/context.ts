import type { ScanDocument, Token } from './token.ts';
import { describeKind, KINDS } from './kinds.ts';
import type { Label } from './lexicon/index.ts';

/**
 * Labels that say what a nearby number is; the nearest one decides. Each kind's descriptor
 * names its own (kinds.ts); `neutral` and `price` claim a number for what is no personal data.
 */
export const CLAIMING: readonly Label[] = [
  ...new Set<Label>([...KINDS.flatMap((k) => describeKind(k).claims), 'neutral', 'price']),
];

/** A context word found near a value. */
export interface ContextHit {
  label: Label;
  token: number;
  /** How many tokens back (1 = the token right before). */
  distance: number;
  /** Whether a sentence boundary lies between the word and the value. */
  crossedBreak: boolean;
}

export interface LookOptions {
  /** How many tokens back to look. */
  maxDistance: number;
  /** Labels that end the search when met first (they claim the value for something else). */
  blocking?: readonly Label[];
  /** How many sentence boundaries the search may cross (default 0). */
  maxBreaks?: number;
  /**
   * Whether a blocking word governed by "after" ("po zaksięgowaniu zwrotu", "after the
   * refund") is passed over: it says when, not what the value is.
   */
  skipAfter?: boolean;
}

/** Whether one of the two tokens before token `k` says "after". */
function afterBefore(doc: ScanDocument, k: number): boolean {
  return [k - 1, k - 2].some(
    (j) =>
      j >= 0 &&
      !(doc.tokens[j + 1] as Token).breakBefore &&
      (doc.tokens[j] as Token).labels.includes('after'),
  );
}

/**
 * The nearest token before token `index` that carries one of `wanted`, unless a
 * `blocking` label comes first. A token carrying both counts as wanted.
 */
export function labelBefore(
  doc: ScanDocument,
  index: number,
  wanted: readonly Label[],
  options: LookOptions,
): ContextHit | null {
  const { maxDistance, blocking = [], maxBreaks = 0, skipAfter = false } = options;
  let breaks = 0;
  for (let k = index - 1, distance = 1; k >= 0 && distance <= maxDistance; k--, distance++) {
    // stepping from token k+1 back to token k crosses a boundary if one lies before k+1
    if (doc.tokens[k + 1]?.breakBefore && ++breaks > maxBreaks) return null;
    const tok = doc.tokens[k] as Token;
    for (const label of wanted)
      if (tok.labels.includes(label))
        return { label, token: k, distance, crossedBreak: breaks > 0 };
    if (blocking.some((label) => tok.labels.includes(label)) && !(skipAfter && afterBefore(doc, k)))
      return null;
  }
  return null;
}

/** The claiming labels other than `own`: a value claimed by one of these is not ours. */
export function othersThan(own: readonly Label[]): Label[] {
  return CLAIMING.filter((l) => !own.includes(l));
}

// Words that may stand between a value and a word after it that names it: "4821 to mój pin",
// "5830 – toks mano PIN kodas", "227504 was the code they sent me", "0385 that's the pin".
const LINKS = new Set([
  'to',
  'jest',
  'byl',
  'byla',
  'bylo',
  'moj',
  'moja',
  'moje',
  'taki',
  'taka',
  'takie',
  'te',
  'ten',
  'tie',
  'toks',
  'tokia',
  'tokie',
  'mano',
  'yra',
  'buvo',
  'tai',
  'is',
  'was',
  'the',
  'my',
  'that',
  's',
  'its',
  'it',
  'are',
  'were',
  'these',
  'those',
  'a',
  'as',
  'one',
  'jako',
  'kaip',
  'toki',
  'tokia',
  'taka',
  'tokį',
  'toki',
  'tokia',
  'taki',
  'takie',
]);

/**
 * The nearest token after token `index`, in its sentence and clause (a dash may stand
 * between: "5830 – toks mano PIN"), that carries one of `wanted`, with only linking words
 * ("to", "mój", "toks", "was the") before it. Values come before their names as often as after.
 */
export function labelAfter(
  doc: ScanDocument,
  index: number,
  wanted: readonly Label[],
  maxDistance: number,
): ContextHit | null {
  for (
    let k = index + 1, distance = 1;
    k < doc.tokens.length && distance <= maxDistance;
    k++, distance++
  ) {
    const tok = doc.tokens[k] as Token;
    if (
      tok.breakBefore ||
      /[,;:()]/.test(doc.text.slice((doc.tokens[k - 1] as Token).end, tok.start))
    )
      return null;
    for (const label of wanted)
      if (tok.labels.includes(label)) return { label, token: k, distance, crossedBreak: false };
    if (!LINKS.has(tok.text)) return null;
  }
  return null;
}
