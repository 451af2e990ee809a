import type { ScanDocument, Token } from './token.ts';
import { FIRST_NAMES } from './lexicon/first-names.ts';
import { isStopword } from './lexicon/index.ts';
import { LOCALES, type Candidate, type Detector } from './types.ts';

const LT_GIVEN = /(?:as|is|us|ys|ius|ė|a)$/;
const LT_FAMILY = /(?:as|is|us|ys|ius|ienė|aitė|ytė|utė|iūtė|ūtė|ė)$/;
// Polish feminine surnames pair with given names ending in -a ("Ewelina Kaczmarczyk" is in the list anyway)
const PL_FEMININE_FAMILY = /(?:ska|cka|dzka)$/;
/** Capitalised words that take name shapes but name institutions or places. */
const NOT_NAMES = new Set([
  'polska',
  'polski',
  'polskie',
  'lietuva',
  'lietuvos',
  'bankas',
  'bank',
  'banku',
  'narodowy',
  'krajowa',
  'centrum',
]);
const NOT_SURNAME = new Set([
  'street',
  'road',
  'lane',
  'g',
  'pr',
  'ul',
  'al',
  'pin',
  'iban',
  'blik',
  'sms',
  'cvv',
  'pesel',
]);

function capitalised(doc: ScanDocument, tok: Token): boolean {
  const ch = doc.text[tok.start] as string;
  const rest = doc.text.slice(tok.start + 1, tok.end);
  return ch !== ch.toLowerCase() && (rest.length === 0 || rest !== rest.toUpperCase());
}

function isCommonWord(word: string): boolean {
  return LOCALES.some((l) => isStopword(l, word));
}

/** The surname token after a given name, with "O'Brien" and "Kowalska-Nowak" kept whole. */
function surnameEnd(doc: ScanDocument, index: number): number | null {
  const tok = doc.tokens[index];
  if (tok?.type !== 'word' || tok.breakBefore || !capitalised(doc, tok)) return null;
  const next = doc.tokens[index + 1];
  const joiner = doc.text[tok.end];
  if (
    next &&
    next.start === tok.end + 1 &&
    (joiner === "'" || joiner === '’' || joiner === '-') &&
    capitalised(doc, next)
  )
    return next.end;
  if (NOT_SURNAME.has(tok.text) || isCommonWord(tok.text) || tok.labels.length > 0) return null;
  return tok.end;
}

