import { asmensKodasValid, peselValid } from './checksums.ts';
import { labelBefore } from './context.ts';
import { digitWindows, followsIbanHead } from './numbers.ts';
import type { Candidate, Detector } from './types.ts';

/** PESEL and Lithuanian asmens kodas: 11 digits, official checksum, a birth date that exists. */
export const nationalIdDetector = {
  kind: 'national_id',
  detect(doc) {
    const out: Candidate[] = [];
    doc.tokens.forEach((tok, index) => {
      if (tok.type !== 'number' || tok.text.length < 11) return;
      if (doc.text[tok.start - 1] === '+' || followsIbanHead(doc, tok.start)) return;
      for (const w of digitWindows(doc, tok, 11, 11)) {
        const pesel = peselValid(w.digits);
        const ak = asmensKodasValid(w.digits);
        if (!pesel && !ak) continue;
        const label = labelBefore(doc, index, ['nid'], { maxDistance: 5, blocking: ['neutral', 'phone', 'account', 'card', 'price'] });
        const claimed = !label && labelBefore(doc, index, ['neutral', 'phone', 'account', 'card', 'price'], { maxDistance: 3 });
        if (claimed) continue;
        out.push({
          kind: 'national_id',
          start: w.start,
          end: w.end,
          confidence: label ? 0.99 : 0.9,
          value: w.digits,
          evidence: [pesel ? 'checksum:pesel' : 'checksum:asmens_kodas', ...(label ? ['context:national_id'] : [])],
        });
        return;
      }
    });
    return out;
  },
} satisfies Detector;
