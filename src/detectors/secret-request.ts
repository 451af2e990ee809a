import type { ScanDocument, Token } from './token.ts';
import { SECRET_MENTIONS, type Kind } from './kinds.ts';
import type { Label } from './lexicon/index.ts';
import { segment, type Segments } from './segments.ts';

/** Why a mention of a secret was not recognised as safe. */
export type RequestBasis =
  | 'request'
  | 'question'
  | 'need'
  | 'destination'
  | 'reference'
  | 'unclear';

/**
 * An outbound text that asks for a customer's secret, or mentions one in a way the rules
 * cannot tell is safe: blocked everywhere (fail closed). `start`/`end` are the phrase that
 * triggered it (the request word through the secret, or the clause), in normalised offsets.
 */
export interface SecretRequest {
  kind: Kind;
  start: number;
  end: number;
  basis: RequestBasis;
}

/** Labels that ask for the object they govern. */
const ASKING: readonly Label[] = ['request', 'give', 'paste'];
const MAX_REPORTED = 10;

/**
 * The secret a word names, by the labels the kinds' descriptors give for mentions (kinds.ts). A word
 * naming two ("slaptažodis" in "vienkartinis slaptažodis") is read as the kind listed first there.
 */
function secretKind(tok: Token): Kind | null {
  const labels = tok.labels;
  if (labels.length === 0) return null;
  for (let i = 0; i < SECRET_MENTIONS.length; i++) {
    const entry = SECRET_MENTIONS[i] as readonly [Label, Kind];
    if (labels.includes(entry[0])) return entry[1];
  }
  return null;
}

function has(tok: Token, label: Label): boolean {
  return tok.labels.includes(label);
}

/** A bare "code" is a weak mention: blocked when asked for, not when merely named. */
const OTHER_CODES: readonly Label[] = [
  'nid',
  'neutral',
  'price',
  'phone',
  'account',
  'dob',
  'email',
];

function weakCode(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k] as Token;
  // "asmens kodas" is a national ID, "kod pocztowy" a postal code
  if (!has(tok, 'code') || OTHER_CODES.some((l) => tok.labels.includes(l))) return false;
  // "kod rabatowy", "discount code", "kod pocztowy": a code that is no secret
  for (let j = Math.max(0, k - 2); j <= k + 2 && j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (has(t, 'neutral') || has(t, 'price')) return false;
  }
  return true;
}

interface Scope {
  from: number;
  to: number;
}

interface Context {
  doc: ScanDocument;
  seg: Segments;
  /** Whether the customer or the conversation is named in the scope of a token (need words ask only then). */
  addressed(k: number): boolean;
  /** Results per clause or scope, computed once per message: a long text has many mentions in one clause. */
  memo: Map<number, unknown>;
  /** Per word: its context labels as bits (contextMasks). */
  masks: number[];
}

/** A memo key: what is computed (`tag`, below 8) over which tokens. */
function key(tag: number, scope: Scope, question = false): number {
  return ((scope.from * 16384 + scope.to) * 2 + (question ? 1 : 0)) * 8 + tag;
}

function memo<T>(
  ctx: Context,
  key: number,
  compute: (ctx: Context, scope: Scope, question: boolean) => T,
  scope: Scope,
  question = false,
): T {
  const hit = ctx.memo.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute(ctx, scope, question);
  ctx.memo.set(key, value);
  return value;
}

function clauseOf(seg: Segments, k: number): Scope {
  return { from: seg.clauseStart[k] as number, to: seg.clauseEnd[k] as number };
}

/** Whether a token in `scope` carries `label`; the secret's own words (`kod z aplikacji`) do not count as context. */
function any(ctx: Context, scope: Scope, label: Label): boolean {
  const bit = BIT.get(label);
  if (bit === undefined) {
    for (let j = scope.from; j <= scope.to; j++)
      if (has(ctx.doc.tokens[j] as Token, label)) return true;
    return false;
  }
  const masks = ctx.masks;
  for (let j = scope.from; j <= scope.to; j++) if (((masks[j] as number) & bit) !== 0) return true;
  return false;
}

// The context labels the rules ask about, one bit each, ORed per word once per message.
const MASKED: readonly Label[] = [
  'addressee',
  'atm',
  'in_app',
  'info',
  'need',
  'negation',
  'secrecy',
  'third_party',
  'wh',
  'without',
  'dest',
  'us',
  'condition',
  'pronoun',
  'code',
];
const BIT = new Map<Label, number>(MASKED.map((l, i) => [l, 1 << i]));

/** Each word's context bits; a secret's own phrase carrying one ("kod z aplikacji") says nothing about it. */
function contextMasks(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (const tok of tokens) {
    let m = 0;
    if (tok.labels.length > 0) {
      const secret = secretKind(tok) !== null;
      for (const l of tok.labels) {
        const bit = BIT.get(l);
        if (bit !== undefined && !(secret && CONTEXT_ONLY.has(l))) m |= bit;
      }
    }
    out.push(m);
  }
  return out;
}
// labels that describe the situation around a secret; a secret's own phrase carrying one ("kod z aplikacji") says nothing about it
const CONTEXT_ONLY: ReadonlySet<Label> = new Set([
  'in_app',
  'atm',
  'info',
  'third_party',
  'secrecy',
  'dest',
]);

