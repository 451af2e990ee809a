import { and, asc, eq, gt } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { Database } from '../db/client.ts';
import { auditChainHeads, auditCheckpoints, auditEvents } from '../db/schema/index.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';
import { readCheckpoint } from './checkpoint.ts';

/** The outcome of walking a tenant's chain. */
export type ChainReport =
  | { ok: true; events: number; head: string; from: number; checkpoints: number }
  | { ok: false; events: number; brokenAt: { seq: number; id: string | null; reason: string } };

const PAGE = 1000;

/**
 * Walks the tenant's chain in the database, recomputing every hash: an edited row, a
 * removed row (a gap in seq), a reordered row (a broken link), a head that does not match
 * the last event, and a signed checkpoint the chain no longer passes through are all named
 * with the first place it breaks. After a retention purge the walk starts at the signed
 * checkpoint the purge left.
 */
export async function verifyChain(db: Database, tenant: string, servicePublicJwks: readonly JWK[]): Promise<ChainReport> {
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.tenant, tenant));
  const baseSeq = head?.baseSeq ?? 0;
  const baseHash = head?.baseHash ?? GENESIS_HASH;
  const checkpoints = new Map<number, string>();
  for (const cp of await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.tenant, tenant))) {
    const claim = await readCheckpoint(cp.jws, servicePublicJwks);
    if (!claim || claim.tenant !== tenant || claim.seq !== cp.seq || claim.hash !== cp.hash) {
      return { ok: false, events: 0, brokenAt: { seq: cp.seq, id: null, reason: 'checkpoint signature does not verify' } };
    }
    checkpoints.set(cp.seq, cp.hash);
  }
  if (baseSeq > 0 && checkpoints.get(baseSeq) !== baseHash) {
    return { ok: false, events: 0, brokenAt: { seq: baseSeq, id: null, reason: 'the purge boundary has no matching signed checkpoint' } };
  }

  let expectedSeq = baseSeq + 1;
  let prevHash = baseHash;
  let count = 0;
  let verified = 0;
  let after = baseSeq;
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
      const signed = checkpoints.get(row.seq);
      if (signed !== undefined) {
        if (signed !== hash) return { ok: false, events: count, brokenAt: { seq: row.seq, id: row.id, reason: 'differs from the signed checkpoint' } };
        verified++;
      }
      prevHash = hash;
      expectedSeq++;
      count++;
      after = row.seq;
    }
    if (rows.length < PAGE) break;
  }
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq !== baseSeq + count || headHash !== prevHash) {
    return { ok: false, events: count, brokenAt: { seq: baseSeq + count + 1, id: null, reason: `the chain head says ${headSeq} events; events after ${baseSeq + count} are missing` } };
  }
  return { ok: true, events: count, head: prevHash, from: baseSeq, checkpoints: verified };
}
