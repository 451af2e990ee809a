import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { labelBefore, othersThan } from './context.ts';
import { isDigitCode, isLetterCode } from './document.ts';
import type { ScanDocument } from './token.ts';
import { followsIbanHead } from './numbers.ts';
import type { Candidate, Detector } from './types.ts';

const JOINERS = new Set([' ', '-', '.', '(', ')', '\u2011']);
const NOT_PHONE = othersThan(['phone']).filter((l) => l !== 'code');
const NOT_PHONE_LONG = NOT_PHONE.filter((l) => l !== 'otp' && l !== 'pin' && l !== 'cvv');
const FALLBACK_REGIONS: readonly CountryCode[] = ['PL', 'LT', 'GB', 'IE', 'US'];
const DATE_LIKE = /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?:\D|$)/;

interface Span {
  start: number;
  end: number;
  digits: number;
}

/** The phone-shaped run starting at `i`: digits with single joiners, an optional leading "+" or "(". */
function runAt(t: string, i: number): Span {
  let j = i;
  let digits = 0;
  let lastDigitEnd = i;
  let joiners = 0;
  if (t[j] === '(' && t[j + 1] === '+') j += 2;
  else if (t[j] === '+') j++;
  while (j < t.length) {
    const c = t.charCodeAt(j);
    if (isDigitCode(c)) {
      digits++;
      joiners = 0;
      j++;
      lastDigitEnd = j;
    } else if (JOINERS.has(t[j]!) && joiners < 2) {
      joiners++;
      j++;
    } else break;
  }
  let end = lastDigitEnd;
  if (t[end] === ')' && t.lastIndexOf('(', end) >= i) end++;
  return { start: i, end, digits };
}

/**
 * Digit counts a number written for these regions can have (national form, with trunk
 * prefix, or with the country code but no "+"). Anything else is not parsed at all:
 * libphonenumber is the slowest step of detection, and most digit runs are not phones.
 */
const POSSIBLE: Partial<Record<string, (digits: string) => boolean>> = {
  PL: (d) =>
    d.length === 9 ||
    (d.length === 11 && d.startsWith('48')) ||
    (d.length === 13 && d.startsWith('0048')),
  LT: (d) =>
    (d.length === 9 && d[0] === '8') ||
    d.length === 8 ||
    (d.length === 11 && d.startsWith('370')) ||
    (d.length === 13 && d.startsWith('00370')),
  GB: (d) =>
    ((d.length === 10 || d.length === 11) && d[0] === '0') ||
    (d.length === 12 && d.startsWith('44')),
  US: (d) => d.length === 10 || (d.length === 11 && d[0] === '1'),
  IE: (d) =>
    ((d.length === 9 || d.length === 10) && d[0] === '0') ||
    ((d.length === 11 || d.length === 12) && d.startsWith('353')),
};

interface Parsed {
  number: string;
  country: string | undefined;
  /** In a range libphonenumber knows to be assigned; otherwise only of a possible length. */
  valid: boolean;
}

// The same numbers (hotlines, a customer's own) come back again and again; parsing is the
// costliest step of detection, so results are kept in a small bounded cache. Values are
// phone numbers only, held in memory, never logged.
const CACHE_LIMIT = 4096;
const cache = new Map<string, Parsed | null>();

/** Empties the parse cache (benchmarks measure the uncached cost with it). */
export function clearPhoneCache(): void {
  cache.clear();
}

