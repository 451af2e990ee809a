import { createHash } from 'node:crypto';
import type { AuditEventRow } from '../db/schema/index.ts';
import { canonicalJson } from './canonical-json.ts';

/** The previous hash of a tenant's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields an event's hash covers: every stored column but the hash itself, listed by
 * name on purpose — a column added by a later migration must not change the hash of
 * events written before it (they would all fail verification).
 */
export function hashedContent(row: Omit<AuditEventRow, 'hash'>): Record<string, unknown> {
  return {
    id: row.id,
    tenant: row.tenant,
    seq: row.seq,
    createdAt: row.createdAt.toISOString(),
    type: row.type,
    direction: row.direction,
    visibility: row.visibility,
    platform: row.platform,
    decision: row.decision,
    wouldBlock: row.wouldBlock,
    mode: row.mode,
    policyVersion: row.policyVersion,
    rules: row.rules,
    kinds: row.kinds,
    findings: row.findings,
    actions: row.actions,
    locale: row.locale,
    agentId: row.agentId,
    customerFp: row.customerFp,
    threadId: row.threadId,
    postId: row.postId,
    identity: row.identity,
    details: row.details,
    linkedEventId: row.linkedEventId,
    idempotencyKey: row.idempotencyKey,
    requestFp: row.requestFp,
    hmacKeyId: row.hmacKeyId,
    prevHash: row.prevHash,
  };
}

/** SHA-256 over the previous hash and the event's canonical content: each event seals the one before. */
export function eventHash(row: Omit<AuditEventRow, 'hash'>): string {
  return createHash('sha256').update(row.prevHash).update('\n').update(canonicalJson(hashedContent(row))).digest('hex');
}
