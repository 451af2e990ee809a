import { labelBefore } from './context.ts';
import type { Candidate, Detector } from './types.ts';

// A money amount with its currency before or after. Bounded, unambiguous alternatives: linear time.
const AMOUNT =
  /(?<![\p{L}\d.,])(?:(?<pre>[$£€]|(?:USD|EUR|GBP|PLN)(?![\p{L}]))\s?)?(?<num>\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:\s?(?<post>zł|zl|złotych|PLN|EUR|Eur|eur|eurų|euro|eurai|€|USD|GBP|\$|£|dolarów|dollars?)(?![\p{L}]))?/gu;

const BLOCKING = ['price', 'neutral', 'dob', 'pin', 'otp', 'cvv', 'code', 'phone', 'nid'] as const;

/** Account balances: a money amount whose nearest context (same sentence) is a balance word. */
export const balanceDetector = {
  kind: 'balance',
  detect(doc) {
    const out: Candidate[] = [];
    const t = doc.text;
    if (!doc.labels.has('balance')) return out;
    AMOUNT.lastIndex = 0;
    for (let m = AMOUNT.exec(t); m; m = AMOUNT.exec(t)) {
      const g = m.groups ?? {};
      if (!g.pre && !g.post) continue;
      const start = m.index;
      const end = start + m[0].length;
      const index = doc.tokenAt(start);
      // "koks mano likutis? Programėlėje rodo 8.254,66 EUR": the question may stand a sentence before
      const hit = labelBefore(doc, index, ['balance'], { maxDistance: 10, blocking: [...BLOCKING], maxBreaks: 1 });
      if (!hit) continue;
      out.push({
        kind: 'balance',
        start,
        end: end - (m[0].endsWith(' ') ? 1 : 0),
        confidence: hit.crossedBreak ? 0.7 : hit.distance <= 6 ? 0.9 : 0.75,
        value: m[0].replace(/\s+/g, ' ').trim(),
        evidence: ['format:amount', `context:balance`],
      });
    }
    return out;
  },
} satisfies Detector;
