import { detectShortCodes } from './short-codes.ts';
import type { Detector } from './types.ts';

/** Card security codes: 3–4 digits next to CVV/CVC/CVV2 or "security code" words. */
export const cardSecurityCodeDetector = {
  kind: 'card_security_code',
  detect: (doc) =>
    detectShortCodes(doc, {
      kind: 'card_security_code',
      labels: ['cvv'],
      transparent: ['card', 'card_number'],
      minDigits: 3,
      maxDigits: 4,
      maxDistance: 8,
      maxBreaks: 0,
    }),
} satisfies Detector;
