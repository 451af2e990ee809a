import type { Token } from './token.ts';
import { stopwordOf } from './lexicon/index.ts';
import type { Locale } from './types.ts';

const PL_LETTERS = new Set('łńśźżćóŁŃŚŹŻĆÓ');
const LT_LETTERS = new Set('ėįųūčšžĖĮŲŪČŠŽ');

// Country conventions written into the text: a calling code, an IBAN's country, a postal
// code's form, an e-mail or web domain. Each is worth one vote: an English message may well
// carry a Polish number, so they settle short or mixed messages rather than outvote words.
const COUNTRY_SIGNS: ReadonlyArray<[RegExp, Locale]> = [
  [/\+\s?48(?!\d)/g, 'pl'],
  [/\+\s?370(?!\d)/g, 'lt'],
  [/(?<![A-Za-z])PL\d{2}(?=[\s\d])/g, 'pl'],
  [/(?<![A-Za-z])LT\d{2}(?=[\s\d])/g, 'lt'],
  [/(?<![\d-])\d{2}-\d{3}(?![\d-])/g, 'pl'],
  [/(?<![A-Za-z])LT-\d{5}(?!\d)/g, 'lt'],
  [/\.pl(?![\p{L}\d])/gu, 'pl'],
  [/\.lt(?![\p{L}\d])/gu, 'lt'],
  [/(?<![\p{L}])PESEL(?![\p{L}])/gu, 'pl'],
];

/** Default phone region per language. */
export const DEFAULT_REGION: Readonly<Record<Locale, string>> = { pl: 'PL', lt: 'LT', en: 'GB' };

/**
 * Picks Polish, Lithuanian or English from letters only one of them uses, from frequent
 * words (folded, so text typed without diacritics still counts) and from context phrases
 * only one language's lexicon has, with a vote from country conventions (COUNTRY_SIGNS). English
 * wins ties: it is the language a mixed or unclear message is most likely answered in.
 */
export function detectLocale(
  text: string,
  tokens: readonly Token[],
  phraseVotes?: Readonly<Record<Locale, number>>,
): Locale {
  const score: Record<Locale, number> = {
    pl: phraseVotes?.pl ?? 0,
    lt: phraseVotes?.lt ?? 0,
    en: phraseVotes?.en ?? 0,
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (text.charCodeAt(i) < 128) continue;
    if (PL_LETTERS.has(ch)) score.pl += 2;
    else if (LT_LETTERS.has(ch)) score.lt += 2;
  }
  for (const [re, locale] of COUNTRY_SIGNS) {
    re.lastIndex = 0;
    if (re.test(text)) score[locale] += 1;
  }
  for (const tok of tokens) {
    if (tok.type !== 'word') continue;
    const locales = stopwordOf(tok.text);
    if (locales) for (const locale of locales) score[locale] += 1;
  }
  let best: Locale = 'en';
  for (const locale of ['pl', 'lt'] as const) if (score[locale] > score[best]) best = locale;
  return best;
}
