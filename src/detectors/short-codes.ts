import { CLAIMING, labelAfter, labelBefore } from './context.ts';
import type { ScanDocument, Token } from './token.ts';
import type { Label } from './lexicon/index.ts';
import { isSpelledOut, looksLikeDate } from './numbers.ts';
import type { Candidate, Kind } from './types.ts';

/** Units and currencies after which a short number is a quantity, not a code. */
const UNITS = new Set([
  'zl',
  'pln',
  'eur',
  'euro',
  'euru',
  'eurai',
  'usd',
  'gbp',
  'min',
  'minut',
  'minute',
  'minutes',
  'minutes',
  'val',
  'h',
  'godz',
  'dni',
  'dienu',
  'days',
  'day',
  'sek',
  's',
  'sec',
  'kb',
  'mb',
  'gb',
  'km',
  'kg',
  'm',
  'r',
  'rok',
  'roku',
  'metu',
  'year',
  'years',
]);

/** How one kind of short secret code is recognised by the words before it. */
export interface ShortCodeRule {
  kind: Kind;
  /** Labels that name this kind; the nearest claiming label must be one of them. */
  labels: readonly Label[];
  minDigits: number;
  maxDigits: number;
  /** Tokens back to look, and how many sentence boundaries may lie between. */
  maxDistance: number;
  maxBreaks: number;
  /** Labels that neither claim nor block ("PIN do karty" — the card does not own the PIN). */
  transparent?: readonly Label[];
  /** A weaker label accepted for numbers of exactly `weakDigits` digits ("code 482913" for a one-time code). */
  weak?: { label: Label; digits: number; confidence: number };
}

/** The digits of a code written whole, spelled out ("4 8 2 1") or in small groups ("482 913"). */
function codeDigits(tok: Token): string | null {
  if (tok.groups.length === 1 || isSpelledOut(tok)) return tok.text;
  if (tok.groups.length <= 3 && tok.groups.every((g) => g.end - g.start <= 4)) return tok.text;
  return null;
}

/**
 * Short codes (PIN, CVV, one-time codes) are plain numbers; only the nearest context
 * word before them says what they are. The nearest claiming label decides, so
 * "PIN … order 4821" is an order number and "kod CVV 443" is not a one-time code.
 */
export function detectShortCodes(doc: ScanDocument, rule: ShortCodeRule): Candidate[] {
  const out: Candidate[] = [];
  const all = rule.weak ? [...rule.labels, rule.weak.label] : rule.labels;
  if (!all.some((l) => doc.labels.has(l))) return out;
  const blocking = CLAIMING.filter(
    (l) => !all.includes(l) && !(rule.transparent ?? []).includes(l),
  );
  doc.tokens.forEach((tok, index) => {
    if (tok.type !== 'number') return;
    const digits = codeDigits(tok);
    if (!digits || digits.length < rule.minDigits || digits.length > rule.maxDigits) return;
    if (looksLikeDate(doc, tok)) return;
    const before = doc.text[tok.start - 1];
    const after = doc.text[tok.end];
    if (
      before === '+' ||
      before === '#' ||
      before === '$' ||
      before === '£' ||
      before === '€' ||
      after === '%' ||
      after === '€' ||
      after === ':'
    )
      return;
    if ((after === ',' || after === '.') && /\d/.test(doc.text[tok.end + 1] ?? '')) return;
    const next = doc.tokens[index + 1];
    if (next && next.type === 'word' && UNITS.has(next.text) && !next.breakBefore) return;
    let hit = labelBefore(doc, index, all, {
      maxDistance: rule.maxDistance,
      maxBreaks: rule.maxBreaks,
      blocking,
    });
    // "4821 to mój pin", "227504 was the code they sent me": the name after the value, when nothing before claims it
    if (!hit && !labelBefore(doc, index, CLAIMING, { maxDistance: 3 }))
      hit = labelAfter(doc, index, all, 5);
    if (!hit) return;
    // "atsiėmimo kodas", "kod odbioru": a code that names something else
    const named = doc.tokens[hit.token] as Token;
    if (
      named.labels.includes('neutral') ||
      named.labels.includes('account') ||
      doc.tokens[hit.token - 1]?.labels.includes('neutral')
    )
      return;
    const strong = rule.labels.some((l) => (doc.tokens[hit.token] as Token).labels.includes(l));
    // far from its label, a number that reads as a year is a year
    if (hit.distance > 3 && digits.length === 4 && /^(19|20)\d\d$/.test(digits)) return;
    let confidence: number;
    if (strong) confidence = hit.crossedBreak ? 0.7 : hit.distance <= 3 ? 0.92 : 0.8;
    else {
      // a weak label ("kodas") becomes strong when a qualifier ("vienkartinis", "SMS") lies further back
      const further = labelBefore(doc, hit.token + 1, rule.labels, {
        maxDistance: rule.maxDistance,
        maxBreaks: rule.maxBreaks,
        blocking,
      });
      if (further) confidence = 0.85;
      else if (rule.weak && digits.length === rule.weak.digits) confidence = rule.weak.confidence;
      // "Kodas: 5521", "code: 4821" — a code written as a label and its value
      else if (
        rule.weak &&
        hit.distance === 1 &&
        /^\s*:\s*$/.test(doc.text.slice((doc.tokens[hit.token] as Token).end, tok.start))
      )
        confidence = rule.weak.confidence;
      else return;
    }
    out.push({
      kind: rule.kind,
      start: tok.start,
      end: tok.end,
      confidence,
      value: digits,
      evidence: [`context:${hit.label}`],
    });
  });
  return out;
}
