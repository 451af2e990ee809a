import { and, asc, eq, gt } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { Database } from '../db/client.ts';
import { auditChainHeads, auditCheckpoints, auditEvents } from '../db/schema/index.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';
import { CompactRange, leafHash } from './merkle.ts';
import { readTreeHead } from './tree-head.ts';
import { TreeWalk } from './tree-walk.ts';

/** One thing found wrong. `seq`/`id` say where, when that is known. */
export interface Break {
  seq: number | null;
  id: string | null;
  reason: string;
}

/** What a walk is asked to keep on the way: node ranges (proofs), tree roots and chain hashes at given seqs. */
export interface WalkRequest {
  ranges?: ReadonlyArray<[number, number]>;
  at?: readonly number[];
  /** A seq at which to keep a copy of the compact range (a retention boundary). */
  rangeAt?: number;
}

/** Everything a walk found, for verify and retention. */
export interface Walk {
  events: number;
  baseSeq: number;
  headSeq: number;
  headHash: string;
  treeFrom: number;
  /** The tree at the head (null past a gap: its leaves are missing). */
  tree: TreeWalk | null;
  checkpoints: number;
  seals: number;
  breaks: Break[];
  breakCount: number;
  /** Chain hash and tree root at the requested seqs (root null where the tree could not be computed). */
  at: Map<number, { hash: string; root: string | null }>;
  /** Review and policy events' anchors, by review id and policy version. */
  reviews: Map<string, { contentHash: string; eventSeq: number | null }>;
  policies: Map<number, string | null>;
  /** The compact range at `rangeAt`, when the walk got there with the tree whole. */
  rangeAt: CompactRange | null;
}

const PAGE = 1000;
/** Breaks listed in a report; the count says how many there were in all. */
export const MAX_BREAKS = 100;

/** Where a tenant's tree starts: after `treeFrom`, from the compact range a purge kept (if any). */
export function treeOrigin(h: { treeFrom: number; baseSeq: number; baseFrontier: string }): {
  treeFrom: number;
  start: CompactRange;
} {
  if (h.baseSeq > h.treeFrom && h.baseFrontier)
    return {
      treeFrom: h.treeFrom,
      start: CompactRange.parse(h.baseSeq - h.treeFrom, h.baseFrontier),
    };
  // purged before the tree existed: the tree starts at the boundary
  return { treeFrom: Math.max(h.treeFrom, h.baseSeq), start: new CompactRange() };
}

/**
 * Walks a tenant's chain as `db` sees it (verify passes a snapshot), recomputing every
 * event's hash and the Merkle tree over them, and checking the links, the seq order, the
 * signed checkpoints and batch seals against what it computes, and the head against the
 * last event. Everything wrong is listed (up to MAX_BREAKS, all counted), so an old break
 * cannot hide a later one: after an edited event the walk goes on from its stored hash,
 * after missing events from the next one there is.
 */
