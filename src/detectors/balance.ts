import type { ScanDocument, Token } from './token.ts';
import type { Label } from './lexicon/index.ts';
import type { Candidate, Detector } from './types.ts';

// A money amount: its minus sign, a currency sign or ISO code before it, the number, a scale
// ("2,5 tys.", "€1.2k", "1,4 mln", "3 tūkst.") and a currency word after it in the three
// languages. Bounded, unambiguous alternatives: linear time.
const SCALE = String.raw`k|tys\.?|tysi[eę]cy|tysi[aą]ce|tysi[aą]c|tysiak[a-z]*|mln\.?|mld\.?|t[uū]kst\.?|t[uū]kstan[cč]i[ųu]|t[uū]kstan[cč]iai|t[uū]kstantis|thousand|grand|million|mil|m`;
const CURRENCY_AFTER = String.raw`zł|zl|złotych|zlotych|złote|zlote|złoty|zloty|zeta|gr|groszy|grosze|pln|eur|eurų|euru|eurai|eurus|euro|€|ct|centų|centu|centai|cents?|usd|gbp|chf|\$|£|dolarów|dolarow|dolary|dollars?|bucks|quid|pounds?|pence|eth|btc|usdt|usdc|Ξ|₿`;
const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?:[-\u2212](?=[$£€\d]))?(?:(?<pre>[$£€Ξ₿]|(?:usd|eur|gbp|pln|chf)(?![\p{L}]))\s?)?(?<num>\d{1,3}(?:[ .,\u00a0]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:\s?(?<scale>${SCALE})(?![\p{L}\d]))?(?:\s?(?<post>${CURRENCY_AFTER})(?![\p{L}]))?`,
  'giu',
);
// Units after a number that make it a quantity, not money: "2 GB", "1 250 pkt", "30 min".
const UNITS = new Set([
  'gb',
  'mb',
  'kb',
  'tb',
  'min',
  'minut',
  'minutes',
  'sms',
  'pkt',
  'pts',
  'points',
  'punktow',
  'punkty',
  'tasku',
  'taskai',
  'dni',
  'days',
  'dienu',
  'h',
  'godz',
  'val',
  'proc',
  'percent',
  'km',
  'kg',
  'szt',
  'vnt',
  'lat',
  'metu',
  'years',
  'months',
  'miesiecy',
  'men',
]);
// Words before a balance word that make it a limit: "przyznany debet 1000 zł", "arranged overdraft".
const LIMIT = /^(?:przyznan|granted|arranged|approved|limit|dopuszczaln|leidzia)/;

// A currency sign, code or word, or a scale, somewhere in the folded text: cheap to test, and
// most messages with "mam", "have" or "was" have none.
const MONEY_HINT =
  /[$£€Ξ₿]|eth|btc|usdt|\d\s?k(?![a-z])|(?:zl|pln|eur|usd|gbp|chf|gr|ct|euro|eurai|euru|zlotych|zlote|zloty|zeta|groszy|grosze|centu|centai|cents?|dolar|dollars?|bucks|quid|pounds?|pence|tys|tysi|tukst|mln|thousand|grand|million)(?![a-z])/;

/** Labels that claim a number for something other than money held. */
const CLAIMS: readonly Label[] = [
  'price',
  'neutral',
  'dob',
  'pin',
  'otp',
  'cvv',
  'code',
  'phone',
  'nid',
];
const BEFORE = 8;
const DETERMINER = new Set(['my', 'the', 'your', 'our', 'his', 'her', 'their']);
const AFTER = 5;

interface Amount {
  start: number;
  end: number;
  /** First and last token of the amount. */
  first: number;
  last: number;
  money: boolean;
  value: string;
  /** A change word right before it ("było", "teraz", "was", "now", "dabar"). */
  change: boolean;
  /** Written with a scale ("12k", "2 tys."). */
  scaled: boolean;
}

function has(tok: Token, label: Label): boolean {
  return tok.labels.includes(label);
}

function claims(tok: Token): boolean {
  return CLAIMS.some((l) => tok.labels.includes(l));
}

/** What the words before an amount say about it, nearest first, in its sentence (or the one before, for a balance word). */
interface Before {
  /** A balance word ("saldo", "likutis", "balance") and how far back. */
  balance: number;
  crossedBreak: boolean;
  /** Money held without a balance word ("mam", "turiu", "got", "zostało", "credit left"). */
  holding: boolean;
  /** A price, fee, transfer or other claim nearer than any balance word. */
  claimed: boolean;
  change: boolean;
}

/** Whether one of the two tokens before token `k` says "after" ("po zaksięgowaniu zwrotu", "after the refund"). */
function governedByAfter(doc: ScanDocument, k: number): boolean {
  return [k - 1, k - 2].some(
    (j) =>
      j >= 0 && !(doc.tokens[j + 1] as Token).breakBefore && has(doc.tokens[j] as Token, 'after'),
  );
}

// a full stop ends a clause even before a lower-case word ("sąskaitoj dar 610 €. mokestis 2 %")
const CLAUSE = /[,;\u2013\u2014]|\s-\s|\.\s/;
// Words that may stand before "was"/"było" without being the thing that was: "and it was", "a teraz".
const FUNCTION_WORDS = new Set([
  'and',
  'but',
  'it',
  'its',
  'there',
  'then',
  'now',
  'which',
  'that',
  'what',
  'a',
  'i',
  'ale',
  'to',
  'teraz',
  'juz',
  'tam',
  'o',
  'ir',
  'bet',
  'dabar',
  'jau',
  'ten',
  'tai',
  'kuri',
  'kuris',
  'co',
  'ktore',
  'ktory',
  'ile',
  'kiek',
  'how',
  'much',
  'mi',
  'man',
  'me',
  'nors',
  'yra',
]);
const THIRD_PERSON = new Set([
  'he',
  'she',
  'they',
  'landlord',
  'on',
  'ona',
  'oni',
  'one',
  'jis',
  'ji',
  'jie',
  'jos',
  'seller',
  'shop',
  'sklep',
  'odbiorca',
  'recipient',
  'gavėjas',
]);
const POINT_BACK = new Set(['tyle', 'tiek', 'that', 'thats', 'to', 'tai', 'tiek']);
const CLAUSE_OR_COLON = /[,;:\u2013\u2014]|\s-\s|\.\s/;
const COPULA = new Set([
  'jest',
  'byla',
  'bylo',
  'byl',
  'is',
  'was',
  'yra',
  'buvo',
  'to',
  'wynosi',
  'wynosila',
]);

function readBefore(doc: ScanDocument, amount: Amount, previousEnd: number): Before {
  const out: Before = {
    balance: -1,
    crossedBreak: false,
    holding: false,
    claimed: false,
    change: false,
  };
  let breaks = 0;
  // past a comma, or past "było"/"now", a price word belongs to another clause
  let claimsEnd = false;
  for (let k = amount.first - 1, distance = 1; k >= 0 && distance <= BEFORE; k--, distance++) {
    if ((doc.tokens[k + 1] as Token).breakBefore && ++breaks > 1) break;
    const tok = doc.tokens[k] as Token;
    // a colon too: "Stan konta po przelewie: 340,00 zł"; but "Current: £42" is a label of what is held
    const gap = doc.text.slice(tok.end, (doc.tokens[k + 1] as Token).start);
    if (CLAUSE.test(gap)) claimsEnd = true;
    else if (gap.includes(':') && !claimsEnd) {
      claimsEnd = true;
      if (distance === 1 && (has(tok, 'holding') || has(tok, 'held'))) out.holding = true;
    }
    // a word before an earlier amount names that one ("likutis 1,50 Eur, o papildžiau 10 Eur")
    if (tok.end <= previousEnd) break;
    if (distance === 1 && has(tok, 'price_prep')) {
      out.claimed = true;
      return out;
    }
    if (has(tok, 'balance')) {
      // "przyznany debet 1000 zł", "arranged overdraft": a limit; "odsetki za debet 14 zł": a price for it
      const prev = doc.tokens[k - 1];
      if (prev && (LIMIT.test(prev.text) || has(prev, 'price_prep')) && !tok.breakBefore) {
        out.claimed = true;
        return out;
      }
      out.balance = distance;
      out.crossedBreak = breaks > 0;
      return out;
    }
    if (breaks > 0 || claimsEnd) continue;
    // "saldo po zaksięgowaniu zwrotu wynosi …": a price word governed by "after" says when; "after paying 38 EUR" says what
    if (claims(tok) && !(has(tok, 'price') && distance > 1 && governedByAfter(doc, k))) {
      out.claimed = true;
      return out;
    }
    // "he got £1,000", "jis gavo": what someone else received is a transfer, not what is held
    if (
      (has(tok, 'holding') || has(tok, 'held')) &&
      !THIRD_PERSON.has(doc.tokens[k - 1]?.text ?? '')
    )
      out.holding = true;
    if (has(tok, 'change') && distance <= 4) {
      out.change = true;
      // "rata była 850 zł", "doładowałem wczoraj 50 zł": the subject of the change word claims it;
      // "było 540 zł, a teraz jest 40 zł": past a bare change word, a price word is another clause's
      let s = k - 1;
      while (s >= 0 && COPULA.has((doc.tokens[s] as Token).text)) s--;
      const subject = doc.tokens[s];
      // only "was"/"było" has a subject ("meal was £6.49"); "checked today and it's …" has a time word
      if (subject && s >= k - 2 && !(doc.tokens[s + 1] as Token).breakBefore) {
        if (has(subject, 'balance')) {
          out.balance = distance + (k - s);
          return out;
        }
        // "rata była 850 zł", "meal was £6.49", "same period was €122": the thing that was is not what was held
        const sameClause = !CLAUSE_OR_COLON.test(
          doc.text.slice(subject.end, (doc.tokens[s + 1] as Token).start),
        );
        const noun =
          sameClause &&
          COPULA.has(tok.text) &&
          subject.type === 'word' &&
          subject.end - subject.start > 2 &&
          !FUNCTION_WORDS.has(subject.text) &&
          !has(subject, 'holding') &&
          !has(subject, 'held') &&
          !has(subject, 'change') &&
          !has(subject, 'after');
        // "saldo Pani rachunku wynosi obecnie …": a noun right after a balance word is that balance's
        let balanceNear = false;
        for (let b = s; b >= 0 && b >= s - 3; b--) {
          if (has(doc.tokens[b] as Token, 'balance')) balanceNear = true;
          if (
            b > 0 &&
            CLAUSE_OR_COLON.test(
              doc.text.slice((doc.tokens[b - 1] as Token).end, (doc.tokens[b] as Token).start),
            )
          )
            break;
        }
        if (balanceNear) {
          out.balance = distance + (k - s);
          return out;
        }
        if (claims(subject) || noun) {
          out.claimed = true;
          return out;
        }
      }
      claimsEnd = true;
    }
  }
  return out;
}

/** What the words right after an amount say: a word of holding ("left", "na koncie", "liko") or a price ("opłaty", "fee"). */
function readAfter(doc: ScanDocument, amount: Amount, nextStart: number): 'held' | 'price' | null {
  for (
    let k = amount.last + 1, distance = 1;
    k < doc.tokens.length && distance <= AFTER;
    k++, distance++
  ) {
    const tok = doc.tokens[k] as Token;
    const gap = doc.text.slice((doc.tokens[k - 1] as Token).end, tok.start);
    // "1 870,22 zł – tyle mi pokazuje saldo": a dash and "that much" point back to the amount
    const pointsBack = distance === 1 && /[\u2013\u2014-]/.test(gap) && POINT_BACK.has(tok.text);
    if (tok.breakBefore || tok.start >= nextStart || (CLAUSE.test(gap) && !pointsBack)) return null;
    // "£450 left my current account" went out; "£15 left (in my account)" stayed
    if (tok.text === 'left' && DETERMINER.has(doc.tokens[k + 1]?.text ?? '')) return 'price';
    if (has(tok, 'held') || has(tok, 'balance')) return 'held';
    if (distance <= 2 && claims(tok)) return 'price';
  }
  return null;
}

function amounts(doc: ScanDocument): Amount[] {
  const out: Amount[] = [];
  const t = doc.text;
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(t); m; m = AMOUNT.exec(t)) {
    const g = m.groups ?? {};
    let text = m[0];
    // a trailing space the optional parts left behind
    while (text.endsWith(' ')) text = text.slice(0, -1);
    const start = m.index;
    const end = start + text.length;
    const numAt = start + Math.max(0, text.search(/\d/));
    const first = doc.tokenAt(numAt);
    const next = doc.tokenAt(end);
    // the number must begin a token of its own (not the digits inside "v6.3.1" or "RX405196702GB"), "12k" may
    const firstTok = doc.tokens[first];
    if (!firstTok || firstTok.start !== numAt || !/\d/.test(t[firstTok.start] ?? '')) continue;
    // "04417" is a meter reading or a code, not an amount
    if (t[numAt] === '0' && /^0\d/.test(t.slice(numAt, numAt + 2)) && !g.pre && !g.post) continue;
    // "18:40" is a time
    if (/^:\d/.test(t.slice(end, end + 2)) || t[numAt - 1] === ':') continue;
    const unit = doc.tokens[next];
    if (!g.post && unit && !unit.breakBefore && UNITS.has(unit.text)) continue;
    const money = Boolean(g.pre || g.post);
    // "10 m", "5k" without a currency are money only where a balance word says so (readBefore)
    const before = doc.tokens[first - 1];
    const change =
      before !== undefined && has(before, 'change') && !(doc.tokens[first] as Token).breakBefore;
    out.push({
      start,
      end,
      first,
      last: Math.max(first, next - 1),
      money: money || Boolean(g.scale && g.scale.length > 1),
      value: text.replace(/\s+/g, ' '),
      change,
      scaled: Boolean(g.scale),
    });
  }
  return out;
}

/**
 * Account balances: money held, in every form. An amount (currency sign, ISO code or word,
 * thousands written "tys.", "k", "tūkst.") is a balance when a balance word claims it before
 * ("saldo", "likutis", "available funds"), or a word of holding follows it ("£15 left", "2 500
 * zł na koncie", "€3.17 available", "87 EUR liko"), or one precedes it with nothing claiming
 * it for a price ("mam 56 zł", "turiu 140 eurų", "credit left £1.85"), or it is one side of a
 * comparison over time ("było 540 zł, teraz 40 zł", "was £880 and is now £80"). A price, fee,
 * transfer, top-up or refund word nearer to it claims it for that ("za 40 zł", "opłata 15 zł").
 */
export const balanceDetector = {
  kind: 'balance',
  detect(doc) {
    const out: Candidate[] = [];
    if (
      !doc.labels.has('balance') &&
      !doc.labels.has('holding') &&
      !doc.labels.has('held') &&
      !doc.labels.has('change')
    )
      return out;
    // without a balance word, only an amount written as money can be one: look for its currency first
    if (!doc.labels.has('balance') && !MONEY_HINT.test(doc.folded)) return out;
    const list = amounts(doc);
    const isBalance = new Array<boolean>(list.length).fill(false);
    // where the money amount before each one ends: a word before it names that amount
    const previousEnds = list.map((_, i) => {
      for (let j = i - 1; j >= 0; j--)
        if ((list[j] as Amount).money) return (list[j] as Amount).end;
      return -1;
    });
    const befores = list.map((a, i) => readBefore(doc, a, previousEnds[i] as number));
    list.forEach((a, i) => {
      const nextStart = i + 1 < list.length ? (list[i + 1] as Amount).start : Infinity;
      const before = befores[i] as Before;
      // a bare number right after a balance word ("saldo 1200,50"), "12k" a little further ("savings account at 12k")
      const near =
        before.balance >= 1 && !before.crossedBreak && before.balance <= (a.scaled ? 4 : 2);
      if (!a.money && !near && !a.change) return;
      let confidence = 0;
      if (before.balance > 0)
        confidence = before.crossedBreak ? 0.7 : before.balance <= 6 ? 0.9 : 0.75;
      else if (!before.claimed) {
        const after = readAfter(doc, a, nextStart);
        if (after === 'held') confidence = 0.8;
        else if (after === null && before.holding && a.money) confidence = 0.7;
      }
      if (confidence === 0) return;
      isBalance[i] = true;
      out.push({
        kind: 'balance',
        start: a.start,
        end: a.end,
        confidence,
        value: a.value,
        evidence: ['format:amount', 'context:balance'],
      });
    });
    // "było 1 870,34 zł, teraz 870,34 zł", "Stan na rano: 3 120,50 PLN. Po południu 2 980,50 PLN":
    // amounts compared over time are what was held, when one of them is, or both are so compared
    list.forEach((a, i) => {
      if (isBalance[i]) return;
      const before = befores[i] as Before;
      const changed = (j: number) => (list[j] as Amount).change || (befores[j] as Before).change;
      // a bare number counts only right after its change word ("było 500, teraz 20 zł")
      if (before.claimed || !changed(i) || (!a.money && !a.change)) return;
      const nextStart = i + 1 < list.length ? (list[i + 1] as Amount).start : Infinity;
      if (readAfter(doc, a, nextStart) === 'price') return;
      const partner = list.findIndex(
        (b, j) =>
          j !== i &&
          Math.abs(j - i) <= 2 &&
          (isBalance[j] || (changed(j) && !(befores[j] as Before).claimed)) &&
          (b.money || a.money),
      );
      if (partner < 0) return;
      isBalance[i] = true;
      out.push({
        kind: 'balance',
        start: a.start,
        end: a.end,
        confidence: 0.7,
        value: a.value,
        evidence: ['format:amount', 'context:change'],
      });
    });
    return out.sort((x, y) => x.start - y.start);
  },
} satisfies Detector;