function isVerbCue(tok: Token): boolean {
  // a giving word inside a phrase of place or information ("by post", "resend") is that phrase
  return (
    (tok.flags & (PAST_GIVING | NOUN)) === 0 &&
    ASKING.some((l) => tok.labels.includes(l)) &&
    !tok.labels.includes('in_app') &&
    !tok.labels.includes('info') &&
    !weSend(tok) &&
    !PARTICIPLE.test(tok.text)
  );
}

// "the photo of your card you just posted", "jeśli podałeś komuś hasło": a giving verb in the
// past says what happened, it asks nothing — unless it gives to us ("if you just told us …").
// Bits of Token.flags
const PAST_GIVING = 1;
const WE_BEFORE = 2;
/** A word of giving used as a noun: "your post", "the message", "Pana komentarz". */
const NOUN = 4;
// The customer's own posts: "your comment", "jūsų komentarą" are not places to send us anything
const OWN_POSTS = /^(?:comment|post|tweet|komentar|wpis)/;
const DETERMINERS = new Set([
  'your',
  'the',
  'a',
  'an',
  'my',
  'this',
  'that',
  'our',
  'his',
  'her',
  'their',
  'twoj',
  'twoja',
  'twoje',
  'pana',
  'pani',
  'jusu',
  'tavo',
  'mano',
  'savo',
]);

function usAt(tokens: readonly Token[], m: number): boolean {
  const tok = tokens[m];
  return tok !== undefined && has(tok, 'us');
}

/**
 * Marks, once per message, what the rules need to know of each giving word: used as a noun
 * ("your post"), in the past and not to us ("you just posted"), after "we" ("we'll send").
 */
function markWords(tokens: readonly Token[]): void {
  for (let j = 0; j < tokens.length; j++) {
    const tok = tokens[j] as Token;
    if (tok.labels.length === 0) continue;
    const give = tok.labels.includes('give');
    const paste = tok.labels.includes('paste');
    if (
      j > 0 &&
      DETERMINERS.has((tokens[j - 1] as Token).text) &&
      (give || tok.labels.includes('dest'))
    )
      tok.flags |= NOUN;
    if (!give && !paste && !tok.labels.includes('request')) continue;
    if (give || paste) {
      // giving verbs only: "we'll send you", "we've posted"; "we'll need your PIN" stays a request
      const a = tokens[j - 1]?.text;
      const b = tokens[j - 2]?.text;
      if (
        a === 'we' ||
        ((a === 'll' ||
          a === 'will' ||
          a === 've' ||
          a === 'have' ||
          a === 'just' ||
          a === 'already') &&
          (b === 'we' || b === 'i'))
      )
        tok.flags |= WE_BEFORE;
    }
    if (tok.labels.includes('request') || !pastTense(tokens, j)) continue;
    if (
      !usAt(tokens, j - 1) &&
      !usAt(tokens, j + 1) &&
      !usAt(tokens, j - 2) &&
      !usAt(tokens, j + 2)
    )
      tok.flags |= PAST_GIVING;
  }
}

// "wpisując poprawny PIN", "įvedant SMS kodą": a participle says how something is done, it asks
// nothing; nor does a passive one ("zatwierdzona kodem BLIK", "bus atsiųstas paštu")
const THERE = new Set(['ten', 'tam', 'there', 'tiktai', 'tylko']);
// "… open our app and confirm it there": a "there" inside the clause points back too
const THERE_ANYWHERE = / (?:there|tam|ten)(?: |$)/;

function clauseText(ctx: Context, clause: Scope): string {
  return ctx.doc.folded.slice(
    (ctx.doc.tokens[clause.from] as Token).start,
    (ctx.doc.tokens[clause.to] as Token).end,
  );
}

const PARTICIPLE = /(?:jac|dami|damas|ant|on[aey]|an[aey]|tas|tos)$/;

// "wyślemy", "przesłaliśmy", "atsiųsime", "pateiksime": a verb of giving whose subject is us is
// information about what the bank sends, not a request (first person plural).
const WE_PL = /(?:emy|imy|ymy|amy|smy)$/;
const WE_LT = /(?:sime|ome|eme)$/;

/** Whether a giving verb is in the first person plural (Polish, Lithuanian), or "we" stands before it (marked by markWe). */
function weSend(tok: Token): boolean {
  if ((tok.flags & WE_BEFORE) !== 0) return true;
  // "prosimy", "potrzebujemy", "prašome" ask; "wysłaliśmy", "atsiųsime" say what we send
  if (
    tok.labels.includes('negation') ||
    (!tok.labels.includes('give') && !tok.labels.includes('paste'))
  )
    return false;
  return WE_PL.test(tok.text) || WE_LT.test(tok.text);
}

// "Hasła proszę nikomu nie przekazywać": a please is not the verb; the verb it introduces decides.
const POLITE_WORDS = new Set([
  'prosze',
  'prosimy',
  'please',
  'pls',
  'plz',
  'kindly',
  'prasome',
  'prasom',
  'prasau',
  'uprzejmie',
  'bardzo',
  'maloniai',
]);

/** Whether a token is only a please: the verb after it is what asks (or is negated). */
function politeOnly(tok: Token): boolean {
  return (
    POLITE_WORDS.has(tok.text) && !tok.labels.includes('give') && !tok.labels.includes('paste')
  );
}

