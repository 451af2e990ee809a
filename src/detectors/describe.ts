import type { Token } from './token.ts';

/** The normalised text and its tokens, before the document around them is complete. */
interface Words {
  text: string;
  tokens: Token[];
}
import type { Label } from './lexicon/index.ts';

// Counts written as words, folded: "trzy cyfry", "tris skaitmenis", "the three digits".
const COUNT_WORDS: Readonly<Record<string, number>> = {
  trzy: 3,
  trzech: 3,
  three: 3,
  tris: 3,
  trys: 3,
  triju: 3,
  cztery: 4,
  czterech: 4,
  four: 4,
  keturi: 4,
  keturis: 4,
  keturiu: 4,
  szesc: 6,
  six: 6,
  sesi: 6,
  sesis: 6,
  sesiu: 6,
  szesnascie: 16,
  sixteen: 16,
  sesiolika: 16,
};
const WINDOW_BEFORE = 3;
const RELATIVE = new Set([
  'kurie',
  'kuris',
  'kuri',
  'kurios',
  'kuriuos',
  'ktory',
  'ktora',
  'ktore',
  'ktorych',
  'which',
  'that',
  'where',
  'kur',
  'gdzie',
]);
const SINGULAR = new Set(['numer', 'number', 'numeris', 'numeri', 'numerem', 'numeru', 'numerio']);
const CLAUSE_END = /[,;:()\u2013\u2014]|\s-\s/;
const WINDOW_AFTER = 5;

function has(tok: Token | undefined, label: Label): boolean {
  return tok?.labels.includes(label) === true;
}

/** The count written right before a digits word, nothing but spaces between: "3 cyferki", "16 digits", "trzy cyfry". */
function countBefore(doc: Words, k: number): number | null {
  const tokens = doc.tokens;
  let j = k - 1;
  // "the three digits", "te 3 cyferki": a count, then perhaps one word, then the digits
  for (let step = 0; step < 2 && j >= 0; step++, j--) {
    const tok = tokens[j] as Token;
    if (
      (tokens[j + 1] as Token).breakBefore ||
      !/^ +$/.test(doc.text.slice(tok.end, (tokens[j + 1] as Token).start))
    )
      return null;
    if (tok.type === 'number' && tok.groups.length === 1) return Number(tok.text);
    const word = COUNT_WORDS[tok.text];
    if (word !== undefined) return word;
  }
  return null;
}

function addLabel(tok: Token, label: Label, present: Set<Label>): void {
  if (!tok.labels.includes(label)) tok.labels = [...tok.labels, label];
  present.add(label);
}

/** Which secret a digits word describes from the words around it, or null. */
function describedKind(doc: Words, k: number): Label | null {
  const tokens = doc.tokens;
  let back = false;
  let front = false;
  let card = false;
  let atm = false;
  let scratch = false;
  let last = false;
  let phone = false;
  let sms = false;
  // the words around it in the same sentence
  // the words around it in the same clause
  // a relative clause goes on describing: "skaičius, kurie yra kortelės priekyje"
  const apart = (a: number) =>
    (tokens[a] as Token).breakBefore ||
    (CLAUSE_END.test(doc.text.slice((tokens[a - 1] as Token).end, (tokens[a] as Token).start)) &&
      !RELATIVE.has((tokens[a] as Token).text));
  let from = k;
  while (from > 0 && k - from < WINDOW_BEFORE && !apart(from)) from--;
  let to = k;
  while (to + 1 < tokens.length && to - k < WINDOW_AFTER && !apart(to + 1)) to++;
  for (let j = from; j <= to; j++) {
    const tok = tokens[j] as Token;
    back ||= has(tok, 'card_back');
    front ||= has(tok, 'card_front');
    card ||= has(tok, 'card');
    atm ||= has(tok, 'atm');
    scratch ||= has(tok, 'scratch');
    phone ||= has(tok, 'phone') || has(tok, 'neutral') || has(tok, 'account') || has(tok, 'nid');
    last ||= has(tok, 'last');
    sms ||= has(tok, 'sms');
  }
  // "the digits from that message", "cyfry z SMS-a", "skaičius iš žinutės": a one-time code
  // (checked before another number's words: the text went "to your phone")
  if (sms && !last) return 'otp';
  // "zadzwoń na infolinię – numer jest na odwrocie karty", "order number": another number
  if (phone) return null;
  const count = countBefore(doc, k);
  // the last four digits identify a card without giving it away
  if (last) return null;
  if (scratch) return 'otp';
  // "the number on the back of your card" is the bank's hotline; the digits there are its CVV
  if (back) return SINGULAR.has((tokens[k] as Token).text) && count === null ? null : 'cvv';
  if (count !== null && count >= 12 && count <= 19) return 'card_number';
  if (card && (count === 3 || count === 4) && !front) return 'cvv';
  if (front || card) return 'card_number';
  if (atm && (count === 4 || count === null)) return 'pin';
  return null;
}

