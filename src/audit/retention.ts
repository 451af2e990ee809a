import type { SigningKey } from '../auth/keys.ts';
import type { Clock } from '../clock.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { walkChain } from './chain-walk.ts';
import { type PurgeEvent, toDraft } from './events.ts';
import { publishedKeys } from './service-keys.ts';
import { signTreeHead, type TreeHead } from './tree-head.ts';
import type { AuditWriter } from './writer.ts';

/** Another replica purged this range meanwhile: the transaction is rolled back, event and all. */
class PurgedMeanwhile extends Error {}

/** What a purge did. */
export type PurgeResult =
  | { purged: 0; reason: string }
  | { purged: number; through: number; checkpointHash: string; eventId: string };

/** What a purge needs from the running service. */
export interface PurgeDeps {
  database: DatabaseHandle;
  writer: AuditWriter;
  key: SigningKey;
  clock: Clock;
}

/**
 * Removes a tenant's events older than `cutoff` as one whole range from the start of the
 * chain. The chain is walked first (a broken chain is evidence and is not purged), which
 * also gives the tree's compact range at the boundary; the boundary's tree head is kept as a
 * signed checkpoint, the head records the boundary and its compact range (the tree goes on
 * from it, and proofs from checkpoints after it still hold), and the purge itself is
 * appended to the chain as an event in the same transaction.
 */
export async function purgeBefore(
  deps: PurgeDeps,
  tenant: string,
  cutoff: Date,
  by: string,
): Promise<PurgeResult> {
  const { database } = deps;
  const [boundary] = await database.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_events WHERE tenant = $1 AND created_at < $2 ORDER BY seq DESC LIMIT 1',
    [tenant, cutoff.toISOString()],
  );
  if (!boundary) return { purged: 0, reason: 'nothing older than the cutoff' };
  const through = Number(boundary.seq);
  const keys = await publishedKeys(database.db, deps.key);
  const walk = await database.snapshot((db) =>
    walkChain(db, tenant, keys, { at: [through], rangeAt: through }),
  );
  if (walk.breakCount > 0)
    return { purged: 0, reason: `chain broken at ${walk.breaks[0]?.seq ?? '?'}: not purged` };
  const at = walk.at.get(through);
  if (!at || at.hash !== boundary.hash) return { purged: 0, reason: 'already purged' };
  // the compact range at the boundary, which the tree goes on from
  const range = walk.rangeAt;
  if (!range || range.size !== through - walk.treeFrom)
    return { purged: 0, reason: 'the tree cannot be kept at the boundary: not purged' };
  const now = deps.clock.now();
  const root = range.root().toString('hex');
  const head: TreeHead = {
    tenant,
    seq: through,
    hash: boundary.hash,
    createdAt: now.toISOString(),
    root,
    treeSize: range.size,
  };
  const jws = signTreeHead(deps.key, head);
  // events stay put until a purge removes them, so this count holds unless another purge
  // ran meanwhile — which the locked head's base shows, and then nothing is done
  const [counted] = await database.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM audit_events WHERE tenant = $1 AND seq <= $2::text::bigint',
    [tenant, String(through)],
  );
  const purged = Number(counted?.n ?? 0);
  const event: PurgeEvent = {
    type: 'purge',
    actor: by === 'retention' ? { kind: 'service', id: 'retention' } : { kind: 'person', id: by },
    details: {
      purgedThrough: through,
      purgedEvents: purged,
      cutoff: cutoff.toISOString(),
      checkpointHash: boundary.hash,
      checkpointRoot: root,
    },
  };
  let row: { id: string };
  try {
    // the purge and its event in one transaction, with the chain's head locked: neither
    // exists without the other, and no append or other purge runs in between
    ({ row } = await deps.writer.appendWith(toDraft(tenant, now, event), async (q) => {
      const [locked] = await q<{ base_seq: string | number }>(
        'SELECT base_seq FROM audit_chain_heads WHERE tenant = $1',
        [tenant],
      );
      if (!locked || Number(locked.base_seq) >= through) throw new PurgedMeanwhile();
      await q(
        'INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws, root) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
        [tenant, through, boundary.hash, now.toISOString(), jws, root],
      );
      // the one way past the append-only trigger and the grants: the owner's purge function,
      // which removes reviews and events through the checkpointed boundary and moves the base
      const [removed] = await q<{ removed: number | string }>(
        'SELECT sargas_purge($1, $2::text::bigint) AS removed',
        [tenant, String(through)],
      );
      if (Number(removed?.removed ?? 0) !== purged) throw new PurgedMeanwhile();
      await q(
        'UPDATE audit_chain_heads SET base_frontier = $1, tree_from = $2::text::bigint WHERE tenant = $3 AND base_seq = $4::text::bigint',
        [range.serialize(), String(walk.treeFrom), tenant, String(through)],
      );
    }));
  } catch (err) {
    if (err instanceof PurgedMeanwhile) return { purged: 0, reason: 'already purged' };
    throw err;
  }
  return { purged, through, checkpointHash: boundary.hash, eventId: row.id };
}

/** Applies every tenant's retention period once (main.ts runs this on a timer). */
export async function sweepRetention(
  deps: PurgeDeps,
  periods: Array<{ tenant: string; days: number }>,
): Promise<Array<{ tenant: string; result: PurgeResult }>> {
  const out: Array<{ tenant: string; result: PurgeResult }> = [];
  for (const { tenant, days } of periods) {
    const cutoff = new Date(deps.clock.now().getTime() - days * 86_400_000);
    out.push({ tenant, result: await purgeBefore(deps, tenant, cutoff, 'retention') });
  }
  return out;
}