// Pronouns for us and me ask to be sent to us only beside a verb: "send us", "nam podać", not "pretending to be us".
function usBesideVerb(ctx: Context, scope: Scope, j: number): boolean {
  for (let m = Math.max(scope.from, j - 2); m <= Math.min(scope.to, j + 2); m++)
    if (m !== j && isVerbCue(ctx.doc.tokens[m] as Token)) return true;
  return false;
}

/** Whether the clause names a place in the conversation or us as the recipient. */
function destination(ctx: Context, clause: Scope): boolean {
  return memo(ctx, key(1, clause), findDestination, clause);
}

function findDestination(ctx: Context, clause: Scope): boolean {
  for (let j = clause.from; j <= clause.to; j++) {
    const tok = ctx.doc.tokens[j] as Token;
    if (tok.labels.length === 0 || secretKind(tok)) continue;
    if (
      (has(tok, 'dest') && !((tok.flags & NOUN) !== 0 && OWN_POSTS.test(tok.text))) ||
      (has(tok, 'us') && usBesideVerb(ctx, clause, j))
    )
      return true;
  }
  return false;
}

/**
 * The asking word of `scope` nearest to token `k`, or -1: a request or a giving verb first
 * (podaj, send, įveskite), else a need word addressed to the customer, a place in the
 * conversation (tutaj, čia, in DM), or a question word in a question. UI labels do not ask.
 */
interface Cues {
  verbs: number[];
  polite: number[];
  other: number[];
}

function askingCue(
  ctx: Context,
  scope: Scope,
  k: number,
  question: boolean,
  skip?: ReadonlySet<number>,
): number {
  const cues = skip
    ? memo(ctx, key(3, scope, question), (c, sc, q) => collectCues(c, sc, q, skip), scope, question)
    : memo(ctx, key(2, scope, question), collectCues, scope, question);
  const verb = nearest(cues.verbs, k);
  if (verb >= 0) return verb;
  const polite = nearest(cues.polite, k);
  return polite >= 0 ? polite : nearest(cues.other, k);
}

function nearest(list: readonly number[], k: number): number {
  let best = -1;
  for (const j of list) if (j !== k && (best < 0 || Math.abs(j - k) < Math.abs(best - k))) best = j;
  return best;
}

function collectCues(
  ctx: Context,
  scope: Scope,
  question: boolean,
  skip?: ReadonlySet<number>,
): Cues {
  const cues: Cues = { verbs: [], polite: [], other: [] };
  const addressed = ctx.addressed(scope.from);
  for (let j = scope.from; j <= scope.to; j++) {
    const tok = ctx.doc.tokens[j] as Token;
    if (tok.labels.length === 0 || ctx.seg.ui[j] === 1 || skip?.has(j)) continue;
    if (isVerbCue(tok)) (politeOnly(tok) ? cues.polite : cues.verbs).push(j);
    else if (
      (has(tok, 'need') && addressed) ||
      (has(tok, 'dest') && !secretKind(tok) && !weSend(tok)) ||
      (question && has(tok, 'wh'))
    )
      cues.other.push(j);
  }
  return cues;
}

function basisOf(tok: Token, question: boolean): RequestBasis {
  if (question && has(tok, 'wh')) return 'question';
  if (isVerbCue(tok)) return 'request';
  if (has(tok, 'need')) return 'need';
  return 'destination';
}

// Words a negation reaches over to the verb it negates ("nie musi Pan podawać", "never ask you to").
const FILLERS = new Set([
  'ever',
  'please',
  'you',
  'to',
  'us',
  'me',
  'the',
  'your',
  'be',
  'will',
  'do',
  't',
  'should',
  'have',
  'must',
  'prosze',
  'prosimy',
  'pan',
  'pani',
  'panstwo',
  'nam',
  'mi',
  'go',
  'jej',
  'jego',
  'tego',
  'sie',
  'jest',
  'bedzie',
  'musi',
  'musisz',
  'musicie',
  'trzeba',
  'nalezy',
  'wolno',
  'mozna',
  'wolno',
  'nikomu',
  'swojego',
  'twojego',
  'swoich',
  'nigdy',
  'juz',
  'wiecej',
  'nawet',
  'mums',
  'jums',
  'savo',
  'jo',
  'jos',
  'prasome',
  'prasau',
  'niekada',
  'niekam',
  'jokiu',
  'budu',
  'reikia',
  'galima',
  'niekuomet',
]);
// After a negation these make a polite question, not a prohibition ("czy nie mógłby Pan podać…").
const MODALS = new Set([
  'moze',
  'mozesz',
  'moglby',
  'moglaby',
  'mogliby',
  'mogl',
  'could',
  'can',
  'would',
  'will',
  'galetumete',
  'galite',
  'galetum',
  'galit',
  'galetute',
]);
const WHY = new Set(['why', 'dlaczego', 'czemu', 'kodel']);
// A negation's reach ends at a contrast: "nie dzwoń, tylko podaj PIN".
const CONTRAST = new Set([
  'but',
  'only',
  'instead',
  'rather',
  'ale',
  'tylko',
  'lecz',
  'zamiast',
  'wystarczy',
  'bet',
  'tik',
  'tiesiog',
  'uztenka',
]);

