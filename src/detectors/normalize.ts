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

const INVISIBLE = new Set([
  0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff,
]);
const ND = /\p{Nd}/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: everything outside ASCII, controls included
const NON_ASCII = /[^\x00-\x7f]/;
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
  out = INVISIBLE.has(cp) ? '' : String.fromCodePoint(cp).normalize('NFKC');
  const first = out.codePointAt(0) ?? 0;
  if (first > 127 && out.length === String.fromCodePoint(first).length) {
    const digit = digitValue(first);
    if (digit !== null) out = digit;
  }
  if (out === '\u00a0' || out === '\u202f' || out === '\u2007') out = ' ';
  nfkcCache.set(cp, out);
  return out;
}

function identity(original: string): Normalized {
  const n = original.length;
  const startMap = new Int32Array(n);
  const endMap = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    startMap[i] = i;
    endMap[i] = i + 1;
  }
  return { text: original, startMap, endMap };
}

/** Normalises `original`; linear in its length. ASCII text (most English) is returned as is. */
export function normalize(original: string): Normalized {
  if (!NON_ASCII.test(original)) return identity(original);
  const parts: string[] = [];
  const n = original.length;
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let j = 0;
  let runStart = 0;
  for (let i = 0; i < n; ) {
    const c = original.charCodeAt(i);
    if (c < 128) {
      starts[j] = i;
      ends[j++] = i + 1;
      i++;
      continue;
    }
    const cp = original.codePointAt(i) ?? c;
    const width = cp > 0xffff ? 2 : 1;
    const out = expand(cp);
    if (runStart < i) parts.push(original.slice(runStart, i));
    parts.push(out);
    if (j + out.length > starts.length) {
      // NFKC expansions ("ﬁ" → "fi", "㎏" → "kg") can outgrow the original length
      const s = new Int32Array(starts.length * 2);
      const e = new Int32Array(starts.length * 2);
      s.set(starts);
      e.set(ends);
      starts = s;
      ends = e;
    }
    for (let k = 0; k < out.length; k++) {
      starts[j] = i;
      ends[j++] = i + width;
    }
    i += width;
    runStart = i;
  }
  if (runStart < n) parts.push(original.slice(runStart));
  return { text: parts.join(''), startMap: starts.subarray(0, j), endMap: ends.subarray(0, j) };
}

const foldCache = new Map<number, string>();
const SPECIAL_FOLD: Record<string, string> = {
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ø: 'o',
  Ø: 'o',
  ß: 's',
  ı: 'i',
  æ: 'a',
  œ: 'o',
};

/** One character lower-cased with its diacritics removed; always one UTF-16 unit per unit in. */
function foldChar(c: number): string {
  let out = foldCache.get(c);
  if (out !== undefined) return out;
  const ch = String.fromCharCode(c);
  out = SPECIAL_FOLD[ch] ?? ch.toLowerCase().normalize('NFD')[0] ?? ch;
  if (out.length !== 1 || (c >= 0xd800 && c <= 0xdfff)) out = ch;
  foldCache.set(c, out);
  return out;
}

/**
 * Lower-case, diacritic-free copy of normalised text with exactly the same length,
 * so "SĄSKAITOS", "saskaitos" and "sąskaitos" match the same context word.
 */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) continue;
    if (runStart < i) parts.push(text.slice(runStart, i).toLowerCase());
    parts.push(foldChar(c));
    runStart = i + 1;
  }
  if (runStart < text.length) parts.push(text.slice(runStart).toLowerCase());
  return parts.join('');
}