/** "0044 7541 525962", "00370 612 34567": the international "00" prefix written for the "+". */
function plusForm(raw: string): string | null {
  const m = /^\(?00\s?(?=[1-9])/.exec(raw);
  // a country code and a national number are at least nine digits after the "00"
  return m && raw.replace(/\D/g, '').length >= 11 ? `+${raw.slice(m[0].length)}` : null;
}

function parse(raw: string, region: string): Parsed | null {
  const plus = plusForm(raw);
  if (plus) raw = plus;
  if (raw[0] !== '+' && !raw.startsWith('(+')) {
    const possible = POSSIBLE[region];
    if (possible && !possible(raw.replace(/\D/g, ''))) return null;
  }
  const key = `${region}|${raw}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const parsed = parsePhoneNumberFromString(raw, region as CountryCode);
  // possible lengths are kept too (detectAt decides when they count): new ranges appear
  // before libphonenumber's metadata knows them
  const result = parsed?.isPossible()
    ? { number: parsed.number as string, country: parsed.country, valid: parsed.isValid() }
    : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function detectAt(doc: ScanDocument, span: Span): Candidate | null {
  const raw = doc.text.slice(span.start, span.end);
  if (DATE_LIKE.test(raw) || followsIbanHead(doc, span.start)) return null;
  const firstDigit = span.start + raw.search(/\d/);
  const index = doc.tokenAt(firstDigit);
  // a code is at most 8 digits: "BLIKiem na numer 886 42 95 98" is the number BLIK was sent to
  const long = span.digits >= 9;
  const claimed = labelBefore(doc, index, long ? NOT_PHONE_LONG : NOT_PHONE, {
    maxDistance: 3,
    blocking: ['phone'],
  });
  if (claimed) return null;
  const context = labelBefore(doc, index, ['phone'], {
    maxDistance: 5,
    blocking: long ? NOT_PHONE_LONG : NOT_PHONE,
  });
  const international = /^\(?\+/.test(raw) || plusForm(raw) !== null;
  let parsed = parse(raw, doc.region);
  if (!parsed?.valid && !international && (context || doc.locale === 'en')) {
    for (const region of FALLBACK_REGIONS) {
      if (region === doc.region) continue;
      const other = parse(raw, region);
      if (other?.valid) {
        parsed = other;
        break;
      }
    }
  }
  // a number in a range libphonenumber does not list counts when it is written with its "+"
  // country code (nothing else is written that way) or labelled as a phone ("text me at …")
  if (!parsed || (!parsed.valid && !international && !context)) return null;
  const grouped = /[\s\-.()/]/.test(raw);
  const confidence =
    (context ? 0.95 : international ? 0.9 : grouped ? 0.8 : 0.7) - (parsed.valid ? 0 : 0.3);
  return {
    kind: 'phone',
    start: span.start,
    end: span.end,
    confidence,
    value: parsed.number,
    evidence: [
      parsed.valid ? 'valid:libphonenumber' : 'possible:libphonenumber',
      `region:${parsed.country ?? 'intl'}`,
      ...(context ? ['context:phone'] : []),
    ],
  };
}

/** Phone numbers: phone-shaped runs of 7–15 digits, validated by libphonenumber for the message's region. */
export const phoneDetector = {
  kind: 'phone',
  detect(doc) {
    const out: Candidate[] = [];
    const t = doc.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      const opener =
        ((t[i] === '+' || t[i] === '(') && isDigitCode(t.charCodeAt(i + 1))) ||
        (t[i] === '(' && t[i + 1] === '+');
      if (!isDigitCode(c) && !opener) continue;
      const prev = i > 0 ? t.charCodeAt(i - 1) : 32;
      if (
        isDigitCode(prev) ||
        isLetterCode(prev) ||
        (i > 1 && (t[i - 1] === '.' || t[i - 1] === ',') && isDigitCode(t.charCodeAt(i - 2)))
      ) {
        while (i + 1 < t.length && isDigitCode(t.charCodeAt(i + 1))) i++;
        continue;
      }
      const span = runAt(t, i);
      const next = t.charCodeAt(span.end);
      const glued =
        span.end < t.length &&
        (isLetterCode(next) ||
          ((t[span.end] === ',' || t[span.end] === '.') &&
            isDigitCode(t.charCodeAt(span.end + 1))));
      if (span.digits >= 7 && span.digits <= 15 && !glued) {
        const found = detectAt(doc, span);
        if (found) out.push(found);
      }
      i = Math.max(i, span.end - 1);
    }
    return out;
  },
} satisfies Detector;