/**
 * What the negations of a clause govern: the asking word right after a negation (fillers
 * skipped: "nie musi Pan podawać", "never ask you to confirm") and every asking word after it
 * up to a contrast ("… or send a passcode"); a secret named right after one ("no PIN", "nie
 * PIN-u"); the whole clause for a negated need or recipient ("nie trzeba", "nereikia", "no
 * need", "nikomu", "no one"). A negation of another verb ("nie ruszymy dalej bez kodu") governs
 * nothing here. `all` is set when the whole clause is negated.
 */
function negations(
  ctx: Context,
  clause: Scope,
  question: boolean,
): { tokens: Set<number>; all: boolean } {
  return memo(ctx, key(4, clause, question), computeNegations, clause, question);
}

function computeNegations(
  ctx: Context,
  clause: Scope,
  question: boolean,
): { tokens: Set<number>; all: boolean } {
  const tokens = ctx.doc.tokens;
  const out = new Set<number>();
  for (let n = clause.from; n <= clause.to; n++) {
    const tok = tokens[n] as Token;
    if (!has(tok, 'negation') || WHY.has(tokens[n - 1]?.text ?? '')) continue;
    const next = tokens[n + 1];
    const negatedNeed =
      has(tok, 'need') ||
      (next !== undefined && n + 1 <= clause.to && has(next, 'need')) ||
      (n + 2 <= clause.to &&
        next !== undefined &&
        FILLERS.has(next.text) &&
        has(tokens[n + 2] as Token, 'need'));
    if (negatedNeed || has(tok, 'third_party')) return { tokens: out, all: true };
    // a negated verb in one word (Lithuanian "nesiųskite", "nerašykite") governs from itself
    let j = isVerbCue(tok) ? n : n + 1;
    while (
      j <= clause.to &&
      j !== n &&
      (FILLERS.has((tokens[j] as Token).text) || has(tokens[j] as Token, 'negation'))
    ) {
      if (has(tokens[j] as Token, 'third_party')) return { tokens: out, all: true };
      j++;
    }
    if (j > clause.to) continue;
    const first = tokens[j] as Token;
    if (question && MODALS.has(first.text)) continue;
    if (secretKind(first) || has(first, 'code')) {
      out.add(j);
      continue;
    }
    // "nie wysyłamy SMS-ów z prośbą o podanie PIN-u", "mes nesiunčiame …": a negated act of giving, whoever gives
    if (!isVerbCue(first) && !has(first, 'dest') && !has(first, 'give') && !has(first, 'paste'))
      continue;
    out.add(j);
    for (let m = j + 1; m <= clause.to && !CONTRAST.has((tokens[m] as Token).text); m++) out.add(m);
  }
  return { tokens: out, all: false };
}

function anyNegation(ctx: Context, clause: Scope): boolean {
  return any(ctx, clause, 'negation');
}

const PAST_PL = /[aeiyu]l(?:es|as|em|am|a|o|i|y|iscie|ismy)?$/;
const PAST_LT = /(?:ete|ote)$/;
const PAST_EN = new Set([
  'shared',
  'provided',
  'confirmed',
  'gave',
  'given',
  'told',
  'sent',
  'wrote',
  'written',
  'posted',
  'typed',
  'entered',
  'showed',
  'shown',
  'disclosed',
  'revealed',
  'read',
  'forwarded',
  'pasted',
  'dictated',
]);

/** Whether a giving verb is in the past ("jeśli podałeś", "if you've shared", "jei pateikėte"): a condition about what happened. */
function pastTense(tokens: readonly Token[], j: number): boolean {
  const word = (tokens[j] as Token).text;
  if (PAST_EN.has(word)) return true;
  const before = tokens[j - 1]?.text;
  if (before === 've' || before === 'have' || before === 'has' || before === 'had') return true;
  if (PAST_PL.test(word)) return true;
  return PAST_LT.test(word) && !/tumete$/.test(word);
}

/** The condition word before token `k` in its clause ("jeśli zapomniałeś PIN-u", "if you forgot your PIN"), or -1. */
function conditional(ctx: Context, clause: Scope, k: number): number {
  for (let j = clause.from; j < k; j++)
    if (has(ctx.doc.tokens[j] as Token, 'condition') && !has(ctx.doc.tokens[j] as Token, 'request'))
      return j;
  return -1;
}

// Words after a secret's name that define it: "CVV to 3 cyfry", "the PIN is yours", "PIN – tik jūsų".
const COPULA = new Set([
  'to',
  'jest',
  'sa',
  'is',
  'are',
  'yra',
  'tai',
  'means',
  'oznacza',
  'reiskia',
  'consists',
  'sklada',
]);

const OPENER_FIRST = new Set(['tai', 'to', 'it', 'its', 'this', 'that', 'these', 'they']);

/** The folded words of `n` tokens from `from`, joined by spaces. */
function wordsFrom(ctx: Context, from: number, n: number): string {
  let out = '';
  for (let j = from; j < from + n && j < ctx.doc.tokens.length; j++)
    out += (j > from ? ' ' : '') + (ctx.doc.tokens[j] as Token).text;
  return out;
}

