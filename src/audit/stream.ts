import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditEvents, type AuditEventRow } from '../db/schema/index.ts';

/**
 * A tenant's events after `after`, in chain order, at most `limit`. The chain is committed
 * in seq order under the head's lock, so what a read sees is a prefix of it: reading on from
 * the last seq seen never skips an event, whichever replica committed it (docs/sinks.md).
 */
export function eventsAfter(
  db: Database,
  tenant: string,
  after: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenant, tenant), gt(auditEvents.seq, after)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}
