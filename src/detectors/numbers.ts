import type { ScanDocument, Token } from './token.ts';

/** A contiguous run of whole digit groups inside one number token. */
export interface DigitWindow {
  start: number;
  end: number;
  digits: string;
}

/**
 * The valid numbers inside a token, left to right, each the longest valid run of whole
 * groups at its start: "4012888888881881 4012-8888-8888-1881" holds two cards.
 */
export function validWindows(
  doc: ScanDocument,
  token: Token,
  min: number,
  max: number,
  valid: (digits: string) => boolean,
): DigitWindow[] {
  const out: DigitWindow[] = [];
  const groups = token.groups;
  let a = 0;
  while (a < groups.length) {
    let found: DigitWindow | null = null;
    let digits = '';
    for (let b = a; b < groups.length; b++) {
      const g = groups[b]!;
      digits += doc.text.slice(g.start, g.end);
      if (digits.length > max) break;
      if (digits.length >= min && valid(digits))
        found = { start: groups[a]!.start, end: g.end, digits };
    }
    if (found) {
      out.push(found);
      while (a < groups.length && groups[a]!.start < found.end) a++;
    } else a++;
  }
  return out;
}

/** Whether a number token is written as a date or time range ("2025-10-19", "14.12.1965", "08/08/1949", "15.04"). */
export function looksLikeDate(doc: ScanDocument, token: Token): boolean {
  const g = token.groups.map((x) => x.end - x.start);
  if (g.length < 2 || g.length > 3) return false;
  const sep = doc.text[token.groups[0]!.end];
  if (sep === ' ' && g.length === 3 && g[0] === 4 && g[1] === 2 && g[2] === 2) return true;
  if (sep !== '.' && sep !== '-' && sep !== '/') return false;
  // and the day and month must be possible: "77-31-08" is a code, "14.05" a date
  const n = token.groups.map((x) => Number(doc.text.slice(x.start, x.end)));
  const dm = (d: number, m: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12;
  if (g.length === 3) {
    if (g[0] === 4 && g[1]! <= 2 && g[2]! <= 2)
      return n[1]! >= 1 && n[1]! <= 12 && n[2]! >= 1 && n[2]! <= 31;
    return (
      g[0]! <= 2 &&
      g[1]! <= 2 &&
      (g[2] === 4 || g[2] === 2) &&
      (dm(n[0]!, n[1]!) || dm(n[1]!, n[0]!))
    );
  }
  return g[0]! <= 2 && g[1]! <= 2 && (dm(n[0]!, n[1]!) || dm(n[1]!, n[0]!));
}

/** Whether the number token consists only of single digits split by spaces ("4 8 2 1"). */
export function isSpelledOut(token: Token): boolean {
  return token.groups.length > 1 && token.groups.every((g) => g.end - g.start === 1);
}

const IBAN_HEAD = /(?:^|[^\p{L}\d])[A-Z]{2} ?\d{2}(?:[ .-]?[A-Z\d]{1,4})*[ .-]?$/u;

/**
 * Whether the number at `pos` continues an IBAN-shaped string ("GB30 LOYD 3005 …") —
 * one that failed its checksum is still an account number, not a card or a phone.
 */
export function followsIbanHead(doc: ScanDocument, pos: number): boolean {
  return IBAN_HEAD.test(doc.text.slice(Math.max(0, pos - 24), pos));
}
