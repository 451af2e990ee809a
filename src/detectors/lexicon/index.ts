import { fold } from '../normalize.ts';
import type { Token } from '../token.ts';
import type { Locale } from '../types.ts';
import { en } from './en.ts';
import { lt } from './lt.ts';
import { pl } from './pl.ts';
import type { Label, LanguageLexicon } from './types.ts';

export type { Label } from './types.ts';

/** The three languages' lexicons; context matching uses all three at once (mixed-language messages). */
export const LEXICONS: Readonly<Record<Locale, LanguageLexicon>> = { pl, lt, en };

interface WordPattern {
  text: string;
  prefix: boolean;
}
interface Phrase {
  label: Label;
  words: WordPattern[];
  locale: Locale;
  /** What a match of it reports, made once. */
  match: PhraseMatch;
}

const byExact = new Map<string, Phrase[]>();
const byPrefix = new Map<string, Phrase[]>();
const PREFIX_KEY = 3;

function splitWords(phrase: string): WordPattern[] {
  return fold(phrase.normalize('NFKC'))
    .split(/[^\p{L}\p{N}*]+/u)
    .filter(Boolean)
    .map((w) =>
      w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false },
    );
}

function add(map: Map<string, Phrase[]>, key: string, phrase: Phrase): void {
  const list = map.get(key);
  if (list) list.push(phrase);
  else map.set(key, [phrase]);
}

function wordMatches(pattern: WordPattern, word: string): boolean {
  return pattern.prefix ? word.startsWith(pattern.text) : word === pattern.text;
}

function phraseMatches(phrase: Phrase, tokens: readonly Token[], at: number): boolean {
  for (let k = 0; k < phrase.words.length; k++) {
    const tok = tokens[at + k];
    if (tok?.type !== 'word' || (k > 0 && tok.breakBefore)) return false;
    if (!wordMatches(phrase.words[k] as WordPattern, tok.text)) return false;
  }
  return true;
}

/** A phrase found in a message: its label and how many word tokens it spans. */
export interface PhraseMatch {
  label: Label;
  length: number;
  /** The language whose lexicon the phrase comes from (evidence for locale detection). */
  locale: Locale;
  /**
   * A short function word ("be", "no", "tu", "go", "ir") of a label that reads grammar: it
   * counts only in a message of its own language, since the same letters are another word in
   * another language (English "be" is Lithuanian "without"; Polish "no" is not a negation).
   */
  local: boolean;
}

const GRAMMAR_LABELS: ReadonlySet<Label> = new Set<Label>([
  'negation',
  'without',
  'us',
  'dest',
  'pronoun',
  'wh',
  'condition',
  'change',
  'holding',
  'held',
  'price_prep',
  'addressee',
  'info',
  'third_party',
  'need',
  'request',
  'give',
  'paste',
  'after',
  'secrecy',
  'honorific',
  'ui',
  'digits',
  'card_back',
  'card_front',
  'last',
]);
const SHORT = 3;

// Short words every language writes alike: they count in a message of any language.
const INTERNATIONAL = new Set([
  'ul',
  'al',
  'os',
  'pl',
  'pin',
  'puk',
  'sms',
  'otp',
  'cvv',
  'cvc',
  'cid',
  'atm',
  'dm',
  'tel',
  'mob',
  'ean',
  'iban',
  'nrb',
  'vat',
  'pvm',
]);

function match(phrase: Phrase): PhraseMatch {
  const first = phrase.words[0] as WordPattern;
  const short = phrase.words.length === 1 && !first.prefix && first.text.length <= SHORT;
  const local =
    short &&
    (GRAMMAR_LABELS.has(phrase.label) ||
      (first.text.length <= 2 && !INTERNATIONAL.has(first.text)));
  return { label: phrase.label, length: phrase.words.length, locale: phrase.locale, local };
}

const NO_MATCHES: readonly PhraseMatch[] = [];

for (const [locale, lexicon] of Object.entries(LEXICONS) as [Locale, LanguageLexicon][]) {
  for (const [label, list] of Object.entries(lexicon.phrases) as [Label, readonly string[]][]) {
    for (const raw of list) {
      const words = splitWords(raw);
      const first = words[0];
      if (!first) continue;
      const phrase = { label, words, locale } as Phrase;
      phrase.match = match(phrase);
      if (first.prefix && first.text.length >= PREFIX_KEY)
        add(byPrefix, first.text.slice(0, PREFIX_KEY), phrase);
      else add(byExact, first.text, phrase);
    }
  }
}

