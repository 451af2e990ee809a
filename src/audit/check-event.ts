import { createHmac } from 'node:crypto';
import type { InternalFinding } from '../detectors/index.ts';
import type { Evaluation } from '../policies/evaluate.ts';
import type { IdentityStatus, TenantPolicy } from '../policies/types.ts';
import { policyVersionLabel } from '../policies/types.ts';
import { fingerprint } from './fingerprint.ts';
import { ulid } from './ids.ts';
import type { EventDraft } from './writer.ts';

/** What the audit keeps of one check's request: channel, people by reference, never the text. */
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
  /** The request body as received; only its keyed fingerprint is stored (idempotency conflicts). */
  rawBody: string;
}

/** One finding as stored: kind, span, confidence, masked preview, keyed fingerprint. Never the value. */
export interface StoredFinding {
  kind: string;
  start: number;
  end: number;
  confidence: number;
  masked: string;
  fp: string | null;
  allowListed?: boolean;
}

function storedFinding(key: Buffer, f: InternalFinding, allowListed: boolean): StoredFinding {
  return {
    kind: f.kind,
    start: f.start,
    end: f.end,
    confidence: f.confidence,
    masked: f.masked,
    fp: fingerprint(key, f.kind, f.value),
    ...(allowListed ? { allowListed: true } : {}),
  };
}

function identityRecord(identity: IdentityStatus): Record<string, unknown> {
  switch (identity.status) {
    case 'verified':
      return { status: 'verified', issuer: identity.issuer, keyId: identity.keyId ?? null, tokenId: identity.tokenId ?? null };
    case 'rejected':
      return { status: 'rejected', reason: identity.reason };
    default:
      return { status: 'absent' };
  }
}

/**
 * Builds the audit event of a check from its findings and decision. The raw text and raw
 * values are not parameters of anything stored here except through `fingerprint`.
 */
export function buildCheckEvent(
  ctx: CheckContext,
  evaluation: Evaluation,
  findings: readonly InternalFinding[],
  identity: IdentityStatus,
  policy: TenantPolicy,
  hmac: { key: Buffer; id: string },
  now: Date,
): EventDraft {
  const allowListed = new Set(evaluation.allowListed);
  return {
    id: ulid(now),
    tenant: ctx.tenant,
    createdAt: now,
    type: 'check',
    direction: ctx.direction,
    visibility: ctx.visibility,
    platform: ctx.platform,
    decision: evaluation.decision,
    wouldBlock: evaluation.wouldBlock,
    mode: policy.mode,
    policyVersion: policyVersionLabel(policy),
    rules: evaluation.violations.map((v) => v.rule),
    kinds: [...new Set(findings.map((f) => f.kind))],
    findings: findings.map((f) => storedFinding(hmac.key, f, allowListed.has(f))),
    actions: evaluation.actions,
    locale: ctx.locale,
    agentId: ctx.agentId ?? null,
    customerFp: ctx.customerId ? fingerprint(hmac.key, 'customer', ctx.customerId) : null,
    threadId: ctx.threadId ?? null,
    postId: ctx.postId ?? null,
    identity: identityRecord(identity),
    details: { effectiveDecision: evaluation.effectiveDecision, urgent: evaluation.urgent, overridable: evaluation.overridable },
    linkedEventId: null,
    idempotencyKey: ctx.idempotencyKey ?? null,
    requestFp: ctx.idempotencyKey ? createHmac('sha256', hmac.key).update(ctx.rawBody).digest('base64url').slice(0, 22) : null,
    hmacKeyId: hmac.id,
  };
}
