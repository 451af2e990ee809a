import { fold, normalize } from './normalize.ts';
import { phrasesAt, type Label, type PhraseMatch } from './lexicon/index.ts';
import { labelDescribed } from './describe.ts';
import { DEFAULT_REGION, detectLocale } from './locale.ts';
import { termsAt, type TermIndex } from './term-index.ts';
import type { Locale } from './types.ts';

export type { DigitGroup, ScanDocument, Token } from './token.ts';
import type { DigitGroup, ScanDocument, Token } from './token.ts';

// Hyphens and dashes inside numbers, but not the en dash of a range ("8–20").
const SEPARATORS = new Set([' ', '-', '.', '/', '\n', '\t', '\u2010', '\u2011']);
// 0: not yet known, 1: a letter or mark, 2: neither — for every UTF-16 unit
const letterCache = new Uint8Array(65536);
const LETTER = /\p{L}|\p{M}/u;

/** Whether the UTF-16 unit at `c` is part of a word. */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let v = letterCache[c] as number;
  if (v === 0) {
    v = c >= 0xd800 && c <= 0xdfff ? 2 : LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    letterCache[c] = v;
  }
  return v === 1;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlnumCode(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

// Short words written with a full stop that does not end the sentence.
const ABBREVIATIONS = new Set([
  'ul',
  'al',
  'os',
  'pl',
  'nr',
  'tel',
  'ur',
  'sw',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'rd',
  'g',
  'pr',
  'm',
  'lok',
  'zl',
  'vs',
  'no',
  'np',
  'itp',
  'etc',
  'ok',
  'ca',
  'tj',
  'pkt',
  'gr',
  'str',
  'r',
  'd',
  'k',
  'tys',
  'mln',
  'p',
  'sp',
  'gen',
  'ks',
  'prof',
  'inz',
  'mgr',
  'im',
  'tzw',
  'ew',
  'jw',
  'b',
  'but',
  'a',
  'el',
  'sk',
  'skg',
  'pvz',
  'val',
  'min',
  'sek',
  's',
  'h',
  'nb',
  'ps',
  'jr',
  'sr',
  'co',
  'ltd',
  'inc',
  'apt',
  'ave',
  'pan',
  'pani',
  'mln',
]);

// Emoji end sentences as often as full stops do in social-media posts ("ok 🙂 Kod przyjdzie …").
const EMOJI = /\p{Extended_Pictographic}/u;

function isBreak(
  text: string,
  from: number,
  to: number,
  nextStartsUpper: boolean,
  prevWordLen: number,
): boolean {
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '!' || ch === '?') return true;
    if (ch === '.' && nextStartsUpper && prevWordLen > 3 && i + 1 < to) return true;
    const c = text.charCodeAt(i);
    if (c >= 0x2190 && EMOJI.test(text.slice(i, i + 2))) return true;
  }
  return false;
}

/** End of the run of letters and digits starting at `i`, and whether it holds a letter and a digit. */
function alnumRun(text: string, i: number): { end: number; letters: boolean; digits: boolean } {
  let letters = false;
  let digits = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) digits = true;
    else if (isLetterCode(c)) letters = true;
    else break;
    i++;
  }
  return { end: i, letters, digits };
}

// shared by every token without groups or labels; never mutated (labels are replaced, not pushed to)
const NO_GROUPS: DigitGroup[] = [];
const NO_LABELS: Label[] = [];

/** Context phrases found per language: evidence for locale detection. */
export type PhraseVotes = Record<Locale, number> & { local: number };

/** A tenant's own context word (policy tuning): the label it gives, and for a short word the one language it counts in. */
export interface TenantPhrase {
  label: Label;
  /** Set for words of three letters or fewer: they count only in a message of this language, as the lexicon's do. */
  local: Locale | undefined;
}