// Words that open a sentence continuing a definition: "Tai trys skaitmenys …", "It's the code we text you".
const DEFINING_OPENERS =
  /^(?:tai|to jest|to sa|it s|it is|this is|that s|that is|its|these are|they are)\b/;

/** Whether the sentence of token `k` defines a secret: its first secret's name, then a copula or a dash ("CVV kodas – trys skaitmenys …"), or an opener after a question that asked what it is. */
function definition(ctx: Context, k: number): boolean {
  const { seg } = ctx;
  const from = seg.sentenceStart[k] as number;
  for (let j = from; j <= (seg.sentenceEnd[k] as number); j++)
    if (secretKind(ctx.doc.tokens[j] as Token)) {
      if (defines(ctx, j)) return true;
      break;
    }
  if (
    from > 0 &&
    OPENER_FIRST.has((ctx.doc.tokens[from] as Token).text) &&
    DEFINING_OPENERS.test(wordsFrom(ctx, from, 3))
  ) {
    const previous = seg.sentenceStart[from - 1] as number;
    for (let j = previous; j < from; j++)
      if (secretKind(ctx.doc.tokens[j] as Token))
        return definitionQuestion(ctx, j) || defines(ctx, j);
  }
  return false;
}

/** Whether the secret at `k` opens a definition of it: its name, then a copula or a dash. */
const DEFINED_DETERMINERS = new Set([
  'hi',
  'hello',
  'hey',
  'hej',
  'czesc',
  'witam',
  'sveiki',
  'labas',
  'dzien',
  'dobry',
  'laba',
  'diena',
  'the',
  'a',
  'an',
  'your',
  'our',
  'twoj',
  'twój',
  'pana',
  'pani',
  'jusu',
  'jūsų',
  'savo',
  'kod',
  'kodas',
  'code',
  'this',
  'ten',
  'tas',
  'sis',
]);

function defines(ctx: Context, k: number): boolean {
  const tokens = ctx.doc.tokens;
  const text = ctx.doc.text;
  // the secret opens its sentence (a determiner or two may stand before it): "CVV to …", "Your PIN is …"
  const from = ctx.seg.clauseStart[k] as number;
  for (let m = from; m < k; m++)
    if (!DEFINED_DETERMINERS.has((tokens[m] as Token).text) && !secretKind(tokens[m] as Token))
      return false;
  if (k - from > 4) return false;
  const gapBefore = (m: number) =>
    text.slice((tokens[m - 1] as Token).end, (tokens[m] as Token).start);
  let j = k + 1;
  // the rest of its name, and an abbreviation in brackets: "a one-time passcode (OTP) is …"
  while (j < tokens.length && !(tokens[j] as Token).breakBefore) {
    const tok = tokens[j] as Token;
    if (secretKind(tok) && !/[()]/.test(gapBefore(j))) j++;
    else if (gapBefore(j).includes('(')) {
      while (
        j < tokens.length &&
        !gapBefore(j + 1 < tokens.length ? j + 1 : j).includes(')') &&
        j - k < 8
      )
        j++;
      j++;
    } else break;
  }
  const after = tokens[j];
  if (!after || after.breakBefore) return false;
  const between = gapBefore(j).replace(/[()]/g, ' ');
  return /\s[\u2013\u2014-]\s/.test(between) || (/^\s+$/.test(between) && COPULA.has(after.text));
}

function span(ctx: Context, a: number, b: number): { start: number; end: number } {
  const tokens = ctx.doc.tokens;
  return {
    start: (tokens[Math.min(a, b)] as Token).start,
    end: (tokens[Math.max(a, b)] as Token).end,
  };
}

function block(ctx: Context, kind: Kind, basis: RequestBasis, a: number, b: number): SecretRequest {
  return { kind, basis, ...span(ctx, a, b) };
}

/**
 * Judges one mention of a secret at token `k` (or a pronoun standing for one): null when a
 * rule recognises it as safe, else the request it is taken for. Its own clause is read first:
 * a negation of the asking word, a warning about someone else, a condition, the bank's own
 * app or ATM, "keep it to yourself", or a definition make it safe, unless the same clause
 * asks for it to be sent here; an asking word there blocks; information that asks nothing
 * ("przyjdzie pocztą", "has been changed") is safe. Then its sentence: an asking word there
 * or a question blocks, and so does what nothing recognises as safe (fail closed).
 */