export async function walkChain(
  db: Database,
  tenant: string,
  keys: readonly JWK[],
  request: WalkRequest = {},
): Promise<Walk> {
  const breaks: Break[] = [];
  let breakCount = 0;
  const broken = (seq: number | null, id: string | null, reason: string) => {
    breakCount++;
    if (breaks.length < MAX_BREAKS) breaks.push({ seq, id, reason });
  };
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.tenant, tenant));
  const baseSeq = head?.baseSeq ?? 0;
  const baseHash = head?.baseHash ?? GENESIS_HASH;
  let origin: ReturnType<typeof treeOrigin>;
  try {
    origin = treeOrigin({
      treeFrom: head?.treeFrom ?? 0,
      baseSeq,
      baseFrontier: head?.baseFrontier ?? '',
    });
  } catch {
    broken(baseSeq, null, 'the tree kept at the retention boundary does not fit it');
    origin = { treeFrom: baseSeq, start: new CompactRange() };
  }
  const { treeFrom } = origin;
  const checkpoints = new Map<number, { hash: string; root: string | null }>();
  for (const cp of await db
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.tenant, tenant))) {
    const claim = readTreeHead(cp.jws, keys);
    if (
      !claim ||
      claim.tenant !== tenant ||
      claim.seq !== cp.seq ||
      claim.hash !== cp.hash ||
      (claim.root ?? null) !== (cp.root ?? null)
    ) {
      broken(cp.seq, null, 'checkpoint signature does not verify');
      continue;
    }
    checkpoints.set(cp.seq, { hash: cp.hash, root: cp.root ?? null });
  }
  if (baseSeq > 0) {
    const boundary = checkpoints.get(baseSeq);
    if (boundary?.hash !== baseHash)
      broken(baseSeq, null, 'the purge boundary has no matching signed checkpoint');
    else if (
      boundary.root &&
      origin.start.size > 0 &&
      origin.start.root().toString('hex') !== boundary.root
    )
      broken(
        baseSeq,
        null,
        'the tree kept at the retention boundary differs from its signed checkpoint',
      );
  }

  const wanted = new Set(request.at ?? []);
  const at = new Map<number, { hash: string; root: string | null }>();
  let tree: TreeWalk | null = new TreeWalk(origin.start, request.ranges ?? []);
  const reviews = new Map<string, { contentHash: string; eventSeq: number | null }>();
  const policies = new Map<number, string | null>();
  let expectedSeq = baseSeq + 1;
  let prevHash = baseHash;
  let count = 0;
  let verified = 0;
  let seals = 0;
  let firstSealed: number | null = null;
  let lastSealed = 0;
  let last = baseSeq;
  let rangeAt: CompactRange | null = null;
  for (let after = baseSeq; ; ) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenant, tenant), gt(auditEvents.seq, after)))
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    for (const row of rows) {
      const linked = row.seq === expectedSeq;
      if (!linked) {
        broken(
          expectedSeq,
          null,
          row.seq === expectedSeq + 1
            ? `event ${expectedSeq} is missing`
            : `events ${expectedSeq}–${row.seq - 1} are missing`,
        );
        if (tree) broken(expectedSeq, null, 'the tree cannot be computed past missing events');
        tree = null;
      } else if (row.prevHash !== prevHash)
        broken(row.seq, row.id, 'does not link to the event before it');
      const { hash, ...rest } = row;
      if (eventHash(rest) !== hash) broken(row.seq, row.id, 'content does not match its hash');
      tree?.push(leafHash(hash));
      const root = tree ? tree.range.root().toString('hex') : null;
      const signed = checkpoints.get(row.seq);
      if (signed) {
        if (signed.hash !== hash) broken(row.seq, row.id, 'differs from the signed checkpoint');
        else if (signed.root && root && signed.root !== root)
          broken(row.seq, row.id, 'the tree differs from the signed checkpoint');
        else verified++;
      }
      if (row.seal) {
        const claim = readTreeHead(row.seal, keys);
        if (!claim || claim.tenant !== tenant || claim.seq !== row.seq || claim.hash !== hash)
          broken(row.seq, row.id, 'its seal is not the service’s signature over it');
        else if (root && (claim.root !== root || claim.treeSize !== row.seq - treeFrom))
          broken(row.seq, row.id, 'the tree differs from its seal');
        else seals++;
        firstSealed ??= row.seq;
        lastSealed = row.seq;
      }
      if (wanted.has(row.seq)) at.set(row.seq, { hash, root });
      if (row.seq === request.rangeAt && tree) rangeAt = tree.range.clone();
      collectAnchor(row, reviews, policies);
      prevHash = hash;
      expectedSeq = row.seq + 1;
      last = row.seq;
      count++;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.seq;
  }
  // the boundary itself: its hash and the root of the tree kept there
  if (wanted.has(baseSeq) && baseSeq > 0)
    at.set(baseSeq, {
      hash: baseHash,
      root: baseSeq === treeFrom + origin.start.size ? origin.start.root().toString('hex') : null,
    });
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq !== last || headHash !== prevHash) {
    broken(
      last + 1,
      null,
      headSeq > last
        ? `the chain head says ${headSeq} events; events after ${last} are missing`
        : `the chain head is at ${headSeq}, behind its last event ${last}`,
    );
  }
  // a batch appended by the service ends in a sealed event; what follows the last seal was
  // added by something else (events of a chain that was never sealed predate the seals)
  if (firstSealed !== null && last > lastSealed)
    broken(lastSealed + 1, null, `events ${lastSealed + 1}–${last} are not sealed by the service`);
  if (
    tree &&
    head?.frontier &&
    tree.range.size === headSeq - treeFrom &&
    tree.range.serialize() !== head.frontier
  ) {
    broken(headSeq, null, 'the head’s tree does not match its events');
  }
  return {
    events: count,
    baseSeq,
    headSeq,
    headHash,
    treeFrom,
    tree,
    checkpoints: verified,
    seals,
    breaks,
    breakCount,
    at,
    reviews,
    policies,
    rangeAt,
  };
}

/** Review and policy events carry the content hash of what they record (src/audit/content-hash.ts). */
function collectAnchor(
  row: { type: string; id: string; details: Record<string, unknown> | null },
  reviews: Walk['reviews'],
  policies: Walk['policies'],
): void {
  const d = row.details ?? {};
  if (row.type === 'review' && typeof d.contentHash === 'string')
    reviews.set(row.id, {
      contentHash: d.contentHash,
      eventSeq: typeof d.eventSeq === 'number' ? d.eventSeq : null,
    });
  if (row.type === 'policy_change' && typeof d.version === 'number')
    policies.set(d.version, typeof d.policyHash === 'string' ? d.policyHash : null);
}
