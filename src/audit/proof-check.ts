import type { JWK } from 'jose';
import { readHeld } from './held.ts';
import type { Proof } from './held.ts';
import { leafHash } from './merkle.ts';
import { verifyConsistency, verifyInclusion } from './merkle-proof.ts';
import { readTreeHead } from './tree-head.ts';

const hexes = (list: unknown): Buffer[] | null =>
  Array.isArray(list) && list.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))
    ? list.map((h) => Buffer.from(h as string, 'hex'))
    : null;

/**
 * Checks, without the service or its database, what POST /v1/audit/verify answered about a
 * checkpoint or receipt someone holds: both signatures against the published keys (which
 * the holder should have pinned), and the RFC 6962 proofs between the held tree head and
 * the log's newer one. Returns the problems found; none means the log held it then.
 */
export function checkProof(
  held: { kind: 'checkpoint' | 'receipt'; jws: string },
  proof: Proof,
  keys: readonly JWK[],
): string[] {
  const problems: string[] = [];
  const h = readHeld(held.kind, held.jws, keys);
  if (!h) return [`the ${held.kind} is not signed by any of the given keys`];
  const current = proof.current?.jws ? readTreeHead(proof.current.jws, keys) : null;
  if (!current) return ['the current tree head is not signed by any of the given keys'];
  const tenant = h.kind === 'receipt' ? h.receipt.tenant : h.head.tenant;
  if (current.tenant !== tenant || proof.tenant !== tenant)
    problems.push('the proof is for another tenant');
  if (
    current.root !== proof.current.root ||
    current.treeSize !== proof.current.treeSize ||
    current.seq !== proof.current.seq
  )
    problems.push('the proof misstates the signed current tree head');
  const target = h.kind === 'receipt' ? h.receipt.treeHead : h.head;
  if (!target || target.root === undefined || target.treeSize === undefined)
    return [...problems, `the ${held.kind} carries no tree head: nothing to prove offline`];
  if (
    target.root !== proof.held.root ||
    target.treeSize !== proof.held.treeSize ||
    target.seq !== proof.held.seq
  )
    problems.push(`the proof is not about the ${held.kind} given`);
  const consistency = hexes(proof.consistency);
  if (
    !consistency ||
    !verifyConsistency(
      target.treeSize,
      current.treeSize ?? -1,
      Buffer.from(target.root, 'hex'),
      Buffer.from(current.root ?? '', 'hex'),
      consistency,
    )
  ) {
    problems.push(
      `the log's current tree does not extend the ${held.kind}'s (consistency proof fails)`,
    );
  }
  if (h.kind === 'receipt') {
    const inc = proof.inclusion;
    const path = hexes(inc?.path);
    const leaf = h.receipt.seq - proof.treeFrom - 1;
    if (
      !inc ||
      !path ||
      inc.leafIndex !== leaf ||
      inc.eventHash !== h.receipt.hash ||
      !verifyInclusion(
        leaf,
        target.treeSize,
        leafHash(h.receipt.hash),
        path,
        Buffer.from(target.root, 'hex'),
      )
    ) {
      problems.push("the receipt's event is not in its batch's tree (inclusion proof fails)");
    }
  }
  return problems;
}