function judge(ctx: Context, k: number, kind: Kind, weak: boolean): SecretRequest | null {
  const { seg } = ctx;
  // a screen of the app, or "Co to jest CVV?" that introduces its definition
  if (seg.ui[k] === 1 || (seg.question[k] === 1 && definitionQuestion(ctx, k))) return null;
  const clause = clauseOf(seg, k);
  const scope = { from: seg.scopeStart[k] as number, to: seg.scopeEnd[k] as number };
  const sentence = { from: seg.sentenceStart[k] as number, to: seg.sentenceEnd[k] as number };
  // "Co to jest CVV?" introduces a definition; it asks nothing of the customer
  const question = seg.question[k] === 1 && !definitionQuestion(ctx, k);
  const wh = question && (any(ctx, clause, 'wh') || any(ctx, sentence, 'wh'));
  const cue = askingCue(ctx, clause, k, question);
  const cueTok = cue >= 0 ? (ctx.doc.tokens[cue] as Token) : null;
  const verb = cueTok !== null && isVerbCue(cueTok);
  const neg = negations(ctx, clause, question);
  const dest = destination(ctx, clause);

  // a negation of the asking verb ("nie podawaj", "never share"), of a need or a recipient
  // ("nie trzeba", "nikomu"), or of the secret itself ("no PIN")
  if ((verb && neg.tokens.has(cue)) || neg.all || neg.tokens.has(k)) return null;
  if (any(ctx, clause, 'without')) {
    // "bez kodów i haseł" forbids; "bez tego kodu nie ruszymy dalej" presses for it
    if (!anyNegation(ctx, clause)) return null;
    return block(ctx, kind, 'need', clause.from, clause.to);
  }
  // where only a place or a need asks, any negation of the clause ("PIN čia niekuo dėtas")
  if (!verb && anyNegation(ctx, clause)) return null;
  if (any(ctx, clause, 'third_party') && !dest) return null;
  const condition = conditional(ctx, clause, k);
  if (condition >= 0) {
    // only the conditional clause itself: "send us a message if you forgot your PIN" asks for a message
    const sub = { from: condition, to: clause.to };
    const inner = askingCue(ctx, sub, k, question);
    const tok = inner >= 0 ? (ctx.doc.tokens[inner] as Token) : null;
    // "jeśli poda nam Pan PIN", "jei pateiktumėte kodą": a request put as a condition
    const asks =
      tok !== null &&
      isVerbCue(tok) &&
      (destination(ctx, sub) || !pastTense(ctx.doc.tokens, inner));
    if (!asks || safePlace(ctx, sub)) return null;
    return block(ctx, kind, 'request', inner, k);
  }
  // typing or confirming it in the app, at the ATM: "wpisz PIN w bankomacie"; showing or sending it is still asking
  if (safePlace(ctx, clause) && !dest && !wh) return null;
  if (any(ctx, clause, 'secrecy') || any(ctx, sentence, 'secrecy')) return null;
  // a definition says what the secret is: "CVV to 3 cyfry z tyłu karty", "an OTP is a code we text
  // you to confirm a payment"; "your card number is what we'll need" asks for it
  if (!dest && !wh && !any(ctx, clause, 'need') && definition(ctx, k)) return null;
  // "prosimy je jak najszybciej zmienić", "please change it": a please for an act of the customer's own
  if (verb && politeOnly(cueTok) && any(ctx, clause, 'info') && !dest) return null;
  if (verb) return block(ctx, kind, basisOf(cueTok, question), cue, k);
  if (wh) return block(ctx, kind, 'question', clause.from, clause.to);
  // a giving verb in the passive or the past with a place in the conversation still asks:
  // "PIN kodas turi būti nurodytas šiame pokalbyje", "should be entered in this chat"
  if (dest) {
    const handed = givingWord(ctx, clause);
    if (handed >= 0) return block(ctx, kind, 'request', handed, k);
  }
  // what asks nothing: "W wiadomości SMS otrzymasz kod", "your password must have 12 characters",
  // a requirement said to no one in particular ("Atsiimant kortelę reikalingas PIN kodas") — unless
  // the next sentence hands it over ("… reikalinga kortelės nuotrauka. Siųskite privačia žinute.")
  if (any(ctx, clause, 'info')) return null;
  if (any(ctx, clause, 'need') && !ctx.addressed(k) && !cueTok) {
    const handover = ellipticHandover(ctx, k);
    return handover >= 0 ? block(ctx, kind, 'need', k, handover) : null;
  }
  if (cueTok) return block(ctx, kind, basisOf(cueTok, question), cue, k);

  // the rest of its sentence: an asking word not made safe in its own clause
  const sentenceCue = askingCue(ctx, scope, k, question, neutralCues(ctx, scope, question));
  if (any(ctx, scope, 'third_party') && sentenceCue < 0) return null;
  if (sentenceCue >= 0)
    return block(
      ctx,
      kind,
      basisOf(ctx.doc.tokens[sentenceCue] as Token, question),
      sentenceCue,
      k,
    );
  if (question)
    return any(ctx, scope, 'info') || definitionQuestion(ctx, k)
      ? null
      : block(ctx, kind, 'question', clause.from, clause.to);
  if (weak || any(ctx, scope, 'info')) return null;
  return block(ctx, kind, 'unclear', clause.from, clause.to);
}

/**
 * Whether a clause names a safe place (the app, online banking, the ATM, the terminal) for an
 * act of typing or confirming — or for no act at all. A participle clause ("…, wpisując kod
 * SMS") takes the place of the clause before it.
 */
