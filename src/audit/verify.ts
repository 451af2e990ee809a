import { eq } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { SigningKey } from '../auth/keys.ts';
import type { Clock } from '../clock.ts';
import type { Database, DatabaseHandle } from '../db/client.ts';
import { auditChainHeads } from '../db/schema/index.ts';
import { checkAnchors, type AnchorReport } from './anchors.ts';
import { MAX_BREAKS, treeOrigin, walkChain, type Break } from './chain-walk.ts';
import { judge, planFor, type Held, type HeldVerdict } from './held.ts';

/** The outcome of verifying a tenant's log. `brokenAt` is the first of `breaks` (API.md's shape). */
export interface ChainReport {
  ok: boolean;
  events: number;
  head: string;
  from: number;
  checkpoints: number;
  seals: number;
  tree: { treeFrom: number; treeSize: number; root: string } | null;
  breaks: Break[];
  breakCount: number;
  brokenAt?: Break;
  anchors: AnchorReport;
  /** Each held item (a checkpoint or receipt an officer gave, the witness's newest checkpoint and any older one the log lost) judged, with its proofs. */
  held: HeldVerdict[];
}

/** What verification is given besides the database: published keys, held items, the signing key for a fresh tree head. */
export interface VerifyOptions {
  keys: readonly JWK[];
  held?: Held[];
  signing?: { key: SigningKey; clock: Clock };
}

/**
 * Verifies a tenant's log from one snapshot of the database (REPEATABLE READ, read only:
 * appends that commit meanwhile are not half seen), and judges the held items against it:
 * the chain and its tree, the checkpoints and seals, the reviews and policy versions
 * recorded in it, and whether each held checkpoint or receipt is still in the log.
 */
export async function verifyLog(
  database: DatabaseHandle,
  tenant: string,
  options: VerifyOptions,
): Promise<ChainReport> {
  return database.snapshot((db) => verifyIn(db, tenant, options));
}

async function verifyIn(
  db: Database,
  tenant: string,
  options: VerifyOptions,
): Promise<ChainReport> {
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.tenant, tenant));
  let treeFrom = 0;
  try {
    treeFrom = treeOrigin({
      treeFrom: head?.treeFrom ?? 0,
      baseSeq: head?.baseSeq ?? 0,
      baseFrontier: head?.baseFrontier ?? '',
    }).treeFrom;
  } catch {
    // the walk reports it
  }
  const held = options.held ?? [];
  const size = Math.max(0, (head?.seq ?? 0) - treeFrom);
  // of the witness's checkpoints the newest is proven; every older one is compared with the
  // log at its seq (a few thousand a day: their proofs would make the answer large) and
  // listed only when the log no longer holds it
  const witnessSeqs = held.flatMap((h) => (h.kind === 'witness' ? [h.head.seq] : []));
  const newestWitness = witnessSeqs.length ? Math.max(...witnessSeqs) : null;
  const proven = held.map((h) => h.kind !== 'witness' || h.head.seq === newestWitness);
  const plans = held.map((h, i) => planFor(h, treeFrom, size, proven[i]));
  const walk = await walkChain(db, tenant, options.keys, {
    ranges: plans.flatMap((p) => p.ranges),
    at: plans.flatMap((p) => p.at),
  });
  const breaks = walk.breaks;
  let breakCount = walk.breakCount;
  const broken = (b: Break) => {
    breakCount++;
    if (breaks.length < MAX_BREAKS) breaks.push(b);
  };
  const anchors = await checkAnchors(db, tenant, walk, broken);
  const verdicts: HeldVerdict[] = [];
  for (const [i, h] of held.entries()) {
    const tenantOf = h.kind === 'receipt' ? h.receipt.tenant : h.head.tenant;
    if (tenantOf !== tenant) continue; // the route refuses another tenant's before this
    const v = judge(
      h,
      walk,
      tenant,
      options.signing?.key,
      options.signing?.clock.now() ?? new Date(),
      proven[i],
    );
    const lost = v.verdict === 'truncated' || v.verdict === 'rewritten';
    if (proven[i] || lost) verdicts.push(v);
    if (lost)
      broken({
        seq: v.seq,
        id: null,
        reason: `${h.kind === 'witness' ? 'the witness' : 'a held'} ${h.kind === 'receipt' ? 'receipt' : 'checkpoint'}: ${v.reason}`,
      });
  }
  const root = walk.tree?.range.root().toString('hex');
  return {
    ok: breakCount === 0,
    events: walk.events,
    head: walk.headHash,
    from: walk.baseSeq,
    checkpoints: walk.checkpoints,
    seals: walk.seals,
    tree: walk.tree && root ? { treeFrom: walk.treeFrom, treeSize: walk.tree.size, root } : null,
    breaks,
    breakCount,
    ...(breaks[0] ? { brokenAt: breaks[0] } : {}),
    anchors,
    held: verdicts,
  };
}

/** The old entry point: the chain alone, the published keys given. */
export async function verifyChain(
  database: DatabaseHandle,
  tenant: string,
  keys: readonly JWK[],
): Promise<ChainReport> {
  return verifyLog(database, tenant, { keys });
}
