import type { Label } from './lexicon/types.ts';

/** The classes of POLICY.md's decision matrix. */
export type DataClass = 'SECRET' | 'ACCOUNT' | 'IDENTITY' | 'CONTACT' | 'INFO';

/**
 * How a value is shown in a preview (mask.ts). There is no default: a kind says which.
 * - `keepLast`: every letter and digit but the last `keep` becomes `*`; separators stay.
 * - `digits`: every digit becomes `*`; words and signs stay ("saldo ****,** zł").
 * - `fixed`: the same text whatever the value (nothing of its length or shape).
 * - `email`: the first letter and the top-level domain.
 * - `initials`: the first letter of each word.
 */
export type MaskStrategy =
  | { type: 'keepLast'; keep: number }
  | { type: 'digits' }
  | { type: 'fixed'; text: string }
  | { type: 'email' }
  | { type: 'initials' };

interface DescriptorBase {
  /** One line: what the kind is. */
  description: string;
  /** What officers read it as, in each language of the console. */
  names: { en: string; pl: string; lt: string };
  mask: MaskStrategy;
  /**
   * Whether the audit log keeps a keyed fingerprint of the value. Never for short secrets or
   * balances: a keyed hash of a 4-digit PIN is still the PIN to whoever holds the key.
   */
  fingerprint: boolean;
  /** Whether "block the card" is the advice when the customer exposes it, rather than "change the secret". */
  card: boolean;
  /** Context labels that say a nearby number is this kind (context.ts's claiming labels). */
  claims: readonly Label[];
}

/**
 * Everything the code knows about one kind of personal data. A secret must name the lexicon
 * labels that mention it in a reply (secret-request.ts); no other kind may.
 */
export type KindDescriptor = DescriptorBase &
  (
    | { class: 'SECRET'; mentions: readonly [Label, ...Label[]] }
    | { class: Exclude<DataClass, 'SECRET'>; mentions: readonly [] }
  );

const KEEP_NONE: MaskStrategy = { type: 'keepLast', keep: 0 };

/**
 * One descriptor per kind, in the order of KINDS (the evaluation table's rows, and which secret a
 * word naming two is read as).
 * `Kind` is these keys and every field is required, so the compiler refuses a kind without a
 * complete descriptor: there is no default mask and no default fingerprinting to fall back on.
 */
export const KIND = {
  iban: {
    description: 'a bank account number: an IBAN (mod-97) or a Polish 26-digit NRB',
    names: {
      en: 'Bank account number (IBAN)',
      pl: 'Numer rachunku (IBAN)',
      lt: 'Sąskaitos numeris (IBAN)',
    },
    class: 'ACCOUNT',
    mask: { type: 'keepLast', keep: 4 },
    fingerprint: true,
    card: false,
    claims: ['account'],
    mentions: [],
  },
  payment_card: {
    description: "a payment card number: a scheme's prefix and length, Luhn",
    names: {
      en: 'Payment card number',
      pl: 'Numer karty płatniczej',
      lt: 'Mokėjimo kortelės numeris',
    },
    class: 'SECRET',
    mask: { type: 'keepLast', keep: 4 },
    fingerprint: true,
    card: true,
    claims: ['card', 'card_number'],
    mentions: ['card_number'],
  },
  card_security_code: {
    description: 'the 3–4 digits on the back of a card (CVV, CVC)',
    names: {
      en: 'Card security code (CVV)',
      pl: 'Kod zabezpieczający karty (CVV)',
      lt: 'Kortelės saugos kodas (CVV)',
    },
    class: 'SECRET',
    mask: { type: 'digits' },
    fingerprint: false,
    card: true,
    claims: ['cvv'],
    mentions: ['cvv'],
  },
  pin: {
    description: 'a card or phone PIN (or PUK)',
    names: { en: 'PIN', pl: 'PIN', lt: 'PIN kodas' },
    class: 'SECRET',
    mask: { type: 'digits' },
    fingerprint: false,
    card: false,
    claims: ['pin'],
    mentions: ['pin'],
  },
  password: {
    description: 'a password, passphrase or wallet recovery phrase',
    names: { en: 'Password', pl: 'Hasło', lt: 'Slaptažodis' },
    class: 'SECRET',
    mask: { type: 'fixed', text: '********' },
    fingerprint: false,
    card: false,
    claims: ['password'],
    mentions: ['password', 'credentials'],
  },
  one_time_code: {
    description: 'a one-time code (BLIK, SMS, authenticator, top-up)',
    names: { en: 'One-time code', pl: 'Kod jednorazowy', lt: 'Vienkartinis kodas' },
    class: 'SECRET',
    mask: { type: 'digits' },
    fingerprint: false,
    card: false,
    claims: ['otp', 'code'],
    mentions: ['otp'],
  },
  balance: {
    description: "an amount of money held on the customer's account",
    names: { en: 'Account balance', pl: 'Saldo rachunku', lt: 'Sąskaitos likutis' },
    class: 'ACCOUNT',
    mask: { type: 'digits' },
    fingerprint: false,
    card: false,
    claims: ['balance'],
    mentions: [],
  },
  phone: {
    description: 'a phone number, parsed and validated by libphonenumber',
    names: { en: 'Phone number', pl: 'Numer telefonu', lt: 'Telefono numeris' },
    class: 'CONTACT',
    mask: { type: 'keepLast', keep: 2 },
    fingerprint: true,
    card: false,
    claims: ['phone'],
    mentions: [],
  },
  email: {
    description: 'an e-mail address',
    names: { en: 'E-mail address', pl: 'Adres e-mail', lt: 'El. pašto adresas' },
    class: 'CONTACT',
    mask: { type: 'email' },
    fingerprint: true,
    card: false,
    claims: [],
    mentions: [],
  },
  national_id: {
    description:
      'a national identity number: PESEL or Lithuanian asmens kodas, checksum and birth date valid',
    names: {
      en: 'National ID number (PESEL, asmens kodas)',
      pl: 'Numer identyfikacyjny (PESEL, asmens kodas)',
      lt: 'Asmens kodas (PESEL, asmens kodas)',
    },
    class: 'IDENTITY',
    mask: KEEP_NONE,
    fingerprint: true,
    card: false,
    claims: ['nid'],
    mentions: [],
  },
  address: {
    description:
      'a postal address: a street, a house number, and the postal code and city where written',
    names: { en: 'Postal address', pl: 'Adres pocztowy', lt: 'Pašto adresas' },
    class: 'CONTACT',
    mask: KEEP_NONE,
    fingerprint: true,
    card: false,
    claims: [],
    mentions: [],
  },
  date_of_birth: {
    description: 'a date of birth: a real, past date after a birth word',
    names: { en: 'Date of birth', pl: 'Data urodzenia', lt: 'Gimimo data' },
    class: 'IDENTITY',
    mask: KEEP_NONE,
    fingerprint: true,
    card: false,
    claims: ['dob'],
    mentions: [],
  },
  person_name: {
    description: "a person's name (informational: never blocks)",
    names: { en: 'Person’s name', pl: 'Imię i nazwisko', lt: 'Asmens vardas' },
    class: 'INFO',
    mask: { type: 'initials' },
    fingerprint: true,
    card: false,
    claims: [],
    mentions: [],
  },
} as const satisfies Record<string, KindDescriptor>;