function safePlace(ctx: Context, clause: Scope): boolean {
  let where = clause;
  const first = ctx.doc.tokens[clause.from] as Token;
  // "… w aplikacji, wpisując kod", "… programėlėje – ten ir įvesite kodą": the clause before names the place
  if (
    (PARTICIPLE.test(first.text) || THERE.has(first.text)) &&
    clause.from > 0 &&
    !first.breakBefore
  )
    where = { from: ctx.seg.clauseStart[clause.from - 1] as number, to: clause.to };
  else if (THERE_ANYWHERE.test(clauseText(ctx, clause)) && clause.from > 0)
    where = { from: ctx.seg.clauseStart[clause.from - 1] as number, to: clause.to };
  // "PIN kodą galite pasikeisti patys: programėlėje pasirinkite …": after a colon, the clause
  // that says how (and where) belongs to the one it explains
  const after = where.to + 1;
  if (
    after < ctx.doc.tokens.length &&
    !(ctx.doc.tokens[after] as Token).breakBefore &&
    ctx.doc.folded
      .slice((ctx.doc.tokens[where.to] as Token).end, (ctx.doc.tokens[after] as Token).start)
      .includes(':')
  )
    where = { from: where.from, to: ctx.seg.clauseEnd[after] as number };
  if (!any(ctx, where, 'in_app') && !any(ctx, where, 'atm')) return false;
  // the verbs there must be ones of typing or confirming: "poprosimy o pokazanie karty … w aplikacji" still asks
  for (let j = where.from; j <= where.to; j++) {
    const tok = ctx.doc.tokens[j] as Token;
    if (ctx.seg.ui[j] !== 1 && isVerbCue(tok) && !has(tok, 'paste') && has(tok, 'give'))
      return false;
  }
  return true;
}

/** Whether the clause's only asking word is a please for an act of the customer's own ("prosimy zmienić hasło"). */
function politeAct(ctx: Context, clause: Scope): boolean {
  if (!any(ctx, clause, 'info') || destination(ctx, clause)) return false;
  for (let j = clause.from; j <= clause.to; j++) {
    const tok = ctx.doc.tokens[j] as Token;
    if (isVerbCue(tok) && !politeOnly(tok)) return false;
  }
  return true;
}

/** A word of giving in any form (a passive "nurodytas", a past "entered") in the clause, or -1. */
function givingWord(ctx: Context, clause: Scope): number {
  for (let j = clause.from; j <= clause.to; j++) {
    const tok = ctx.doc.tokens[j] as Token;
    if (
      ctx.seg.ui[j] !== 1 &&
      !secretKind(tok) &&
      (has(tok, 'give') || has(tok, 'paste')) &&
      !weSend(tok)
    )
      return j;
  }
  return -1;
}

/** A giving verb with a place in the conversation, in the sentence after token `k`'s and without an object of its own ("Siųskite privačia žinute."), or -1. */
function ellipticHandover(ctx: Context, k: number): number {
  const { seg } = ctx;
  const next = (seg.sentenceEnd[k] as number) + 1;
  if (next >= ctx.doc.tokens.length) return -1;
  const sentence = { from: next, to: seg.sentenceEnd[next] as number };
  if (!destination(ctx, sentence) || anyNegation(ctx, sentence)) return -1;
  for (let j = sentence.from; j <= sentence.to; j++)
    if (isVerbCue(ctx.doc.tokens[j] as Token)) return j;
  return -1;
}

/** "Co to jest CVV?", "Kas yra CVV?", "What is a one-time passcode?": a question that introduces a definition. */
const QUESTION_FIRST = new Set(['co', 'czym', 'kas', 'what', 'whats']);

function definitionQuestion(ctx: Context, k: number): boolean {
  const from = ctx.seg.sentenceStart[k] as number;
  if (k - from > 4 || !QUESTION_FIRST.has((ctx.doc.tokens[from] as Token).text)) return false;
  const head = wordsFrom(ctx, from, k - from);
  if (
    !/^(?:co to jest|czym jest|co to|kas yra|kas tai|what is|what s|whats|what are)(?: an?| the| ten| ta)?$/.test(
      head,
    )
  )
    return false;
  // "What are the digits on your card?" asks for the customer's own
  return !any(ctx, { from, to: ctx.seg.sentenceEnd[k] as number }, 'addressee');
}

/**
 * The asking words of a scope that their own clauses make safe: negated ("nie podawaj"), or
 * in a clause that names the app or the ATM and no place in the conversation ("Prosimy
 * potwierdzić płatność w aplikacji, wpisując kod SMS"), or in a condition.
 */
function neutralCues(ctx: Context, scope: Scope, question: boolean): Set<number> {
  return memo(ctx, key(5, scope, question), computeNeutralCues, scope, question);
}

function computeNeutralCues(ctx: Context, scope: Scope, question: boolean): Set<number> {
  const out = new Set<number>();
  for (let c = scope.from; c <= scope.to; c = (ctx.seg.clauseEnd[c] as number) + 1) {
    const clause = clauseOf(ctx.seg, c);
    const neg = negations(ctx, clause, question);
    // and a clause about what someone else did or asks ("…, który kazał pokazać kartę, …")
    const safe =
      (safePlace(ctx, clause) && !destination(ctx, clause)) ||
      conditional(ctx, clause, clause.to + 1) >= 0 ||
      any(ctx, clause, 'third_party') ||
      politeAct(ctx, clause);
    for (let j = clause.from; j <= clause.to; j++)
      if (safe || neg.all || neg.tokens.has(j)) out.add(j);
  }
  return out;
}

/**
 * A pronoun or "te cyfry" that stands for a secret named before, where its clause asks for
 * it: a giving word within three words ("podać go", "sharing it", "jį perrašyti"), or a
 * question word ("Jakie to cyfry?", "Kokie tie skaičiai?"). Returns the secret's kind.
 */
