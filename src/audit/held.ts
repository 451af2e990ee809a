import type { JWK } from 'jose';
import type { SigningKey } from '../auth/keys.ts';
import type { Walk } from './chain-walk.ts';
import { consistencyRanges, inclusionRanges } from './merkle.ts';
import { RECEIPT_TYPE, type ReceiptClaim } from './receipt.ts';
import { readSigned, readTreeHead, signTreeHead, type TreeHead } from './tree-head.ts';

/** Something held outside the database: a checkpoint (from a witness or an officer) or a receipt. */
export type Held =
  | { kind: 'checkpoint' | 'witness'; head: TreeHead }
  | { kind: 'receipt'; receipt: ReceiptClaim };

/** What the log says of it, with the proofs to check that offline (sargas verify-proof). */
export interface HeldVerdict {
  kind: Held['kind'];
  seq: number;
  verdict: 'contained' | 'truncated' | 'rewritten' | 'before_retention' | 'unproven';
  reason: string;
  proof?: Proof;
}

/** RFC 6962 proofs between what is held and the log's current tree head, all hex. */
export interface Proof {
  tenant: string;
  treeFrom: number;
  /** The tree the held item names: for a receipt, its batch's tree head. */
  held: { seq: number; treeSize: number; root: string };
  /** The log's tree head now, freshly signed. */
  current: { seq: number; treeSize: number; root: string; hash: string; jws?: string };
  consistency: string[];
  inclusion?: { leafIndex: number; treeSize: number; eventHash: string; path: string[] };
}

/** A held JWS, if the service signed it: a checkpoint (tree head) or a receipt. */
export function readHeld(
  kind: 'checkpoint' | 'receipt' | 'witness',
  jws: string,
  keys: readonly JWK[],
): Held | null {
  if (kind === 'receipt') {
    const r = readSigned<ReceiptClaim>(jws, RECEIPT_TYPE, keys);
    return r &&
      typeof r.tenant === 'string' &&
      Number.isSafeInteger(r.seq) &&
      typeof r.hash === 'string'
      ? { kind, receipt: r }
      : null;
  }
  const head = readTreeHead(jws, keys);
  return head ? { kind, head } : null;
}

/** The tree head a held item is about (for a receipt: its batch's), and the event of a receipt. */
function target(held: Held): {
  seq: number;
  hash: string;
  treeSize?: number | undefined;
  root?: string | undefined;
  event?: { seq: number; hash: string };
} {
  if (held.kind !== 'receipt') return held.head;
  const r = held.receipt;
  return r.treeHead
    ? { ...r.treeHead, event: { seq: r.seq, hash: r.hash } }
    : { seq: r.seq, hash: r.hash, event: { seq: r.seq, hash: r.hash } };
}

/**
 * The node ranges and seqs a walk must keep to judge `held` against a tree of `size` leaves
 * from `treeFrom`; without `proof`, only the seqs (the held item is compared, not proven).
 */
export function planFor(
  held: Held,
  treeFrom: number,
  size: number,
  proof = true,
): { ranges: Array<[number, number]>; at: number[] } {
  const t = target(held);
  const at = [t.seq, ...(t.event ? [t.event.seq] : [])];
  const m = t.seq - treeFrom;
  if (!proof || t.root === undefined || m < 0 || m > size || t.treeSize !== m)
    return { ranges: [], at };
  const ranges = consistencyRanges(m, size);
  if (t.event) {
    const leaf = t.event.seq - treeFrom - 1;
    if (leaf >= 0 && leaf < m) ranges.push(...inclusionRanges(leaf, m));
  }
  return { ranges, at };
}

/**
 * Judges a held item against the walk: the log still holds it when its tree head (seq,
 * chain hash, root) is what the log computes at that seq, and has only grown since when the
 * current tree extends it (the consistency proof returned; without `prove`, as `planFor`
 * planned without `proof`, the comparison alone). Anything else is named.
 */
export function judge(
  held: Held,
  walk: Walk,
  tenant: string,
  key: SigningKey | undefined,
  now: Date,
  prove = true,
): HeldVerdict {
  const t = target(held);
  const seq = held.kind === 'receipt' ? held.receipt.seq : held.head.seq;
  const verdict = (v: HeldVerdict['verdict'], reason: string, proof?: Proof): HeldVerdict => ({
    kind: held.kind,
    seq,
    verdict: v,
    reason,
    ...(proof ? { proof } : {}),
  });
  const lastSeq = walk.headSeq;
  if (t.seq > lastSeq || (t.event && t.event.seq > lastSeq))
    return verdict(
      'truncated',
      `the log ends at ${lastSeq}, before seq ${Math.max(t.seq, t.event?.seq ?? 0)} that this was signed for`,
    );
  if (t.seq < walk.baseSeq)
    return verdict(
      'before_retention',
      `seq ${t.seq} precedes the retention boundary at ${walk.baseSeq}; the events up to it were purged`,
    );
  const there = walk.at.get(t.seq);
  if (!there || there.hash !== t.hash)
    return verdict('rewritten', `the log's event ${t.seq} is not the one this was signed for`);
  if (t.event) {
    const event = walk.at.get(t.event.seq);
    if (!event || event.hash !== t.event.hash)
      return verdict(
        'rewritten',
        `the log's event ${t.event.seq} is not the one this receipt names`,
      );
  }
  if (t.root === undefined)
    return verdict(
      'unproven',
      'signed before the log kept a Merkle tree: the chain hash matches, no proof can be given',
    );
  if (there.root === null || !walk.tree)
    return verdict('unproven', 'the tree cannot be computed here (events are missing)');
  if (there.root !== t.root || t.treeSize !== t.seq - walk.treeFrom)
    return verdict('rewritten', `the log's tree at ${t.seq} is not the one this was signed for`);
  const size = walk.tree.size;
  const m = t.treeSize;
  if (!prove)
    return verdict('contained', `the log holds it (${m} of ${size} leaves); proven by the newest`);
  const hashes = (ranges: Array<[number, number]>) =>
    ranges.map(([a, b]) => walk.tree!.hash(a, b)?.toString('hex'));
  const consistency = hashes(consistencyRanges(m, size));
  const leaf = t.event ? t.event.seq - walk.treeFrom - 1 : -1;
  const inclusion = t.event && leaf >= 0 ? hashes(inclusionRanges(leaf, m)) : [];
  if ([...consistency, ...inclusion].some((h) => h === undefined))
    return verdict('unproven', 'part of the proof lies before the retention boundary');
  const root = walk.tree.range.root().toString('hex');
  const head: TreeHead = {
    tenant,
    seq: walk.headSeq,
    hash: walk.headHash,
    createdAt: now.toISOString(),
    root,
    treeSize: size,
  };
  const proof: Proof = {
    tenant,
    treeFrom: walk.treeFrom,
    held: { seq: t.seq, treeSize: m, root: t.root },
    current: {
      seq: walk.headSeq,
      treeSize: size,
      root,
      hash: walk.headHash,
      ...(key ? { jws: signTreeHead(key, head) } : {}),
    },
    consistency: consistency as string[],
    ...(t.event && leaf >= 0
      ? {
          inclusion: {
            leafIndex: leaf,
            treeSize: m,
            eventHash: t.event.hash,
            path: inclusion as string[],
          },
        }
      : {}),
  };
  return verdict(
    'contained',
    size === m
      ? 'the log is at this tree head'
      : `the log holds it and has only grown since (${m} → ${size} leaves)`,
    proof,
  );
}
