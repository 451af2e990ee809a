import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditChainHeads, auditEvents } from '../db/schema/index.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';

/** The outcome of walking a tenant's chain. */
export type ChainReport =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: { seq: number; id: string | null; reason: string } };

const PAGE = 1000;

/**
 * Walks the tenant's chain in the database from the first event, recomputing every hash:
 * an edited row, a removed row (a gap in seq), a reordered row (a broken link) and a
 * head that does not match the last event are all named with the first place it breaks.
 */
export async function verifyChain(db: Database, tenant: string): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenant, tenant), gt(auditEvents.seq, after)))
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, events: count, brokenAt: { seq: expectedSeq, id: null, reason: `event ${expectedSeq} is missing` } };
      if (row.prevHash !== prevHash) return { ok: false, events: count, brokenAt: { seq: row.seq, id: row.id, reason: 'does not link to the event before it' } };
      const { hash, ...rest } = row;
      if (eventHash(rest) !== hash) return { ok: false, events: count, brokenAt: { seq: row.seq, id: row.id, reason: 'content does not match its hash' } };
      prevHash = hash;
      expectedSeq++;
      count++;
      after = row.seq;
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.tenant, tenant));
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq !== count || headHash !== prevHash) {
    return { ok: false, events: count, brokenAt: { seq: count + 1, id: null, reason: `the chain head says ${headSeq} events; events after ${count} are missing` } };
  }
  return { ok: true, events: count, head: prevHash };
}
