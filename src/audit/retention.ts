import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { SigningKey } from '../auth/keys.ts';
import type { Clock } from '../clock.ts';
import { executeRows, type Database } from '../db/client.ts';
import { auditChainHeads, auditCheckpoints, auditEvents } from '../db/schema/index.ts';
import { signCheckpoint } from './checkpoint.ts';
import { adminEvent } from './admin-event.ts';
import { publishedKeys } from './service-keys.ts';
import { verifyChain } from './verify.ts';
import type { AuditWriter } from './writer.ts';

/** What a purge did. */
export type PurgeResult =
  | { purged: 0; reason: string }
  | { purged: number; through: number; checkpointHash: string; eventId: string };

/**
 * Removes a tenant's events older than `cutoff` as one whole range from the start of the
 * chain. The chain is verified first (a broken chain is evidence and is not purged), the
 * last purged event's hash is kept as a signed checkpoint, the head records it as the new
 * base, and the purge itself is appended to the chain as an event.
 */
export async function purgeBefore(
  deps: { db: Database; writer: AuditWriter; key: SigningKey; clock: Clock },
  tenant: string,
  cutoff: Date,
  by: string,
): Promise<PurgeResult> {
  const { db } = deps;
  const report = await verifyChain(db, tenant, await publishedKeys(db, deps.key));
  if (!report.ok) return { purged: 0, reason: `chain broken at ${report.brokenAt.seq}: not purged` };
  const [boundary] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(and(eq(auditEvents.tenant, tenant), lt(auditEvents.createdAt, cutoff)))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  if (!boundary) return { purged: 0, reason: 'nothing older than the cutoff' };
  const now = deps.clock.now();
  const jws = signCheckpoint(deps.key, { tenant, seq: boundary.seq, hash: boundary.hash, createdAt: now.toISOString() });
  let purged = 0;
  await db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditChainHeads).where(eq(auditChainHeads.tenant, tenant)).for('update');
    if (!head || head.baseSeq >= boundary.seq) return; // another replica purged this range meanwhile
    await tx.insert(auditCheckpoints).values({ tenant, seq: boundary.seq, hash: boundary.hash, createdAt: now, jws }).onConflictDoNothing();
    // the one way past the append-only trigger and the grants: the owner's purge function,
    // which removes reviews and events through the checkpointed boundary and moves the base
    const [row] = await executeRows<{ removed: number | string }>(tx, sql`SELECT sargas_purge(${tenant}, ${boundary.seq}) AS removed`);
    purged = Number(row?.removed ?? 0);
  });
  if (purged === 0) return { purged: 0, reason: 'already purged' };
  const { row } = await deps.writer.append(
    adminEvent(tenant, 'purge', now, by, { purgedThrough: boundary.seq, purgedEvents: purged, cutoff: cutoff.toISOString(), checkpointHash: boundary.hash }),
  );
  return { purged, through: boundary.seq, checkpointHash: boundary.hash, eventId: row.id };
}

/** Applies every tenant's retention period once (main.ts runs this on a timer). */
export async function sweepRetention(
  deps: { db: Database; writer: AuditWriter; key: SigningKey; clock: Clock },
  periods: Array<{ tenant: string; days: number }>,
): Promise<Array<{ tenant: string; result: PurgeResult }>> {
  const out: Array<{ tenant: string; result: PurgeResult }> = [];
  for (const { tenant, days } of periods) {
    const cutoff = new Date(deps.clock.now().getTime() - days * 86_400_000);
    out.push({ tenant, result: await purgeBefore(deps, tenant, cutoff, 'retention') });
  }
  return out;
}
