import type { Label } from './lexicon/types.ts';
import type { Locale } from './locales.ts';

/** A group of ASCII digits inside a number run, in normalised coordinates. */
export interface DigitGroup {
  start: number;
  end: number;
}

/** A word (letters) or a number run (digit groups joined by single separators). */
export interface Token {
  type: 'word' | 'number';
  start: number;
  end: number;
  /** Folded text of a word; the digits of a number run. */
  text: string;
  /** For number runs: the digit groups. */
  groups: DigitGroup[];
  /** True when a sentence or line boundary lies between this token and the previous one. */
  breakBefore: boolean;
  /** Context labels of every phrase this word is part of ("stan konta": both words carry `balance`). */
  labels: Label[];
  /** Labels of short function words that hold only if the message is in their language (PhraseMatch.local). */
  local: Array<{ label: Label; locale: Locale }> | undefined;
  /** Bits the secret-mention analysis marks on a word once per message (secret-request.ts). */
  flags: number;
}

/** The text prepared once per message for every detector. */
export interface ScanDocument {
  original: string;
  /** Normalised text (NFKC, no invisible characters, ASCII digits). */
  text: string;
  /** `text` lower-cased without diacritics, same length. */
  folded: string;
  tokens: Token[];
  /** Every context label present in the message: detectors whose words are absent skip their work. */
  labels: ReadonlySet<Label>;
  locale: Locale;
  /** Default region for phone numbers (ISO 3166 alpha-2). */
  region: string;
  /** Maps a normalised span to the original text's UTF-16 offsets. */
  toOriginal(start: number, end: number): [number, number];
  /** Index of the first token whose start is at or after `pos`. */
  tokenAt(pos: number): number;
}
