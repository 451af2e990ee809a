import { fold } from '../normalize.ts';
import type { Token } from '../document.ts';
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
}

const byExact = new Map<string, Phrase[]>();
const byPrefix = new Map<string, Phrase[]>();
const PREFIX_KEY = 3;

function splitWords(phrase: string): WordPattern[] {
  return fold(phrase.normalize('NFKC'))
    .split(/[^\p{L}\p{N}*]+/u)
    .filter(Boolean)
    .map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
}

function add(map: Map<string, Phrase[]>, key: string, phrase: Phrase): void {
  const list = map.get(key);
  if (list) list.push(phrase);
  else map.set(key, [phrase]);
}

for (const [locale, lexicon] of Object.entries(LEXICONS) as [Locale, LanguageLexicon][]) {
  for (const [label, list] of Object.entries(lexicon.phrases) as [Label, readonly string[]][]) {
    for (const raw of list) {
      const words = splitWords(raw);
      const first = words[0];
      if (!first) continue;
      const phrase: Phrase = { label, words, locale };
      if (first.prefix && first.text.length >= PREFIX_KEY) add(byPrefix, first.text.slice(0, PREFIX_KEY), phrase);
      else add(byExact, first.text, phrase);
    }
  }
}

function wordMatches(pattern: WordPattern, word: string): boolean {
  return pattern.prefix ? word.startsWith(pattern.text) : word === pattern.text;
}

function phraseMatches(phrase: Phrase, tokens: readonly Token[], at: number): boolean {
  for (let k = 0; k < phrase.words.length; k++) {
    const tok = tokens[at + k];
    if (!tok || tok.type !== 'word' || (k > 0 && tok.breakBefore)) return false;
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
}

/** Every phrase that starts at word token `at`. */
const NO_MATCHES: readonly PhraseMatch[] = [];

export function phrasesAt(tokens: readonly Token[], at: number): readonly PhraseMatch[] {
  const word = (tokens[at] as Token).text;
  const exact = byExact.get(word);
  const prefixed = word.length >= PREFIX_KEY ? byPrefix.get(word.slice(0, PREFIX_KEY)) : undefined;
  if (!exact && !prefixed) return NO_MATCHES;
  const out: PhraseMatch[] = [];
  if (exact) for (const phrase of exact) if (phraseMatches(phrase, tokens, at)) out.push({ label: phrase.label, length: phrase.words.length, locale: phrase.locale });
  if (prefixed) for (const phrase of prefixed) if (phraseMatches(phrase, tokens, at)) out.push({ label: phrase.label, length: phrase.words.length, locale: phrase.locale });
  return out;
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
