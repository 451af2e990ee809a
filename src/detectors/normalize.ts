/**
 * Normalisation for detection: NFKC, zero-width and soft-hyphen characters removed,
 * every Unicode decimal digit mapped to ASCII. The result keeps, for each of its
 * UTF-16 units, where it came from in the original, so findings report original offsets.
 */
export interface Normalized {
  text: string;
  /** startMap[i]: original index of the character that produced text[i]. */
  startMap: Int32Array;
  /** endMap[i]: original index just after that character. */
  endMap: Int32Array;
}

const INVISIBLE = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff]);
const ND = /\p{Nd}/u;
const nfkcCache = new Map<number, string>();

/** The ASCII digit for a Unicode decimal digit, or null. Decimal digits come in runs of ten from zero. */
function digitValue(cp: number): string | null {
  if (!ND.test(String.fromCodePoint(cp))) return null;
  let zero = cp;
  while (zero > cp - 9 && ND.test(String.fromCodePoint(zero - 1))) zero--;
  return String(cp - zero);
}

function expand(cp: number): string {
  let out = nfkcCache.get(cp);
  if (out !== undefined) return out;
  out = String.fromCodePoint(cp).normalize('NFKC');
  if (out.length === 1 || out.length === 2) {
    const first = out.codePointAt(0) ?? 0;
    if (first > 127 && out.length === String.fromCodePoint(first).length) {
      const digit = digitValue(first);
      if (digit !== null) out = digit;
    }
  }
  if (out === '\u00a0' || out === '\u202f' || out === '\u2007') out = ' ';
  nfkcCache.set(cp, out);
  return out;
}

/** Normalises `original`; linear in its length. */
export function normalize(original: string): Normalized {
  const n = original.length;
  const startMap = new Int32Array(n + 8);
  const endMap = new Int32Array(n + 8);
  let text = '';
  let j = 0;
  let cap = n + 8;
  let starts = startMap;
  let ends = endMap;
  for (let i = 0; i < n; ) {
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (cp < 128) {
      text += original[i];
      if (j >= cap) ({ starts, ends, cap } = grow(starts, ends, cap));
      starts[j] = i;
      ends[j] = i + 1;
      j++;
    } else if (!INVISIBLE.has(cp)) {
      const out = expand(cp);
      for (let k = 0; k < out.length; k++) {
        if (j >= cap) ({ starts, ends, cap } = grow(starts, ends, cap));
        starts[j] = i;
        ends[j] = i + width;
        j++;
      }
      text += out;
    }
    i += width;
  }
  return { text, startMap: starts.subarray(0, j), endMap: ends.subarray(0, j) };
}

function grow(starts: Int32Array, ends: Int32Array, cap: number) {
  const next = cap * 2;
  const s = new Int32Array(next);
  const e = new Int32Array(next);
  s.set(starts);
  e.set(ends);
  return { starts: s, ends: e, cap: next };
}

const foldCache = new Map<string, string>();
const SPECIAL_FOLD: Record<string, string> = { ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ø: 'o', Ø: 'o', ß: 's', ı: 'i', æ: 'a', œ: 'o' };

/** One character lower-cased with its diacritics removed; always one UTF-16 unit per unit in. */
function foldChar(ch: string): string {
  let out = foldCache.get(ch);
  if (out !== undefined) return out;
  out = SPECIAL_FOLD[ch] ?? (ch.toLowerCase().normalize('NFD')[0] ?? ch);
  if (out.length !== 1) out = ch;
  foldCache.set(ch, out);
  return out;
}

/**
 * Lower-case, diacritic-free copy of normalised text with exactly the same length,
 * so "SĄSKAITOS", "saskaitos" and "sąskaitos" match the same context word.
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
    else if (c >= 0xd800 && c <= 0xdfff) out += text[i];
    else out += foldChar(text[i] as string);
  }
  return out;
}
