import type { ScanDocument, Token } from './token.ts';
import { SECRET_MENTIONS } from './kinds.ts';
import type { Label } from './lexicon/index.ts';

/**
 * Where each token's sentence and clause begin and end, and which sentences are questions.
 * A list under a line ending in a colon ("Prosimy o:\n1) …\n2) …") belongs to that line's
 * sentence: what it asks for is in the items.
 */
export interface Segments {
  /** Per token: the index of the first token of its scope (sentence, with a list under it). */
  scopeStart: number[];
  scopeEnd: number[];
  /** Per token: the first and last token of its own sentence line. */
  sentenceStart: number[];
  sentenceEnd: number[];
  /** Per token: the first and last token of its clause. */
  clauseStart: number[];
  clauseEnd: number[];
  /** Per token: whether its sentence is a question. */
  question: number[];
  /** Per token: part of a label of the app's screens ("Karty > Pokaż PIN", tap 'Resend code'), not words to the customer. */
  ui: number[];
}

// the labels that mention a secret (kinds.ts), and a bare "code"
const SECRET_WORDS: readonly Label[] = [...SECRET_MENTIONS.map(([label]) => label), 'code'];

function namesSecret(x: Token | undefined): boolean {
  if (x === undefined || x.labels.length === 0) return false;
  for (const l of SECRET_WORDS) if (x.labels.includes(l)) return true;
  return false;
}

/** Whether token `t` (or the one after a determiner) names a secret: a comma before it lists, it does not end a clause. */
function listsSecret(tokens: readonly Token[], t: number): boolean {
  const tok = tokens[t] as Token;
  if (namesSecret(tok) || (DETERMINERS.has(tok.text) && namesSecret(tokens[t + 1]))) return true;
  // "…, your online banking password", "…, the three-digit security code": a few words that
  // qualify the secret come first; a verb among them starts a clause of its own
  if (!DETERMINERS.has(tok.text) && !LIST_OPENERS.has(tok.text)) return false;
  for (let j = t + 1; j < tokens.length && j <= t + LIST_LOOKAHEAD; j++) {
    const next = tokens[j] as Token;
    if (next.breakBefore || VERBISH.some((l) => next.labels.includes(l))) return false;
    if (namesSecret(next)) return true;
  }
  return false;
}
// words that open a listed item besides the determiners: "any one-time passcode", "jokio kodo"
const LIST_OPENERS = new Set([
  'any',
  'jakikolwiek',
  'zadnego',
  'zadnych',
  'joks',
  'jokio',
  'jokiu',
]);
const LIST_LOOKAHEAD = 4;
const VERBISH: readonly Label[] = ['give', 'request', 'paste', 'need', 'negation'];

// What a gap between two tokens holds, read once character by character.
const G_CLAUSE = 1;
const G_COMMA_ONLY = 2;
const G_NEWLINE = 4;
const G_BLANK_LINE = 8;
const G_COLON_LINE = 16;

function gapFlags(text: string, from: number, to: number): number {
  let flags = 0;
  let commas = 0;
  let other = false;
  let colon = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) commas++;
    else if (c === 10) {
      if (flags & G_NEWLINE && !other) flags |= G_BLANK_LINE;
      flags |= G_NEWLINE;
      if (colon) flags |= G_COLON_LINE;
      continue;
    } else if (c === 32 || c === 9 || c === 13) continue;
    else other = true;
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2013 || c === 0x2014)
      flags |= G_CLAUSE;
    else if (
      c === 45 &&
      i > from &&
      i + 1 < to &&
      text.charCodeAt(i - 1) === 32 &&
      text.charCodeAt(i + 1) === 32
    )
      flags |= G_CLAUSE;
    if (c === 58) colon = true;
  }
  if (commas > 0 && !other) flags |= G_COMMA_ONLY;
  // a blank line: two line breaks with only spaces between
  if ((flags & G_NEWLINE) !== 0 && /\n\s*\n/.test(text.slice(from, to))) flags |= G_BLANK_LINE;
  return flags;
}

// Quotation marks do not end a clause: what is quoted is read with the words around it
// ("bank nigdy nie prosi o „potwierdzenie PIN-u”").
const DETERMINERS = new Set([
  'your',
  'the',
  'a',
  'swoj',
  'swoj',
  'twoj',
  'twoje',
  'twoja',
  'twojej',
  'twoich',
  'twojego',
  'tavo',
  'jusu',
  'savo',
  'pana',
  'pani',
  'or',
  'and',
  'i',
  'ir',
  'lub',
  'albo',
  'arba',
]);
// "Podaj, proszę, kod z SMS-a": commas around a please do not end a clause
const POLITE = new Set(['prosze', 'please', 'pls', 'plz', 'prasau', 'prasom', 'kindly', 'prasome']);
const LIST_MARKER = /^\s*(?:[-•*–·]|\d{1,2}[).]|[a-z][)])\s*$/;

function gap(doc: ScanDocument, a: Token | undefined, b: Token): string {
  return doc.text.slice(a ? a.end : 0, b.start);
}

/** Whether token `t` opens a list item: a line starting "1)", "2.", "-" or "•". */
function listItem(doc: ScanDocument, tokens: readonly Token[], t: number): boolean {
  const tok = tokens[t] as Token;
  const before = gap(doc, tokens[t - 1], tok);
  if (!before.includes('\n')) return false;
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (LIST_MARKER.test(line)) return true;
  // "1) …": the marker's digits are a token of their own
  const next = tokens[t + 1];
  return (
    tok.type === 'number' &&
    tok.text.length <= 2 &&
    next !== undefined &&
    /^[).]\s/.test(doc.text.slice(tok.end, tok.end + 2))
  );
}

