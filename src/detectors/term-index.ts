import type { Token } from './token.ts';

/** One token of a term as the document's tokenizer cut it: a folded word or a number run's digits. */
export interface TermToken {
  type: Token['type'];
  text: string;
  /** A word written with a trailing `*`: it matches any word it begins. */
  prefix: boolean;
}

/** A term (a phrase of tokens) and what a match of it stands for. */
export interface Term<T> {
  tokens: readonly TermToken[];
  value: T;
}

/** Terms by their first token, so a word costs one or two map lookups, however many terms there are. */
export interface TermIndex<T> {
  exact: ReadonlyMap<string, ReadonlyArray<Term<T>>>;
  /** Terms whose first token is a prefix, by its first PREFIX_KEY letters. */
  byPrefix: ReadonlyMap<string, ReadonlyArray<Term<T>>>;
  size: number;
}

/** How many letters a prefix term's first word must have (and is indexed by). */
export const PREFIX_KEY = 3;

function push<T>(map: Map<string, Term<T>[]>, key: string, term: Term<T>): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}

/** Indexes terms for `termsAt`; a term with no tokens, or a prefix shorter than PREFIX_KEY first, is left out (validation refuses those). */
export function indexTerms<T>(terms: ReadonlyArray<Term<T>>): TermIndex<T> {
  const exact = new Map<string, Term<T>[]>();
  const byPrefix = new Map<string, Term<T>[]>();
  let size = 0;
  for (const term of terms) {
    const first = term.tokens[0];
    if (!first) continue;
    if (first.prefix) {
      if (first.text.length < PREFIX_KEY) continue;
      push(byPrefix, first.text.slice(0, PREFIX_KEY), term);
    } else push(exact, first.text, term);
    size++;
  }
  return { exact, byPrefix, size };
}

function tokenMatches(pattern: TermToken, tok: Token | undefined, first: boolean): boolean {
  if (!tok || tok.type !== pattern.type || (!first && tok.breakBefore)) return false;
  return pattern.prefix ? tok.text.startsWith(pattern.text) : tok.text === pattern.text;
}

/** Every term that starts at token `at`, each with how many tokens it spans; a term never crosses a sentence boundary. */
export function termsAt<T>(
  index: TermIndex<T>,
  tokens: readonly Token[],
  at: number,
): Array<Term<T>> {
  const tok = tokens[at] as Token;
  const exact = index.exact.get(tok.text);
  const prefixed =
    index.byPrefix.size > 0 && tok.text.length >= PREFIX_KEY
      ? index.byPrefix.get(tok.text.slice(0, PREFIX_KEY))
      : undefined;
  if (!exact && !prefixed) return [];
  const out: Array<Term<T>> = [];
  for (const list of [exact, prefixed]) {
    if (!list) continue;
    for (const term of list) {
      let ok = true;
      for (let k = 0; k < term.tokens.length && ok; k++)
        ok = tokenMatches(term.tokens[k] as TermToken, tokens[at + k], k === 0);
      if (ok) out.push(term);
    }
  }
  return out;
}
