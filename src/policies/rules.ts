import type { KindDescriptor } from '../detectors/kinds.ts';
import type { DataClass } from './classes.ts';
import type { Templates } from './templates/index.ts';
import type { Action, Direction, Effect, Visibility } from './types.ts';

/** A yes-or-no fact of a kind's descriptor (detectors/kinds.ts) that an action can depend on. */
export type KindFlag = {
  [F in keyof KindDescriptor]-?: KindDescriptor[F] extends boolean ? F : never;
}[keyof KindDescriptor];

/** Which of the kinds a rule fired on an action needs: `some` of them with the flag, or `notAll`. */
export type KindCondition = { some: KindFlag } | { notAll: KindFlag };

/**
 * The texts offered instead of a blocked reply; when rules offering different ones fire together,
 * the first listed here (where to continue helps the agent more than the reminder that secrets are
 * never sent). `tenantWording`: the tenant's own private-channel message (policy `wording`) replaces it.
 */
export const REPLIES = [
  { text: 'movePrivate', tenantWording: true },
  { text: 'verifyIdentity', tenantWording: true },
  { text: 'secretNever', tenantWording: false },
] as const satisfies ReadonlyArray<{ text: keyof Templates; tenantWording: boolean }>;
export type Reply = (typeof REPLIES)[number]['text'];

/** The notices to a customer about their post, first the one that applies when several do; the tenant's own notice replaces any. */
export const NOTICES = [
  'noticeSecretPublic',
  'noticeExposed',
  'noticeSecretPrivate',
] as const satisfies ReadonlyArray<keyof Templates>;
export type Notice = (typeof NOTICES)[number];

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
  /** Actions given only when the kinds the rule fired on meet a condition ("block the card" only for a card). */
  actionsWhen?: Partial<Record<Action, KindCondition>>;
  /** Whether a supervisor may override a warning this rule gave. SECRET rules never. */
  overridable: boolean;
  urgent?: boolean;
  /** A blocking rule: the text offered instead of the reply. */
  reply?: Reply;
  /** A rule about a customer's post: what the customer is told. */
  notice?: Notice;
  message: string;
}

const BOTH: readonly Visibility[] = ['public', 'private'];

/** The decision matrix as data. Every matching rule applies; the most severe effect wins. */
export const RULES: readonly Rule[] = [
  {
    id: 'secret-request',
    direction: 'outbound',
    classes: [],
    secretRequest: true,
    visibility: BOTH,
    effect: 'block',
    actions: ['remove_secret_request'],
    overridable: false,
    reply: 'secretNever',
    message:
      'The reply asks for a PIN, password, card security code, card number or one-time code, or names one in a way the rules cannot tell is safe: asking for a secret is a phishing pattern and is never sent. Rewrite the marked phrase as a warning or an instruction to use it in the app.',
  },
  {
    id: 'secret-disclosure',
    direction: 'outbound',
    classes: ['SECRET'],
    visibility: BOTH,
    effect: 'block',
    actions: ['remove_secret'],
    overridable: false,
    reply: 'secretNever',
    message:
      'Secrets (PINs, passwords, security and one-time codes, card numbers) are never sent in any channel.',
  },
  {
    id: 'account-data-public',
    direction: 'outbound',
    classes: ['ACCOUNT'],
    visibility: ['public'],
    effect: 'block',
    actions: ['move_to_private_channel', 'verify_identity'],
    overridable: true,
    reply: 'movePrivate',
    message: 'Account data may be given only in a private channel after identification.',
  },
  {
    id: 'account-data-unverified',
    direction: 'outbound',
    classes: ['ACCOUNT'],
    visibility: ['private'],
    unverifiedOnly: true,
    effect: 'block',
    actions: ['verify_identity'],
    overridable: true,
    reply: 'verifyIdentity',
    message: "Account data may be given only after the customer's identity is verified.",
  },
  {
    id: 'identity-data-public',
    direction: 'outbound',
    classes: ['IDENTITY'],
    visibility: ['public'],
    effect: 'block',
    actions: ['move_to_private_channel', 'verify_identity'],
    overridable: true,
    reply: 'movePrivate',
    message:
      'Identity data (national ID, date of birth) may be given only in a private channel after identification.',
  },
  {
    id: 'identity-data-unverified',
    direction: 'outbound',
    classes: ['IDENTITY'],
    visibility: ['private'],
    unverifiedOnly: true,
    effect: 'block',
    actions: ['verify_identity'],
    overridable: true,
    reply: 'verifyIdentity',
    message: "Identity data may be given only after the customer's identity is verified.",
  },
  {
    id: 'contact-data-public',
    direction: 'outbound',
    classes: ['CONTACT'],
    visibility: ['public'],
    effect: 'block',
    actions: ['move_to_private_channel'],
    overridable: true,
    reply: 'movePrivate',
    message:
      'Contact details (phone, e-mail, address) are not given in public; continue in a private channel.',
  },
  {
    id: 'secret-exposed-public',
    direction: 'inbound',
    classes: ['SECRET'],
    visibility: ['public'],
    effect: 'warn',
    urgent: true,
    actions: [
      'hide_post',
      'advise_block_card',
      'advise_change_secret',
      'contact_customer_privately',
      'do_not_copy',
    ],
    overridable: false,
    actionsWhen: { advise_block_card: { some: 'card' }, advise_change_secret: { notAll: 'card' } },
    notice: 'noticeSecretPublic',
    message:
      'The customer published a secret: hide the post now, contact them privately and advise blocking the card or changing the secret.',
  },
  {
    id: 'secret-exposed-private',
    direction: 'inbound',
    classes: ['SECRET'],
    visibility: ['private'],
    effect: 'warn',
    actions: ['advise_change_secret', 'do_not_copy'],
    overridable: false,
    notice: 'noticeSecretPrivate',
    message: 'The customer sent a secret: do not copy it anywhere and advise them to change it.',
  },
  {
    id: 'personal-data-exposed-public',
    direction: 'inbound',
    classes: ['ACCOUNT', 'IDENTITY', 'CONTACT'],
    visibility: ['public'],
    effect: 'warn',
    actions: ['hide_post', 'contact_customer_privately', 'do_not_copy'],
    overridable: true,
    notice: 'noticeExposed',
    message: 'The customer published personal data: hide the post and contact them privately.',
  },
  {
    id: 'personal-data-private',
    direction: 'inbound',
    classes: ['ACCOUNT', 'IDENTITY', 'CONTACT'],
    visibility: ['private'],
    effect: 'allow',
    actions: ['do_not_copy'],
    overridable: true,
    message:
      "Personal data received privately: answer, but do not copy it into the company's systems.",
  },
];

/** The rules that hold requests for secrets (`secretRequest`): an audit event naming one recorded a request. */
export const REQUEST_RULES: ReadonlySet<string> = new Set(
  RULES.filter((r) => r.secretRequest).map((r) => r.id),
);