/** Cuts a document into scopes, sentences and clauses once, for the secret-mention rules. */
export function segment(doc: ScanDocument): Segments {
  const tokens = doc.tokens;
  const n = tokens.length;
  // plain arrays filled in order: typed arrays cost more to allocate than a short message takes to read
  const s: Segments = {
    scopeStart: [],
    scopeEnd: [],
    sentenceStart: [],
    sentenceEnd: [],
    clauseStart: [],
    clauseEnd: [],
    question: [],
    ui: [],
  };
  let scope = 0;
  let sentence = 0;
  let clause = 0;
  let header = false;
  const text = doc.text;
  for (let t = 0; t < n; t++) {
    const tok = tokens[t] as Token;
    // most gaps are one space: nothing to read there
    if (
      t > 0 &&
      !tok.breakBefore &&
      tok.start - (tokens[t - 1] as Token).end === 1 &&
      text.charCodeAt(tok.start - 1) === 32
    ) {
      s.scopeStart.push(scope);
      s.sentenceStart.push(sentence);
      s.clauseStart.push(clause);
      s.question.push(0);
      s.ui.push(0);
      continue;
    }
    const flags = t > 0 ? gapFlags(text, (tokens[t - 1] as Token).end, tok.start) : 0;
    if (t > 0 && tok.breakBefore) {
      // a line ending in a colon opens a list; its items stay in its scope until a blank line
      if (
        (flags & G_BLANK_LINE) === 0 &&
        ((flags & G_COLON_LINE) !== 0 ||
          (header && (flags & G_NEWLINE) !== 0 && listItem(doc, tokens, t)))
      )
        header = true;
      else {
        header = false;
        scope = t;
      }
      sentence = t;
      clause = t;
    } else if (t > 0 && (flags & G_CLAUSE) !== 0) {
      const prev = tokens[t - 1] as Token;
      // "card number, PIN or passcode": an enumeration of secrets stays in its clause
      const enumerates = (flags & G_COMMA_ONLY) !== 0 && listsSecret(tokens, t);
      if (!POLITE.has(prev.text) && !POLITE.has(tok.text) && !enumerates) clause = t;
    }
    s.scopeStart.push(scope);
    s.sentenceStart.push(sentence);
    s.clauseStart.push(clause);
    s.question.push(0);
    s.ui.push(0);
  }
  // ends, and questions: a "?" after any token of the sentence before the next one begins
  s.scopeEnd.length = s.sentenceEnd.length = s.clauseEnd.length = n;
  for (let t = n - 1; t >= 0; t--) {
    const last = t === n - 1;
    s.scopeEnd[t] =
      last || s.scopeStart[t + 1] !== s.scopeStart[t] ? t : (s.scopeEnd[t + 1] as number);
    s.sentenceEnd[t] =
      last || s.sentenceStart[t + 1] !== s.sentenceStart[t] ? t : (s.sentenceEnd[t + 1] as number);
    s.clauseEnd[t] =
      last || s.clauseStart[t + 1] !== s.clauseStart[t] ? t : (s.clauseEnd[t + 1] as number);
  }
  let mark = text.indexOf('?');
  for (let t = 0; t < n && mark >= 0; t = (s.sentenceEnd[t] as number) + 1) {
    const first = tokens[t] as Token;
    const endTok = s.sentenceEnd[t] as number;
    const stop = endTok + 1 < n ? (tokens[endTok + 1] as Token).start : text.length;
    if (mark < first.start) mark = text.indexOf('?', first.start);
    if (mark < 0) break;
    if (mark < stop) for (let k = t; k <= endTok; k++) s.question[k] = 1;
  }
  markInterface(doc, s);
  return s;
}

const QUOTE_OPEN = /["'„“«‘]\s*$/;
const QUOTE_CLOSE = /^\s*["'”“»’]/;

/**
 * Marks what names the app's own screens and buttons: a menu path ("Karty > Pokaż PIN") and
 * a quoted label after a verb of tapping ("tap 'Resend code'", "kliknij „Nie pamiętam hasła”").
 */
function markInterface(doc: ScanDocument, s: Segments): void {
  const tokens = doc.tokens;
  if (!doc.labels.has('ui') && !doc.text.includes('>') && !doc.text.includes('→')) return;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    const before = gap(doc, tokens[t - 1], tok);
    // a menu path: its whole clause names screens of the app
    if (t > 0 && /[>→]/.test(before))
      for (let j = s.clauseStart[t] as number; j <= (s.clauseEnd[t] as number); j++) s.ui[j] = 1;
    if (tok.labels.includes('ui')) {
      // the quote opens right after the verb or a word or two later ("tap the 'Resend code' button")
      let open = -1;
      for (let j = t + 1; j < tokens.length && j - t <= 3; j++) {
        if (QUOTE_OPEN.test(gap(doc, tokens[j - 1], tokens[j] as Token))) {
          open = j;
          break;
        }
      }
      if (open < 0) continue;
      for (let j = open; j < tokens.length && j - open <= 6; j++) {
        s.ui[j] = 1;
        if (
          QUOTE_CLOSE.test(doc.text.slice((tokens[j] as Token).end, (tokens[j] as Token).end + 2))
        )
          break;
      }
    }
  }
}