const PHOTO_OBJECTS: ReadonlyArray<[Label, Label]> = [
  ['card', 'card_number'],
  ['card_number', 'card_number'],
  ['cvv', 'cvv'],
  ['otp', 'otp'],
  ['code', 'otp'],
  ['pin', 'pin'],
  ['password', 'password'],
  ['credentials', 'password'],
];

/** What a photo or screenshot shows, named in the few words after it ("zdjęcie karty", "a screenshot of the text with the code"). */
/** Whether a code is another kind of code: "mokėtojo kodą", "kod klienta". */
function otherCode(tokens: readonly Token[], j: number): boolean {
  const tok = tokens[j] as Token;
  return (
    tok.labels.includes('neutral') ||
    (tokens[j - 1]?.labels.includes('neutral') ?? false) ||
    (tokens[j + 1]?.labels.includes('neutral') ?? false)
  );
}

function photographed(tokens: readonly Token[], k: number): Label | null {
  for (let j = k + 1; j < tokens.length && j - k <= WINDOW_AFTER; j++) {
    const tok = tokens[j] as Token;
    if (tok.breakBefore) break;
    if (tok.labels.includes('code') && otherCode(tokens, j)) continue;
    for (const [object, kind] of PHOTO_OBJECTS) if (tok.labels.includes(object)) return kind;
  }
  // "kortelės nuotrauka", "hold your card up to the camera": the object before it
  for (let j = k - 1; j >= 0 && k - j <= WINDOW_AFTER; j--) {
    if ((tokens[j + 1] as Token).breakBefore) break;
    const tok = tokens[j] as Token;
    for (const [object, kind] of PHOTO_OBJECTS) if (tok.labels.includes(object)) return kind;
  }
  return null;
}

/**
 * Labels secrets described instead of named, so that every detector and the secret-mention
 * rules see them as named: the digits in a text message a one-time code; the digits on the back of the card or on its signature strip are
 * its CVV ("te 3 cyferki z tyłu", "skaičiai kitoje kortelės pusėje"), the digits on its front,
 * embossed or long, or 12 to 19 of them, its number; four digits typed at the ATM a PIN; the
 * digits under a scratch panel a top-up code; a photo or screenshot of the card, the SMS or the
 * login screen is that secret. The last four digits describe nothing secret.
 */
export function labelDescribed(doc: Words, present: Set<Label>): void {
  const tokens = doc.tokens;
  if (present.has('digits')) {
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k] as Token;
      if (!tok.labels.includes('digits')) continue;
      const kind = describedKind(doc, k);
      if (kind) addLabel(tok, kind, present);
    }
  }
  if (present.has('photo')) {
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k] as Token;
      if (!tok.labels.includes('photo')) continue;
      const kind = photographed(tokens, k);
      if (kind) addLabel(tok, kind, present);
    }
  }
}
