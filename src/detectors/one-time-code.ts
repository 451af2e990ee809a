import { detectShortCodes } from './short-codes.ts';
import type { Detector } from './types.ts';

/** One-time codes: 4–8 digits next to BLIK/SMS/verification/one-time words; a bare "code" only for six digits. */
export const oneTimeCodeDetector = {
  kind: 'one_time_code',
  detect: (doc) =>
    detectShortCodes(doc, {
      kind: 'one_time_code',
      labels: ['otp'],
      minDigits: 4,
      maxDigits: 8,
      maxDistance: 7,
      maxBreaks: 1,
      weak: { label: 'code', digits: 6, confidence: 0.65 },
    }),
} satisfies Detector;
