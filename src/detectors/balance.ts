import { labelBefore } from './context.ts';
import type { ScanDocument } from './document.ts';
import type { Candidate, Detector } from './types.ts';

// A money amount with its currency before or after, and its minus sign ("saldo -45,20 zł").
// Bounded, unambiguous alternatives: linear time.
const AMOUNT =
  /(?<![\p{L}\d.,])(?:[-\u2212](?=[$£€\d]))?(?:(?<pre>[$£€]|(?:USD|EUR|GBP|PLN)(?![\p{L}]))\s?)?(?<num>\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:\s?(?<post>zł|zl|złotych|PLN|EUR|Eur|eur|eurų|euro|eurai|€|USD|GBP|\$|£|dolarów|dollars?)(?![\p{L}]))?/gu;

const BLOCKING = ['price', 'neutral', 'dob', 'pin', 'otp', 'cvv', 'code', 'phone', 'nid'] as const;

/**
 * A balance word right after the amount, nothing but spaces between ("£1,200.00 left in my
 * account", "2 500 zł na koncie", "87 EUR liko"), and no other claim on it just before
 * ("wpłata 500 zł na koncie" is a deposit).
 */
function balanceRightAfter(doc: ScanDocument, index: number, end: number): boolean {
  const next = doc.tokens[doc.tokenAt(end)];
  if (!next || !/^[ \t]*$/.test(doc.text.slice(end, next.start)) || !next.labels.includes('balance')) return false;
  return !labelBefore(doc, index, [...BLOCKING], { maxDistance: 3 });
}

/** Account balances: a money amount whose nearest context (same sentence) is a balance word. */
export const balanceDetector = {
  kind: 'balance',
  detect(doc) {
    const out: Candidate[] = [];
    const t = doc.text;
    if (!doc.labels.has('balance')) return out;
    AMOUNT.lastIndex = 0;
    let previousAmount = -1;
    for (let m = AMOUNT.exec(t); m; m = AMOUNT.exec(t)) {
      const g = m.groups ?? {};
      if (!g.pre && !g.post) continue;
      const start = m.index;
      const end = start + m[0].length;
      const index = doc.tokenAt(start);
      // "koks mano likutis? Programėlėje rodo 8.254,66 EUR": the question may stand a sentence before
      let hit = labelBefore(doc, index, ['balance'], { maxDistance: 10, blocking: [...BLOCKING], maxBreaks: 1, skipAfter: true });
      // the balance word names the amount nearest after it, not a second one further on
      // ("likutis 1,50 Eur, o papildžiau 10 Eur")
      if (hit && previousAmount > (doc.tokens[hit.token] as { start: number }).start) hit = null;
      previousAmount = start;
      const after = !hit && balanceRightAfter(doc, index, end);
      if (!hit && !after) continue;
      out.push({
        kind: 'balance',
        start,
        end: end - (m[0].endsWith(' ') ? 1 : 0),
        confidence: !hit ? 0.8 : hit.crossedBreak ? 0.7 : hit.distance <= 6 ? 0.9 : 0.75,
        value: m[0].replace(/\s+/g, ' ').trim(),
        evidence: ['format:amount', `context:balance`],
      });
    }
    return out;
  },
} satisfies Detector;
