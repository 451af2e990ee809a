import type { ScanDocument, Token } from './document.ts';
import type { Label } from './lexicon/index.ts';
import type { Kind } from './types.ts';

/** An outbound text asking the customer for a secret: a phishing pattern, blocked everywhere. */
export interface SecretRequest {
  kind: Kind;
  /** Offsets of the secret's name ("PIN", "numer karty") in the normalised text. */
  start: number;
  end: number;
}

const SECRET_NOUNS: ReadonlyArray<[Label, Kind]> = [
  ['pin', 'pin'],
  ['password', 'password'],
  ['cvv', 'card_security_code'],
  ['otp', 'one_time_code'],
  ['card_number', 'payment_card'],
  ['credentials', 'password'],
];
const WINDOW = 12;

// "the 16 digits on your card", "16 cyfr z karty": a card number named by its length
const DIGIT_WORDS = new Set(['digits', 'numbers', 'cyfr', 'cyfry', 'skaitmenu', 'skaitmenis', 'skaitmenys']);
const CARD_DIGITS: [Label, Kind] = ['card_number', 'payment_card'];
function isCardLength(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k] as Token;
  const next = tokens[k + 1];
  if (tok.type !== 'number' || !next || next.breakBefore || !DIGIT_WORDS.has(next.text)) return false;
  const n = Number(tok.text);
  return n >= 12 && n <= 19;
}

/** Whether the sentence of token `k` names the customer or the conversation ("your", "tutaj", "jūsų"). */
function addressed(tokens: readonly Token[], k: number): boolean {
  let from = k;
  while (from > 0 && !(tokens[from] as Token).breakBefore) from--;
  for (let j = from; j < tokens.length && (j === from || !(tokens[j] as Token).breakBefore); j++) if ((tokens[j] as Token).labels.includes('addressee')) return true;
  return false;
}

const CLAUSE = /[,;\u2013\u2014]|\s-\s/;
// "Podaj, proszę, kod z SMS-a": commas around a please do not end the request's clause
const POLITE = new Set(['prosze', 'please', 'pls', 'prasau', 'prasom', 'kindly']);

/** Whether a comma, semicolon or dash stands between token `j` and the next one (not around a please). */
function clauseBetween(doc: ScanDocument, j: number): boolean {
  const here = doc.tokens[j] as Token;
  const next = doc.tokens[j + 1];
  if (next === undefined || POLITE.has(here.text) || POLITE.has(next.text)) return false;
  return CLAUSE.test(doc.text.slice(here.end, next.start));
}

/** Whether the bank's app is named after token `k`, in the same sentence. */
function inAppAfter(tokens: readonly Token[], k: number): boolean {
  for (let j = k + 1; j < tokens.length && j - k <= WINDOW; j++) {
    const tok = tokens[j] as Token;
    if (tok.breakBefore) return false;
    if (tok.labels.includes('in_app')) return true;
  }
  return false;
}

/**
 * Finds requests for secrets: a request word ("prosimy o podanie", "atsiųskite", "please
 * send") before a secret's name in the same clause, with no negation before it ("nigdy nie
 * podawaj PIN-u" is advice) and the bank's own app not named between them. Destination verbs
 * (paste, type, wpisz) and need words (niezbędny, require) ask only under the conditions
 * below; docs/detection.md has the whole account and its known misses.
 */
export function findSecretRequests(doc: ScanDocument): SecretRequest[] {
  const out: SecretRequest[] = [];
  const tokens = doc.tokens;
  for (let k = 0; k < tokens.length; k++) {
    const noun = tokens[k] as Token;
    const entry = SECRET_NOUNS.find(([label]) => noun.labels.includes(label)) ?? (isCardLength(tokens, k) ? CARD_DIGITS : undefined);
    if (!entry) continue;
    let requested = false;
    let pasted = false;
    let needed = false;
    let negated = false;
    let inApp = false;
    let toUs = false;
    let colon = false;
    // the secret in a conditional clause asks for nothing ("message us if you forgot your PIN")
    // unless the clause asks for it to be sent to us ("jeśli poda nam Pan PIN"); a politeness
    // formula ("if you could") is a request word, not a condition; a colon ends the condition
    let conditional = false;
    let conditionSeen = false;
    for (let j = k - 1; j >= 0 && k - j <= WINDOW; j--) {
      // a request names its object in its own clause: "prosimy o cierpliwość, nowa karta z PIN-em…"
      if ((tokens[j + 1] as Token).breakBefore || clauseBetween(doc, j)) break;
      colon ||= doc.text.slice((tokens[j] as Token).end, (tokens[j + 1] as Token).start).includes(':');
      const labels = (tokens[j] as Token).labels;
      if (labels.includes('negation')) negated = true;
      if (labels.includes('in_app') && !requested && !pasted) inApp = true;
      if (labels.includes('request')) requested = true;
      if (labels.includes('paste')) pasted = true;
      if (labels.includes('need')) needed = true;
      if (labels.includes('us')) toUs = true;
      if (!conditionSeen && !colon && labels.includes('condition') && !labels.includes('request')) {
        conditionSeen = true;
        conditional = !((requested || pasted) && toUs);
      }
    }
    // "niezbędny jest PIN … prosimy o wiadomość" asks; "powyżej 100 zł potrzebny będzie PIN"
    // and "you'll need your PIN at the ATM" inform
    if (needed && !requested && addressed(tokens, k) && !inAppAfter(tokens, k)) requested = true;
    // "paste the code here" asks for it; "paste the code into the app" does not
    if (pasted && !requested && !inAppAfter(tokens, k)) requested = true;
    if (requested && !negated && !inApp && !conditional && !out.some((r) => r.kind === entry[1])) out.push({ kind: entry[1], start: noun.start, end: noun.end });
  }
  return out;
}
