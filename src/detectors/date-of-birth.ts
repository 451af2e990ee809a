import { isPastDate } from './checksums.ts';
import { labelBefore } from './context.ts';
import type { Candidate, Detector } from './types.ts';

const MONTHS: Record<string, number> = {};
const NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'stycznia', 'styczen', 'sausio', 'sausis']],
  [2, ['february', 'feb', 'lutego', 'luty', 'vasario', 'vasaris']],
  [3, ['march', 'mar', 'marca', 'marzec', 'kovo', 'kovas']],
  [4, ['april', 'apr', 'kwietnia', 'kwiecien', 'balandzio', 'balandis']],
  [5, ['may', 'maja', 'maj', 'geguzes', 'geguze']],
  [6, ['june', 'jun', 'czerwca', 'czerwiec', 'birzelio', 'birzelis']],
  [7, ['july', 'jul', 'lipca', 'lipiec', 'liepos', 'liepa']],
  [8, ['august', 'aug', 'sierpnia', 'sierpien', 'rugpjucio', 'rugpjutis']],
  [9, ['september', 'sep', 'sept', 'wrzesnia', 'wrzesien', 'rugsejo', 'rugsejis']],
  [10, ['october', 'oct', 'pazdziernika', 'pazdziernik', 'spalio', 'spalis']],
  [11, ['november', 'nov', 'listopada', 'listopad', 'lapkricio', 'lapkritis']],
  [12, ['december', 'dec', 'grudnia', 'grudzien', 'gruodzio', 'gruodis']],
];
for (const [n, names] of NAMES) for (const name of names) MONTHS[name] = n;
const MONTH = '([a-z]{3,12})';

// Each pattern runs on the folded text (lower case, no diacritics): the month names above match.
const PATTERNS: Array<{ re: RegExp; order: 'dmy' | 'ymd' | 'dMy' | 'yMd' | 'Mdy' | 'dmy2' }> = [
  { re: /(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)/g, order: 'dmy' },
  { re: /(?<!\d)(\d{4})[-./ ](\d{1,2})[-./ ](\d{1,2})(?![\d])/g, order: 'ymd' },
  // "14 maja 1944", "3rd of June 1961", "3 June, 1961"
  {
    re: new RegExp(
      `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\.? (?:of )?${MONTH},? (\\d{4})(?!\\d)(?: ?(?:r\\.|m\\.))?`,
      'g',
    ),
    order: 'dMy',
  },
  {
    re: new RegExp(`(?<!\\d)(\\d{4}) ?(?:m\\.)? ${MONTH} (\\d{1,2})(?: ?d\\.)?(?!\\d)`, 'g'),
    order: 'yMd',
  },
  { re: new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?!\\d)`, 'g'), order: 'Mdy' },
  // "DOB 23/11/91": a two-digit year, only right after a birth word (see below)
  { re: /(?<![\d./-])(\d{1,2})[./-](\d{1,2})[./-](\d{2})(?![\d./-])/g, order: 'dmy2' },
];

function parts(order: string, m: RegExpExecArray): [number, number, number] | null {
  const a = m[1]!;
  const b = m[2]!;
  const c = m[3]!;
  switch (order) {
    // day first as in Europe; "03/15/1975" only reads month first
    case 'dmy':
      return Number(b) > 12 && Number(a) <= 12
        ? [Number(c), Number(a), Number(b)]
        : [Number(c), Number(b), Number(a)];
    case 'ymd':
      return [Number(a), Number(b), Number(c)];
    case 'dMy':
      return MONTHS[b] ? [Number(c), MONTHS[b]!, Number(a)] : null;
    case 'yMd':
      return MONTHS[b] ? [Number(a), MONTHS[b]!, Number(c)] : null;
    case 'dmy2': {
      // a two-digit year is in the past century unless that would make the person a child of the future
      const yy = Number(c);
      const year = yy > new Date().getUTCFullYear() % 100 ? 1900 + yy : 2000 + yy;
      return Number(b) > 12 && Number(a) <= 12
        ? [year, Number(a), Number(b)]
        : [year, Number(b), Number(a)];
    }
    default:
      return MONTHS[a] ? [Number(c), MONTHS[a]!, Number(b)] : null;
  }
}

/** Dates of birth: a real, past date right after a birth word ("ur.", "gimimo data", "DOB", "date of birth"). */
export const dateOfBirthDetector = {
  kind: 'date_of_birth',
  detect(doc) {
    const out: Candidate[] = [];
    const f = doc.folded;
    if (!doc.labels.has('dob')) return out;
    const dates: Array<{ start: number; end: number; value: string; short: boolean }> = [];
    for (const { re, order } of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(f); m; m = re.exec(f)) {
        if (dates.some((d) => d.start === m!.index)) continue;
        const ymd = parts(order, m);
        if (!ymd || ymd[0] < 1890 || !isPastDate(ymd[0], ymd[1], ymd[2])) continue;
        const value = `${ymd[0]}-${String(ymd[1]).padStart(2, '0')}-${String(ymd[2]).padStart(2, '0')}`;
        dates.push({ start: m.index, end: m.index + m[0].length, value, short: order === 'dmy2' });
      }
    }
    for (const date of dates) {
      const hit = labelBefore(doc, doc.tokenAt(date.start), ['dob'], {
        maxDistance: date.short ? 2 : 4,
        blocking: ['neutral', 'price'],
      });
      if (!hit) continue;
      // the birth word names the nearest date after it: "born 1984/07/22, not 1984/07/12"
      const wordStart = (doc.tokens[hit.token] as { start: number }).start;
      if (dates.some((d) => d.start > wordStart && d.start < date.start)) continue;
      out.push({
        kind: 'date_of_birth',
        start: date.start,
        end: date.end,
        confidence: 0.9,
        value: date.value,
        evidence: ['format:date', 'context:date_of_birth'],
      });
    }
    return out;
  },
} satisfies Detector;
