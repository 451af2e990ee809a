import type { JWK } from 'jose';
import type { Locale } from '../detectors/types.ts';
import type { StoredPolicy } from './policy-schema.ts';

export type Direction = 'inbound' | 'outbound';
export type Visibility = 'public' | 'private';
export type Effect = 'allow' | 'warn' | 'block';
export type Mode = 'enforce' | 'monitor';

/** What the agent or the helpdesk tool should do, in the order they are listed here. */
export const ACTION_ORDER = [
  'remove_secret_request',
  'remove_secret',
  'hide_post',
  'advise_block_card',
  'advise_change_secret',
  'contact_customer_privately',
  'move_to_private_channel',
  'verify_identity',
  'do_not_copy',
] as const;
export type Action = (typeof ACTION_ORDER)[number];

/** The tenant's own identifiers, which never block (stored normalised). */
export interface AllowList {
  phones: string[];
  ibans: string[];
  emails: string[];
  emailDomains: string[];
}

/** Per-language replacements of the customer-facing texts; `{brand}` and `{link}` are filled in. */
export type Wording = Partial<
  Record<Locale, { privateChannelMessage?: string; customerNotice?: string }>
>;

/** One tenant's policy as evaluated; stored as immutable versions. */
export interface TenantPolicy {
  tenant: string;
  version: number;
  mode: Mode;
  allowList: AllowList;
  brand?: string | undefined;
  privateChannelLink?: string | undefined;
  defaultRegion?: string | undefined;
  wording?: Wording | undefined;
  /** How long audit events are kept; without it, for ever. */
  retentionDays?: number | undefined;
  /** The tenant's own standard texts (fraud warnings, advice) that never count as asking for a secret. */
  safeTexts?: string[] | undefined;
  /** Who may assert a customer's identity; without one, no private channel counts as identified. */
  identityProvider?: IdentityProvider | undefined;
  /** The tenant's own kinds of personal data (compile-policy.ts compiles them once per version). */
  customKinds?: StoredPolicy['customKinds'];
  /** Built-in kinds switched off, monitored, thresholds, context words; allow and deny entries. */
  tuning?: StoredPolicy['tuning'];
}

/** The policy a tenant has until it stores one. */
export function defaultPolicy(tenant: string): TenantPolicy {
  return {
    tenant,
    version: 0,
    mode: 'enforce',
    allowList: { phones: [], ibans: [], emails: [], emailDomains: [] },
  };
}

/** "demo@3": the tenant and version a decision was made under. */
export function policyVersionLabel(policy: TenantPolicy): string {
  return `${policy.tenant}@${policy.version}`;
}

/** How a tenant's identity provider is trusted: its key set (inline or a URL), issuer and audience. */
export interface IdentityProvider {
  issuer: string;
  audience: string;
  jwks?: { keys: JWK[] } | undefined;
  jwksUrl?: string | undefined;
}

/** How the customer's identity stands for this message. */
export type IdentityStatus =
  | {
      status: 'verified';
      issuer: string;
      subject: string;
      keyId?: string | undefined;
      tokenId?: string | undefined;
    }
  | { status: 'absent' }
  | { status: 'rejected'; reason: string };
