import IBAN from 'iban';
import { ibanMod97 } from './checksums.ts';
import { isDigitCode, isLetterCode } from './document.ts';
import type { ScanDocument } from './token.ts';
import { validWindows } from './numbers.ts';
import type { Candidate, Detector } from './types.ts';

// Countries that joined the IBAN registry after the iban package's table was written: length only, mod-97 still decides.
const LATER_COUNTRIES: Record<string, { length: number }> = {
  BI: { length: 27 },
  DJ: { length: 27 },
  FK: { length: 18 },
  LY: { length: 25 },
  MN: { length: 20 },
  NI: { length: 28 },
  OM: { length: 23 },
  RU: { length: 33 },
  SD: { length: 18 },
  SO: { length: 23 },
  YE: { length: 30 },
};
const countries = { ...LATER_COUNTRIES, ...IBAN.countries } as Record<
  string,
  { length: number } | undefined
>;
const SEPARATORS = new Set([' ', '-', '.', '\n']);

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnum(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

/** An IBAN starting at `i` ("PL61 1090 …", "LT12-1000-…", "DE30 …\n4098 31"), or null. */
function ibanAt(doc: ScanDocument, i: number): Candidate | null {
  const t = doc.text;
  const cc = t.slice(i, i + 2).toUpperCase();
  const spec = countries[cc];
  if (!spec) return null;
  let value = '';
  let j = i;
  while (value.length < spec.length && j < t.length) {
    const c = t.charCodeAt(j);
    if ((c >= 48 && c <= 57) || isLetter(c)) {
      value += t[j]!.toUpperCase();
      j++;
    } else if (
      SEPARATORS.has(t[j]!) &&
      value.length >= 2 &&
      j + 1 < t.length &&
      isAlnum(t.charCodeAt(j + 1))
    ) {
      j++;
    } else break;
  }
  if (value.length !== spec.length || (j < t.length && isAlnum(t.charCodeAt(j)))) return null;
  // written in one case: "gb29nwbk…" is an IBAN typed lower-case, "LV80 bANK…" a typo
  const letters = t.slice(i, j).replace(/[^A-Za-z]/g, '');
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return null;
  if (!ibanMod97(value) || (IBAN.countries[cc] && !IBAN.isValid(value))) return null;
  return {
    kind: 'iban',
    start: i,
    end: j,
    confidence: 0.99,
    value,
    evidence: ['checksum:mod97', `country:${cc}`],
  };
}

/** IBANs of every country (structure and mod-97), and the Polish 26-digit NRB written without "PL". */
export const ibanDetector = {
  kind: 'iban',
  detect(doc) {
    const out: Candidate[] = [];
    const t = doc.text;
    for (let i = 0; i + 4 <= t.length; i++) {
      if (!isLetter(t.charCodeAt(i)) || !isLetter(t.charCodeAt(i + 1))) continue;
      const d = t[i + 2] === ' ' ? i + 3 : i + 2; // "PL 61 1090 …"
      if (!isDigitCode(t.charCodeAt(d)) || !isDigitCode(t.charCodeAt(d + 1))) continue;
      if (i > 0 && isAlnum(t.charCodeAt(i - 1))) continue;
      const found = ibanAt(doc, i);
      if (found) {
        out.push(found);
        i = found.end - 1;
      }
    }
    for (const tok of doc.tokens) {
      if (tok.type !== 'number' || tok.text.length < 26) continue;
      for (const w of validWindows(doc, tok, 26, 26, (d) => ibanMod97(`PL${d}`))) {
        out.push({
          kind: 'iban',
          start: w.start,
          end: w.end,
          confidence: 0.95,
          value: `PL${w.digits}`,
          evidence: ['checksum:mod97', 'country:PL', 'format:nrb'],
        });
      }
    }
    return out;
  },
} satisfies Detector;