function reference(ctx: Context, k: number): Kind | null {
  // a photo stands for a secret named before it, not for a bare "code" ("zdjęcie licznika i kod płatnika")
  if (has(ctx.doc.tokens[k] as Token, 'photo') && !has(ctx.doc.tokens[k] as Token, 'pronoun')) {
    const kind = antecedent(ctx, k);
    return kind && namedBefore(ctx, k) ? kind : null;
  }
  const { seg } = ctx;
  const tokens = ctx.doc.tokens;
  const clause = clauseOf(seg, k);
  const question = seg.question[k] === 1;
  let asks = question && any(ctx, clause, 'wh');
  if (has(tokens[k] as Token, 'digits') && !asks) return null;
  // a verb within three words, or six where the clause names a place in the conversation ("Reply to this DM with it")
  const reach = destination(ctx, clause) ? 6 : 3;
  for (let j = Math.max(clause.from, k - reach); j <= Math.min(clause.to, k + reach) && !asks; j++)
    if (j !== k && isVerbCue(tokens[j] as Token) && seg.ui[j] !== 1) asks = true;
  return asks ? antecedent(ctx, k) : null;
}

/** Whether a neutral word (an order, a parcel, a customer number) qualifies the code at `k`: it, or one of the three words before it in its clause. */
function qualifiedAsOther(ctx: Context, k: number): boolean {
  const from = Math.max(ctx.seg.clauseStart[k] as number, k - 3);
  for (let j = from; j <= k; j++) if (has(ctx.doc.tokens[j] as Token, 'neutral')) return true;
  return false;
}

/** Whether a secret is named (not a bare "code") before token `k` within two sentences. */
function namedBefore(ctx: Context, k: number): boolean {
  const tokens = ctx.doc.tokens;
  let sentences = 0;
  for (let j = k - 1; j >= 0; j--) {
    if ((tokens[j + 1] as Token).breakBefore && ++sentences > 2) return false;
    if (secretKind(tokens[j] as Token)) return true;
  }
  return false;
}

/** The secret a pronoun stands for: the nearest one named in its sentence or the two before. */
function antecedent(ctx: Context, k: number): Kind | null {
  const tokens = ctx.doc.tokens;
  let sentences = 0;
  for (let j = k - 1; j >= 0; j--) {
    if ((tokens[j + 1] as Token).breakBefore && ++sentences > 2) return null;
    const kind = secretKind(tokens[j] as Token) ?? (weakCode(tokens, j) ? 'one_time_code' : null);
    if (kind) return kind;
  }
  return null;
}

/**
 * Finds the mentions of customers' secrets in a reply that no rule recognises as safe: the
 * secret named ("PIN", "hasło", "kod z SMS"), described ("te 3 cyferki z tyłu", the photo of
 * the card: describe.ts) or referred to by a pronoun in a later clause that asks for it
 * ("… numer karty. Czy może Pan go podać?"). Recognising safety, not requests, is the job:
 * whatever is neither asked for nor recognisably safe blocks. docs/detection.md has the rules.
 */
export function findSecretRequests(doc: ScanDocument): SecretRequest[] {
  const out: SecretRequest[] = [];
  const tokens = doc.tokens;
  const present = doc.labels;
  // without a secret named, only a bare "code" that something asks for can block
  const named = SECRET_MENTIONS.some(([l]) => present.has(l));
  if (
    !named &&
    !(
      present.has('code') &&
      (present.has('request') || present.has('give') || present.has('paste') || present.has('dest'))
    )
  )
    return out;
  const seg = segment(doc);
  markWords(tokens);
  const addressedScopes = new Map<number, boolean>();
  const ctx: Context = {
    doc,
    seg,
    addressed(k) {
      const from = seg.scopeStart[k] as number;
      let v = addressedScopes.get(from);
      if (v === undefined) {
        v = any(ctx, { from, to: seg.scopeEnd[k] as number }, 'addressee');
        addressedScopes.set(from, v);
      }
      return v;
    },
    memo: new Map(),
    masks: contextMasks(tokens),
  };
  for (let k = 0; k < tokens.length && out.length < MAX_REPORTED; k++) {
    const tok = tokens[k] as Token;
    let kind = secretKind(tok);
    let weak = false;
    if (!kind && weakCode(tokens, k)) {
      kind = 'one_time_code';
      weak = true;
    }
    if (
      !kind &&
      (named || present.has('code')) &&
      (has(tok, 'pronoun') || has(tok, 'photo') || (has(tok, 'digits') && seg.question[k] === 1))
    )
      kind = reference(ctx, k);
    if (!kind) continue;
    // "kod odbioru z SMS-a", "the collection code from your text": a code that opens a parcel locker is no secret
    if (kind === 'one_time_code' && qualifiedAsOther(ctx, k)) continue;
    // the words of one phrase ("kod BLIK", "numer karty") are one mention, judged at its first word
    const prev = tokens[k - 1];
    if (prev && !weak && secretKind(prev) === kind && seg.clauseStart[k - 1] === seg.clauseStart[k])
      continue;
    const found = judge(ctx, k, kind, weak);
    if (
      found &&
      !out.some((r) => r.kind === found.kind && r.start === found.start && r.end === found.end)
    )
      out.push(found);
  }
  return out;
}