// Surname shapes of names written in lower case ("anna zielinska", "andrius kazlauskas", "david mccarthy").
const LOWER_SURNAME =
  /(?:ski|ska|cki|cka|dzki|dzka|wicz|czyk|czak|ak|ek|uk|ik|yk|as|is|ys|us|ius|iene|aite|yte|ute|iute|ov|ova|son|sen)$|^(?:mc|mac|o'|o’)/;

/** A name after an honorific ("Pani Agnieszko", "Panie Janie", "ponia Vaitkienė", "Mr Patel"): its span, or null. */
function afterHonorific(
  doc: ScanDocument,
  i: number,
): { start: number; end: number; value: string } | null {
  const tokens = doc.tokens;
  let j = i + 1;
  // "Gerb. ponia Vaitkienė": honorifics in a row
  while (tokens[j] && tokens[j]!.labels.includes('honorific') && j - i < 3) j++;
  const name = tokens[j];
  if (
    name?.type !== 'word' ||
    name.breakBefore ||
    name.end - name.start < 2 ||
    !capitalised(doc, name)
  )
    return null;
  if (
    isCommonWord(name.text) ||
    NOT_NAMES.has(name.text) ||
    NOT_SURNAME.has(name.text) ||
    name.labels.some((l) => l !== 'honorific')
  )
    return null;
  const end = surnameEnd(doc, j + 1) ?? name.end;
  return { start: name.start, end, value: doc.text.slice(name.start, end) };
}

/** The lower-case surname after the first name at token `i`: where it ends and its last token, or null. */
function lowerSurname(doc: ScanDocument, i: number): { end: number; last: number } | null {
  const tokens = doc.tokens;
  const first = tokens[i] as Token;
  const second = tokens[i + 1];
  if (
    second?.type !== 'word' ||
    second.breakBefore ||
    doc.text.slice(first.end, second.start) !== ' ' ||
    !lower(doc, second)
  )
    return null;
  // "o'connor", "o'neill": the apostrophe splits the surname into two tokens
  const third = tokens[i + 2];
  if (
    (second.text === 'o' || second.text === 'd') &&
    third &&
    /^['’]$/.test(doc.text.slice(second.end, third.start)) &&
    lower(doc, third) &&
    third.end - third.start >= 3
  ) {
    return { end: third.end, last: i + 2 };
  }
  if (
    second.end - second.start < 3 ||
    isCommonWord(second.text) ||
    second.labels.length > 0 ||
    FIRST_NAMES.has(second.text)
  )
    return null;
  if (/^['’]/.test(doc.text.slice(second.end, second.end + 1))) return null;
  return LOWER_SURNAME.test(second.text) ? { end: second.end, last: i + 1 } : null;
}

// Vocative and other case endings of first names, to their dictionary form: "Tomaszu", "Janie",
// "Agnieszko", "Piotrze" (Polish), "Jonai", "Andriau" (Lithuanian).
const CASE_ENDINGS: ReadonlyArray<[RegExp, string]> = [
  [/u$/, ''],
  [/ie$/, ''],
  [/o$/, 'a'],
  [/ze$/, ''],
  [/ku$/, 'ek'],
  [/ai$/, 'as'],
  [/au$/, 'us'],
  [/i$/, 'is'],
  [/e$/, 'a'],
  [/ui$/, 'as'],
  [/ai$/, 'a'],
  [/ei$/, 'e'],
];

/** Whether a folded word is a known first name, in its dictionary form or a case ending of it. */
export function knownFirstName(word: string): boolean {
  if (FIRST_NAMES.has(word)) return true;
  let known = caseForms.get(word);
  if (known === undefined) {
    known = false;
    for (const [ending, base] of CASE_ENDINGS)
      if (ending.test(word) && FIRST_NAMES.has(word.replace(ending, base))) known = true;
    if (caseForms.size >= 10_000) caseForms.clear();
    caseForms.set(word, known);
  }
  return known;
}
// capitalised words come back in every message; their case forms are worked out once
const caseForms = new Map<string, boolean>();

/** Whether a word is written all in lower case (the folded text equals the text, or differs only in diacritics). */
function lower(doc: ScanDocument, tok: Token): boolean {
  for (let i = tok.start; i < tok.end; i++) {
    const c = doc.text.charCodeAt(i);
    if (c < 128 ? c >= 65 && c <= 90 : doc.text[i] !== (doc.text[i] as string).toLowerCase())
      return false;
  }
  return true;
}

/** Person names: a known first name or a name-shaped pair followed by a capitalised surname. Informational only. */
export const personNameDetector = {
  kind: 'person_name',
  detect(doc) {
    const out: Candidate[] = [];
    const tokens = doc.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const first = tokens[i] as Token;
      if (first.type !== 'word') continue;
      if (first.labels.includes('honorific')) {
        const named = afterHonorific(doc, i);
        if (named) {
          out.push({
            kind: 'person_name',
            start: named.start,
            end: named.end,
            confidence: 0.6,
            value: named.value,
            evidence: ['context:honorific'],
          });
          i = doc.tokenAt(named.end) - 1;
          continue;
        }
      }
      // "anna zielinska", "jonas kazlauskas", "sarah o'neill": a known first name and a surname-shaped word, both in lower case
      if (FIRST_NAMES.has(first.text) && lower(doc, first)) {
        const named = lowerSurname(doc, i);
        if (named) {
          out.push({
            kind: 'person_name',
            start: first.start,
            end: named.end,
            confidence: 0.6,
            value: doc.text.slice(first.start, named.end),
            evidence: ['lexicon:first_name', 'shape:surname'],
          });
          i = named.last;
          continue;
        }
      }
      if (first.end - first.start < 2 || !capitalised(doc, first)) continue;
      const gap = doc.text.slice(first.end, (tokens[i + 1] as Token).start);
      if (gap !== ' ') continue;
      const end = surnameEnd(doc, i + 1);
      if (end === null) continue;
      const given = doc.text.slice(first.start, first.end);
      const family = doc.text.slice((tokens[i + 1] as Token).start, end);
      const known = knownFirstName(first.text);
      // "Klientas Jonas Jonaitis": the pair starts at the known given name
      if (!known && FIRST_NAMES.has((tokens[i + 1] as Token).text)) continue;
      const familyFolded = (tokens[i + 1] as Token).text;
      if (NOT_NAMES.has(first.text) || NOT_NAMES.has(familyFolded)) continue;
      const shaped =
        !isCommonWord(first.text) &&
        first.labels.length === 0 &&
        ((LT_GIVEN.test(given) && LT_FAMILY.test(family)) ||
          (PL_FEMININE_FAMILY.test(family) && given.endsWith('a')));
      if (!known && !shaped) continue;
      // "Savanorių pr." and "King Street" are streets, not people
      const after = doc.text.slice(end, end + 4);
      if (/^\s(?:g|pr|al|pl)\./.test(after)) continue;
      out.push({
        kind: 'person_name',
        start: first.start,
        end,
        confidence: known ? 0.8 : 0.6,
        value: `${given} ${family}`,
        evidence: [known ? 'lexicon:first_name' : 'shape:name'],
      });
      i++;
    }
    signed(doc, out);
    return out;
  },
} satisfies Detector;

// The last word of a closing line, folded: "Kind regards,", "Z poważaniem", "Pagarbiai".
const CLOSINGS = new Set([
  'regards',
  'wishes',
  'sincerely',
  'faithfully',
  'thanks',
  'cheers',
  'pozdrawiam',
  'pozdrowienia',
  'powazaniem',
  'dziekuje',
  'pagarbiai',
  'pagarba',
  'linkejimai',
  'linkejimais',
  'aciu',
  'dekoju',
]);
// words of a team's signature, not a person's: "Zespół Obsługi", "Digital Care Team"
const TEAM_WORDS = new Set([
  'team',
  'care',
  'support',
  'service',
  'customer',
  'digital',
  'social',
  'zespol',
  'obslugi',
  'klienta',
  'dzial',
  'komanda',
  'klientu',
  'aptarnavimo',
  'skyrius',
]);

/**
 * A signature: a line of two or three capitalised words alone under a closing line ("Kind
 * regards,⏎Eleanor Whitfield", "Z poważaniem⏎Anna Nowak") names the writer, whatever the name.
 */
function signed(doc: ScanDocument, out: Candidate[]): void {
  const tokens = doc.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    if (!first.breakBefore || !CLOSINGS.has((tokens[i - 1] as Token).text)) continue;
    let j = i;
    while (j + 1 < tokens.length && !(tokens[j + 1] as Token).breakBefore) j++;
    const count = j - i + 1;
    if (count < 2 || count > 3) continue;
    let ok = true;
    for (let m = i; m <= j && ok; m++) {
      const t = tokens[m] as Token;
      ok =
        t.type === 'word' &&
        t.end - t.start >= 2 &&
        capitalised(doc, t) &&
        t.labels.length === 0 &&
        !isCommonWord(t.text) &&
        !TEAM_WORDS.has(t.text) &&
        !NOT_NAMES.has(t.text) &&
        (m === i || /^[ -]$/.test(doc.text.slice((tokens[m - 1] as Token).end, t.start)));
    }
    if (!ok || out.some((c) => c.start < (tokens[j] as Token).end && first.start < c.end)) continue;
    out.push({
      kind: 'person_name',
      start: first.start,
      end: (tokens[j] as Token).end,
      confidence: 0.6,
      value: doc.text.slice(first.start, (tokens[j] as Token).end),
      evidence: ['context:signature'],
    });
  }
}