// The phrases whose first word fits a given word, remembered per word: the same words come
// back in every message, a prefix bucket ("prz…") holds dozens of phrases, and many phrases
// share a first word ("w aplikacji", "w bankomacie", "in the app"): those are indexed by their
// second word, so a word costs a lookup or two, not a loop over every phrase it could start.
interface Candidates {
  /** One-word phrases: they match as soon as the word does. */
  single: readonly PhraseMatch[];
  /** Longer phrases by their second word written out; and those whose second word is a prefix. */
  bySecond: ReadonlyMap<string, readonly Phrase[]>;
  secondPrefixed: readonly Phrase[];
}
const CANDIDATE_CACHE_LIMIT = 20_000;
const candidates = new Map<string, Candidates>();
const NO_PHRASES: readonly Phrase[] = [];
const NO_CANDIDATES: Candidates = { single: [], bySecond: new Map(), secondPrefixed: NO_PHRASES };

function candidatesFor(word: string): Candidates {
  let found = candidates.get(word);
  if (found) return found;
  const exact = byExact.get(word) ?? NO_PHRASES;
  const prefixed =
    word.length >= PREFIX_KEY
      ? (byPrefix.get(word.slice(0, PREFIX_KEY)) ?? NO_PHRASES)
      : NO_PHRASES;
  const fitting = [
    ...exact,
    ...prefixed.filter((p) => wordMatches(p.words[0] as WordPattern, word)),
  ];
  if (fitting.length === 0) found = NO_CANDIDATES;
  else {
    const single: PhraseMatch[] = [];
    const bySecond = new Map<string, Phrase[]>();
    const secondPrefixed: Phrase[] = [];
    for (const phrase of fitting) {
      const second = phrase.words[1];
      if (!second) single.push(phrase.match);
      else if (second.prefix) secondPrefixed.push(phrase);
      else {
        const list = bySecond.get(second.text);
        if (list) list.push(phrase);
        else bySecond.set(second.text, [phrase]);
      }
    }
    found = { single, bySecond, secondPrefixed };
  }
  if (candidates.size >= CANDIDATE_CACHE_LIMIT) candidates.clear();
  candidates.set(word, found);
  return found;
}

/** Every phrase that starts at word token `at`. The array may be shared: read it, do not change it. */
export function phrasesAt(tokens: readonly Token[], at: number): readonly PhraseMatch[] {
  const c = candidatesFor((tokens[at] as Token).text);
  if (c === NO_CANDIDATES) return NO_MATCHES;
  const next = tokens[at + 1];
  if (
    next?.type !== 'word' ||
    next.breakBefore ||
    (c.bySecond.size === 0 && c.secondPrefixed.length === 0)
  )
    return c.single;
  // a new array only when a longer phrase matches (most words match none)
  let out: PhraseMatch[] | null = null;
  for (const phrase of c.bySecond.get(next.text) ?? NO_PHRASES) {
    if (!phraseMatches(phrase, tokens, at)) continue;
    out = out ?? [...c.single];
    out.push(phrase.match);
  }
  for (const phrase of c.secondPrefixed) {
    if (!phraseMatches(phrase, tokens, at)) continue;
    out = out ?? [...c.single];
    out.push(phrase.match);
  }
  return out ?? c.single;
}

const stopwordLocales = new Map<string, Locale[]>();
for (const [locale, lexicon] of Object.entries(LEXICONS) as [Locale, LanguageLexicon][]) {
  for (const w of lexicon.stopwords) {
    const key = fold(w);
    const list = stopwordLocales.get(key);
    if (list) list.push(locale);
    else stopwordLocales.set(key, [locale]);
  }
}

/** The languages in which the folded `word` is a frequent word (none: undefined). */
export function stopwordOf(word: string): readonly Locale[] | undefined {
  return stopwordLocales.get(word);
}

/** Whether the folded `word` is a frequent word of `locale`. */
export function isStopword(locale: Locale, word: string): boolean {
  return stopwordLocales.get(word)?.includes(locale) ?? false;
}
