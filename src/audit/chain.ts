import { createHash } from 'node:crypto';
import type { AuditEventRow } from '../db/schema/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { hashedFields } from './event-fields.ts';

/** The previous hash of a tenant's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields an event's hash covers: those its hash version covers (EVENT_FIELDS), by name and
 * in table order, dates as ISO strings. A field added later is hashed from a new version on;
 * events written before it keep their version, and so their hash.
 */
export function hashedContent(row: Omit<AuditEventRow, 'hash'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of hashedFields(row.hashVersion)) {
    const value = row[field as keyof typeof row];
    out[field] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** SHA-256 over the previous hash and the event's canonical content: each event seals the one before. */
export function eventHash(row: Omit<AuditEventRow, 'hash'>): string {
  return createHash('sha256')
    .update(row.prevHash)
    .update('\n')
    .update(canonicalJson(hashedContent(row)))
    .digest('hex');
}