function tokenize(
  text: string,
  folded: string,
  votes: PhraseVotes,
  tenantPhrases: TermIndex<TenantPhrase> | undefined,
): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let lastEnd = 0;
  let prevWordLen = 0;
  while (i < n) {
    if (!isAlnumCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const run = alnumRun(text, i);
    const start = i;
    const first = text.charCodeAt(start);
    const upper =
      first < 128
        ? first >= 65 && first <= 90
        : text[start] !== (text[start] as string).toLowerCase();
    const breakBefore =
      tokens.length > 0 && start > lastEnd && isBreak(text, lastEnd, start, upper, prevWordLen);
    if (run.letters) {
      // words, and codes mixing letters and digits ("cvv2", "Misiek77", "RX405196702GB"): never a number
      i = run.end;
      tokens.push({
        type: 'word',
        start,
        end: i,
        text: folded.slice(start, i),
        groups: NO_GROUPS,
        breakBefore,
        labels: NO_LABELS,
        local: undefined,
        flags: 0,
      });
      // a short word ends a sentence unless it is an abbreviation ("ul.", "nr.", "Mr.")
      prevWordLen = run.digits
        ? 0
        : i - start > 3 || !ABBREVIATIONS.has(folded.slice(start, i))
          ? 4
          : 0;
    } else {
      const groups: DigitGroup[] = [{ start, end: run.end }];
      let digits = text.slice(start, run.end);
      i = run.end;
      // one separator joins digit groups: "4111 1111", "600-123-456", "4 8 2 1", a line break
      while (
        i + 1 < n &&
        SEPARATORS.has(text[i] as string) &&
        isDigitCode(text.charCodeAt(i + 1))
      ) {
        const next = alnumRun(text, i + 1);
        if (next.letters) break;
        // "pin 4821⏎2) nie działa": the next line's list number is not part of the value
        if (
          text[i] === '\n' &&
          next.end - (i + 1) <= 2 &&
          /^[).:]/.test(text.slice(next.end, next.end + 1))
        )
          break;
        groups.push({ start: i + 1, end: next.end });
        digits += text.slice(i + 1, next.end);
        i = next.end;
      }
      tokens.push({
        type: 'number',
        start,
        end: i,
        text: digits,
        groups,
        breakBefore,
        labels: NO_LABELS,
        local: undefined,
        flags: 0,
      });
      // "iki 50 €. Didesnei sumai …": a full stop after an amount ends the sentence
      prevWordLen = 4;
    }
    lastEnd = i;
  }
  for (let t = 0; t < tokens.length; t++) {
    if ((tokens[t] as Token).type !== 'word') continue;
    const matches = phrasesAt(tokens, t);
    if (matches.length === 0) continue;
    // a word that only one language's lexicon knows ("asmens", "hasło") says which language this is
    const lang = (matches[0] as PhraseMatch).locale;
    if (matches.every((m) => m.locale === lang)) votes[lang] += 1;
    for (const { label, length, locale, local } of matches) {
      if (local) {
        const tok = tokens[t] as Token;
        if (!tok.local) tok.local = [];
        tok.local.push({ label, locale });
        votes.local++;
        continue;
      }
      for (let k = t; k < t + length; k++) {
        const tok = tokens[k] as Token;
        if (tok.labels === NO_LABELS) tok.labels = [label];
        else if (!tok.labels.includes(label)) tok.labels.push(label);
      }
    }
  }
  if (tenantPhrases) labelTenantPhrases(tokens, tenantPhrases);
  return tokens;
}

/** The tenant's own context words label the words they match, as the lexicon's do (no vote for the language). */
function labelTenantPhrases(tokens: Token[], index: TermIndex<TenantPhrase>): void {
  for (let t = 0; t < tokens.length; t++) {
    if ((tokens[t] as Token).type !== 'word') continue;
    for (const term of termsAt(index, tokens, t)) {
      const { label, local } = term.value;
      if (local) {
        const tok = tokens[t] as Token;
        if (!tok.local) tok.local = [];
        tok.local.push({ label, locale: local });
        continue;
      }
      for (let k = t; k < t + term.tokens.length; k++) {
        const tok = tokens[k] as Token;
        if (tok.labels === NO_LABELS) tok.labels = [label];
        else if (!tok.labels.includes(label)) tok.labels.push(label);
      }
    }
  }
}

/** Options for preparing a message; what is not given is detected. */
export interface DocumentOptions {
  locale?: Locale | undefined;
  region?: string | undefined;
  /** The tenant's own context words (compiled once per policy version, tenant-detection.ts). */
  tenantPhrases?: TermIndex<TenantPhrase> | undefined;
}

/** Prepares `original` once for every detector: normalises, folds, tokenises, labels context, picks the locale. */
export function buildDocument(original: string, options: DocumentOptions = {}): ScanDocument {
  const norm = normalize(original);
  const folded = fold(norm.text);
  const votes: PhraseVotes = { pl: 0, lt: 0, en: 0, local: 0 };
  const tokens = tokenize(norm.text, folded, votes, options.tenantPhrases);
  const locale = options.locale ?? detectLocale(norm.text, tokens, votes);
  // short function words count in their own language only, once the language is known
  if (votes.local > 0 || options.tenantPhrases)
    for (const tok of tokens) {
      if (!tok.local) continue;
      for (const { label, locale: lang } of tok.local) {
        if (lang !== locale) continue;
        if (tok.labels === NO_LABELS) tok.labels = [label];
        else if (!tok.labels.includes(label)) tok.labels.push(label);
      }
    }
  const labels = new Set<Label>();
  for (const tok of tokens) for (const l of tok.labels) labels.add(l);
  if (labels.has('digits') || labels.has('photo'))
    labelDescribed({ text: norm.text, tokens }, labels);
  const region = options.region ?? DEFAULT_REGION[locale];
  const { startMap, endMap } = norm;
  return {
    original,
    text: norm.text,
    folded,
    tokens,
    labels,
    locale,
    region,
    toOriginal(start, end) {
      const s = startMap[start] ?? original.length;
      if (end <= start) return [s, s];
      return [s, endMap[end - 1] ?? original.length];
    },
    tokenAt(pos) {
      let lo = 0;
      let hi = tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((tokens[mid] as Token).start < pos) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
