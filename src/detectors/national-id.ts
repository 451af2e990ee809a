import { asmensKodasValid, peselValid } from './checksums.ts';
import { labelBefore } from './context.ts';
import { followsIbanHead, validWindows } from './numbers.ts';
import type { Candidate, Detector } from './types.ts';

const validId = (d: string) => peselValid(d) || asmensKodasValid(d);

/** PESEL and Lithuanian asmens kodas: 11 digits, official checksum, a birth date that exists. */
export const nationalIdDetector = {
  kind: 'national_id',
  detect(doc) {
    const out: Candidate[] = [];
    doc.tokens.forEach((tok, index) => {
      if (tok.type !== 'number' || tok.text.length < 11) return;
      if (doc.text[tok.start - 1] === '+' || followsIbanHead(doc, tok.start)) return;
      const ids = validWindows(doc, tok, 11, 11, validId);
      if (ids.length === 0) return;
      const label = labelBefore(doc, index, ['nid'], {
        maxDistance: 5,
        blocking: ['neutral', 'phone', 'account', 'card', 'price'],
      });
      // "umowa nr 56658178991": a number claimed by another word is not an ID unless an ID word is nearer
      if (
        !label &&
        labelBefore(doc, index, ['neutral', 'phone', 'account', 'card', 'price'], {
          maxDistance: 3,
        })
      )
        return;
      for (const w of ids) {
        out.push({
          kind: 'national_id',
          start: w.start,
          end: w.end,
          confidence: label ? 0.99 : 0.9,
          value: w.digits,
          evidence: [
            peselValid(w.digits) ? 'checksum:pesel' : 'checksum:asmens_kodas',
            ...(label ? ['context:national_id'] : []),
          ],
        });
      }
    });
    return out;
  },
} satisfies Detector;
