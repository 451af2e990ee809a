import { createHmac } from 'node:crypto';
import type { InternalFinding } from '../detectors/index.ts';
import type { Evaluation } from '../policies/evaluate.ts';
import type { IdentityStatus, TenantPolicy } from '../policies/types.ts';
import type { CheckEvent, StoredFinding } from './events.ts';

export type { StoredFinding };
import { fingerprint } from './fingerprint.ts';

/**
 * What the audit keeps of one check's request: channel, people by reference, and a keyed
 * fingerprint of the request (for idempotency conflicts) computed by the caller. Never the
 * text, never the body.
 */
export interface CheckContext {
  tenant: string;
  direction: 'inbound' | 'outbound';
  visibility: 'public' | 'private';
  platform: string;
  locale: string;
  agentId?: string | undefined;
  customerId?: string | undefined;
  threadId?: string | undefined;
  postId?: string | undefined;
  idempotencyKey?: string | undefined;
  /** The keyed fingerprint of the request as received, when an idempotency key makes it matter. */
  requestFp?: string | undefined;
}

function storedFinding(
  key: Buffer,
  f: InternalFinding,
  allowListed: boolean,
  monitored: boolean,
): StoredFinding {
  return {
    kind: f.kind,
    start: f.start,
    end: f.end,
    confidence: f.confidence,
    masked: f.masked,
    fp: fingerprint(key, f.kind, f.value, f.facts),
    ...(allowListed ? { allowListed: true } : {}),
    ...(monitored ? { monitored: true } : {}),
  };
}

function identityRecord(identity: IdentityStatus): Record<string, unknown> {
  switch (identity.status) {
    case 'verified':
      return {
        status: 'verified',
        issuer: identity.issuer,
        keyId: identity.keyId ?? null,
        tokenId: identity.tokenId ?? null,
      };
    case 'rejected':
      return { status: 'rejected', reason: identity.reason };
    default:
      return { status: 'absent' };
  }
}

/** The keyed fingerprint of a request body: two retries under one key must be the same request. */
export function requestFingerprint(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);
}

/**
 * Builds the audit event of a check from its findings and decision. No text reaches it:
 * values only through `fingerprint` (keyed, and never for the kinds that must not have one).
 */
export function buildCheckEvent(
  ctx: CheckContext,
  /** The decision without its suggestion, which holds the message (redacted) and so is not the audit's. */
  evaluation: Omit<Evaluation, 'suggestion'>,
  findings: readonly InternalFinding[],
  identity: IdentityStatus,
  policy: TenantPolicy,
  hmac: { key: Buffer; id: string },
): CheckEvent {
  const allowListed = new Set(evaluation.allowListed);
  const monitored = new Set(evaluation.monitored);
  return {
    type: 'check',
    actor: { kind: 'agent', id: ctx.agentId ?? null },
    channel: {
      direction: ctx.direction,
      visibility: ctx.visibility,
      platform: ctx.platform,
      threadId: ctx.threadId ?? null,
      postId: ctx.postId ?? null,
    },
    decision: evaluation.decision,
    wouldBlock: evaluation.wouldBlock,
    mode: policy.mode,
    policyVersion: `${policy.tenant}@${policy.version}`,
    rules: evaluation.violations.map((v) => v.rule),
    kinds: [...new Set(findings.map((f) => f.kind))],
    findings: findings.map((f) => storedFinding(hmac.key, f, allowListed.has(f), monitored.has(f))),
    actions: evaluation.actions,
    locale: ctx.locale,
    customerFp: ctx.customerId ? fingerprint(hmac.key, 'customer', ctx.customerId) : null,
    identity: identityRecord(identity),
    details: {
      effectiveDecision: evaluation.effectiveDecision,
      urgent: evaluation.urgent,
      overridable: evaluation.overridable,
    },
    idempotencyKey: ctx.idempotencyKey ?? null,
    requestFp: ctx.idempotencyKey ? (ctx.requestFp ?? null) : null,
    hmacKeyId: hmac.id,
  };
}