/** The kinds of personal data POLICY.md names. */
export type Kind = keyof typeof KIND;

/** Every kind, in the descriptors' order. */
export const KINDS: readonly Kind[] = Object.keys(KIND) as Kind[];

/** Whether a string read from outside the code (a stored event, a filter) names a kind. */
export function isKind(value: string): value is Kind {
  return Object.hasOwn(KIND, value);
}

/** A kind's descriptor, as the general type (the literal types of `KIND` are too narrow to compare against). */
export function describeKind(kind: Kind): KindDescriptor {
  return KIND[kind];
}

/** The lexicon labels that mention a secret of some kind, each with that kind, in the descriptors' order. */
export const SECRET_MENTIONS: ReadonlyArray<readonly [Label, Kind]> = KINDS.flatMap((k) =>
  describeKind(k).mentions.map((l) => [l, k] as const),
);

/** What masking, fingerprinting and the decision read of a kind: a built-in kind's descriptor, or a custom kind's (customKindFacts). */
export type KindFacts = Pick<KindDescriptor, 'class' | 'mask' | 'fingerprint' | 'card'>;

/**
 * The facts of a tenant's custom kind, from its class alone, by the descriptors' rules: a secret
 * shows nothing of itself and is never fingerprinted (its length is unknown, and a keyed hash of
 * a short secret is the secret to whoever holds the key); account numbers keep their last four,
 * contacts their last two, identity and informational values nothing; all but secrets are
 * fingerprinted, as the built-in kinds of those classes are.
 */
export function customKindFacts(cls: DataClass): KindFacts {
  return CUSTOM_FACTS[cls];
}

const CUSTOM_FACTS: Readonly<Record<DataClass, KindFacts>> = {
  SECRET: {
    class: 'SECRET',
    mask: { type: 'fixed', text: '********' },
    fingerprint: false,
    card: false,
  },
  ACCOUNT: {
    class: 'ACCOUNT',
    mask: { type: 'keepLast', keep: 4 },
    fingerprint: true,
    card: false,
  },
  IDENTITY: { class: 'IDENTITY', mask: KEEP_NONE, fingerprint: true, card: false },
  CONTACT: {
    class: 'CONTACT',
    mask: { type: 'keepLast', keep: 2 },
    fingerprint: true,
    card: false,
  },
  INFO: { class: 'INFO', mask: KEEP_NONE, fingerprint: true, card: false },
};

// a kind read back from a stored event that no descriptor or policy knows: shown as nothing, never fingerprinted
const UNKNOWN_FACTS: KindFacts = {
  class: 'INFO',
  mask: KEEP_NONE,
  fingerprint: false,
  card: false,
};

/** The facts of a finding's kind: its own (a custom kind) or its descriptor's. */
export function factsOf(f: { kind: string; facts?: KindFacts | undefined }): KindFacts {
  return f.facts ?? (isKind(f.kind) ? KIND[f.kind] : UNKNOWN_FACTS);
}
