import { describeKind, KINDS, type Kind } from '../detectors/kinds.ts';
import type { DataClass } from './classes.ts';
import type { Action, Direction, Effect, Visibility } from './types.ts';

/** One cell (or row) of POLICY.md's decision matrix, with a stable id for audit and reviews. */
export interface Rule {
  id: string;
  direction: Direction;
  /** Matches when a finding of one of these classes is present (or, for `secretRequest`, a request for a secret). */
  classes: readonly DataClass[];
  secretRequest?: boolean;
  visibility: readonly Visibility[];
  /** Only when identity is not verified (private account and identity data). */
  unverifiedOnly?: boolean;
  effect: Effect;
  actions: readonly Action[];
  /** Whether a supervisor may override a warning this rule gave. SECRET rules never. */
  overridable: boolean;
  urgent?: boolean;
  message: string;
}

const BOTH: readonly Visibility[] = ['public', 'private'];

/** The decision matrix as data. Every matching rule applies; the most severe effect wins. */
export const RULES: readonly Rule[] = [
  {
    id: 'secret-request', direction: 'outbound', classes: [], secretRequest: true, visibility: BOTH, effect: 'block',
    actions: ['remove_secret_request'], overridable: false,
    message: 'The reply asks for a PIN, password, card security code, card number or one-time code, or names one in a way the rules cannot tell is safe: asking for a secret is a phishing pattern and is never sent. Rewrite the marked phrase as a warning or an instruction to use it in the app.',
  },
  {
    id: 'secret-disclosure', direction: 'outbound', classes: ['SECRET'], visibility: BOTH, effect: 'block',
    actions: ['remove_secret'], overridable: false,
    message: 'Secrets (PINs, passwords, security and one-time codes, card numbers) are never sent in any channel.',
  },
  {
    id: 'account-data-public', direction: 'outbound', classes: ['ACCOUNT'], visibility: ['public'], effect: 'block',
    actions: ['move_to_private_channel', 'verify_identity'], overridable: true,
    message: 'Account data may be given only in a private channel after identification.',
  },
  {
    id: 'account-data-unverified', direction: 'outbound', classes: ['ACCOUNT'], visibility: ['private'], unverifiedOnly: true,
    effect: 'block', actions: ['verify_identity'], overridable: true,
    message: "Account data may be given only after the customer's identity is verified.",
  },
  {
    id: 'identity-data-public', direction: 'outbound', classes: ['IDENTITY'], visibility: ['public'], effect: 'block',
    actions: ['move_to_private_channel', 'verify_identity'], overridable: true,
    message: 'Identity data (national ID, date of birth) may be given only in a private channel after identification.',
  },
  {
    id: 'identity-data-unverified', direction: 'outbound', classes: ['IDENTITY'], visibility: ['private'], unverifiedOnly: true,
    effect: 'block', actions: ['verify_identity'], overridable: true,
    message: "Identity data may be given only after the customer's identity is verified.",
  },
  {
    id: 'contact-data-public', direction: 'outbound', classes: ['CONTACT'], visibility: ['public'], effect: 'block',
    actions: ['move_to_private_channel'], overridable: true,
    message: 'Contact details (phone, e-mail, address) are not given in public; continue in a private channel.',
  },
  {
    id: 'secret-exposed-public', direction: 'inbound', classes: ['SECRET'], visibility: ['public'], effect: 'warn', urgent: true,
    actions: ['hide_post', 'advise_block_card', 'advise_change_secret', 'contact_customer_privately', 'do_not_copy'], overridable: false,
    message: 'The customer published a secret: hide the post now, contact them privately and advise blocking the card or changing the secret.',
  },
  {
    id: 'secret-exposed-private', direction: 'inbound', classes: ['SECRET'], visibility: ['private'], effect: 'warn',
    actions: ['advise_change_secret', 'do_not_copy'], overridable: false,
    message: 'The customer sent a secret: do not copy it anywhere and advise them to change it.',
  },
  {
    id: 'personal-data-exposed-public', direction: 'inbound', classes: ['ACCOUNT', 'IDENTITY', 'CONTACT'], visibility: ['public'],
    effect: 'warn', actions: ['hide_post', 'contact_customer_privately', 'do_not_copy'], overridable: true,
    message: 'The customer published personal data: hide the post and contact them privately.',
  },
  {
    id: 'personal-data-private', direction: 'inbound', classes: ['ACCOUNT', 'IDENTITY', 'CONTACT'], visibility: ['private'],
    effect: 'allow', actions: ['do_not_copy'], overridable: true,
    message: "Personal data received privately: answer, but do not copy it into the company's systems.",
  },
];

/** Kinds that make "block the card" the advice, rather than "change the secret" (their descriptors say which). */
export const CARD_KINDS: ReadonlySet<Kind> = new Set(KINDS.filter((k) => describeKind(k).card));
