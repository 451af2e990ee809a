import type { Kind } from '../detectors/types.ts';

/** The classes of POLICY.md's decision matrix. */
export type DataClass = 'SECRET' | 'ACCOUNT' | 'IDENTITY' | 'CONTACT' | 'INFO';

/** Which class each kind belongs to. */
export const CLASS_OF: Readonly<Record<Kind, DataClass>> = {
  pin: 'SECRET',
  password: 'SECRET',
  card_security_code: 'SECRET',
  one_time_code: 'SECRET',
  payment_card: 'SECRET',
  iban: 'ACCOUNT',
  balance: 'ACCOUNT',
  national_id: 'IDENTITY',
  date_of_birth: 'IDENTITY',
  phone: 'CONTACT',
  email: 'CONTACT',
  address: 'CONTACT',
  person_name: 'INFO',
};
