import { addressDetector } from './address.ts';
import { balanceDetector } from './balance.ts';
import { cardSecurityCodeDetector } from './card-security-code.ts';
import { dateOfBirthDetector } from './date-of-birth.ts';
import { emailDetector } from './email.ts';
import { ibanDetector } from './iban.ts';
import { nationalIdDetector } from './national-id.ts';
import { oneTimeCodeDetector } from './one-time-code.ts';
import { passwordDetector } from './password.ts';
import { paymentCardDetector } from './payment-card.ts';
import { personNameDetector } from './person-name.ts';
import { phoneDetector } from './phone.ts';
import { pinDetector } from './pin.ts';
import type { Detector } from './types.ts';

/**
 * Every detector, in the order overlaps are settled: when two findings overlap, the
 * one whose detector comes first wins (a checksum beats a shape, a shape beats context).
 */
export const DETECTORS: readonly Detector[] = [
  ibanDetector,
  paymentCardDetector,
  nationalIdDetector,
  emailDetector,
  cardSecurityCodeDetector,
  pinDetector,
  oneTimeCodeDetector,
  passwordDetector,
  addressDetector,
  phoneDetector,
  balanceDetector,
  dateOfBirthDetector,
  personNameDetector,
];
