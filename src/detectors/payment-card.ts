import { luhnValid } from './checksums.ts';
import { labelBefore } from './context.ts';
import { followsIbanHead, validWindows } from './numbers.ts';
import type { Candidate, Detector } from './types.ts';

/** Whether the number starts like a card of a known scheme and has that scheme's length. */
export function issuerMatches(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  switch (d[0]) {
    case '1':
      return n === 15; // UATP
    case '2':
      return n === 16 && ((p4 >= 2221 && p4 <= 2720) || (p4 >= 2200 && p4 <= 2204));
    case '3':
      if (p2 === 34 || p2 === 37) return n === 15;
      if (p2 === 35) return n >= 16 && n <= 19;
      if (p2 === 30 || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19;
      return false;
    case '4':
      return n === 13 || n === 16 || n === 19;
    case '5':
      return n >= 12 && n <= 19;
    case '6':
      return n >= 12 && n <= 19;
    default:
      return false;
  }
}

/** Payment card numbers: 13–19 digits, a scheme's prefix and length, Luhn. */
export const paymentCardDetector = {
  kind: 'payment_card',
  detect(doc) {
    const out: Candidate[] = [];
    doc.tokens.forEach((tok, index) => {
      if (tok.type !== 'number' || tok.text.length < 13) return;
      if (doc.text[tok.start - 1] === '+' || followsIbanHead(doc, tok.start)) return;
      const cards = validWindows(doc, tok, 13, 19, (d) => issuerMatches(d) && luhnValid(d));
      if (cards.length === 0) return;
      // a loyalty, gift or order number that happens to pass Luhn is claimed by its label
      if (
        labelBefore(doc, index, ['neutral'], { maxDistance: 3, blocking: ['card', 'card_number'] })
      )
        return;
      const card = labelBefore(doc, index, ['card', 'card_number'], { maxDistance: 6 });
      for (const w of cards) {
        out.push({
          kind: 'payment_card',
          start: w.start,
          end: w.end,
          confidence: card ? 0.99 : 0.93,
          value: w.digits,
          evidence: ['checksum:luhn', ...(card ? ['context:card'] : [])],
        });
      }
    });
    return out;
  },
} satisfies Detector;
