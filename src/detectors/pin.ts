import { detectShortCodes } from './short-codes.ts';
import type { Detector } from './types.ts';

/** PINs: 4–8 digits whose nearest context word is a PIN word ("PIN-u", "PIN kodas", "PIN code"). */
export const pinDetector = {
  kind: 'pin',
  detect: (doc) =>
    detectShortCodes(doc, {
      kind: 'pin',
      labels: ['pin'],
      transparent: ['card', 'card_number'],
      minDigits: 4,
      maxDigits: 8,
      maxDistance: 9,
      maxBreaks: 1,
    }),
} satisfies Detector;
