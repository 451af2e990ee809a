import { createHash } from 'node:crypto';
import type { AuditEventRow } from '../db/schema/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { hashedFields } from './event-fields.ts';

/** The previous hash of a tenant's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields an event's hash covers: those its hash version covers (EVENT_FIELDS), by name,
 * dates as ISO strings, as canonical JSON (keys sorted). A field added later is hashed from a
 * new version on; events written before it keep their version, and so their hash. The
 * top-level object is written straight from the version's field list, sorted once, rather
 * than built and sorted for every event (canonicalJson would give the same text).
 */
export function hashedContent(row: Omit<AuditEventRow, 'hash'>): string {
  let out = '{';
  for (const [field, key] of sortedFields(row.hashVersion)) {
    const value = row[field as keyof typeof row];
    if (value === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${key}:${canonicalJson(value instanceof Date ? value.toISOString() : value)}`;
  }
  return `${out}}`;
}

/** A hash version's fields in canonical key order, each with its name as JSON. */
function sortedFields(version: number): ReadonlyArray<readonly [string, string]> {
  let list = sortedByVersion.get(version);
  if (!list) {
    list = [...hashedFields(version)].sort().map((f) => [f, JSON.stringify(f)] as const);
    sortedByVersion.set(version, list);
  }
  return list;
}
const sortedByVersion = new Map<number, ReadonlyArray<readonly [string, string]>>();

/** SHA-256 over the previous hash and the event's canonical content: each event seals the one before. */
export function eventHash(row: Omit<AuditEventRow, 'hash'>): string {
  return createHash('sha256')
    .update(row.prevHash)
    .update('\n')
    .update(hashedContent(row))
    .digest('hex');
}
