import { createHash } from 'node:crypto';

// RFC 6962 / RFC 9162 Merkle tree hashing over a tenant's event hashes, as Certificate
// Transparency and Trillian do it: leaves and interior nodes hashed with different prefixes
// (0x00, 0x01), so a leaf can never pass for a node. Written here because the tree is
// walked from the database page by page (a compact range, never the whole tree in memory)
// and the npm packages found build the tree in memory from an array of leaves.

const sha256 = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = sha256();

/** A leaf's hash: SHA-256(0x00 || event hash). */
export function leafHash(eventHashHex: string): Buffer {
  return sha256(LEAF, Buffer.from(eventHashHex, 'hex'));
}

/** An interior node's hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(NODE, left, right);
}

/** The largest power of two strictly below `n` (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const popcount = (n: number) => {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
};

/**
 * The right edge of a tree of `size` leaves: the roots of its perfect subtrees, largest
 * first (one per set bit of `size`). Enough to append leaves and to compute the root, as
 * Trillian's compact ranges are; it is what the chain head stores.
 */
export class CompactRange {
  private readonly nodes: Array<{ start: number; width: number; hash: Buffer }> = [];
  private count = 0;

  /** A range of `size` leaves from its perfect subtrees' hashes, largest first; throws when they do not fit the size. */
  static of(size: number, hashes: readonly Buffer[]): CompactRange {
    if (hashes.length !== popcount(size))
      throw new Error(
        `a tree of ${size} leaves has ${popcount(size)} subtree roots, not ${hashes.length}`,
      );
    const range = new CompactRange();
    let start = 0;
    let k = 0;
    for (let width = 2 ** Math.floor(Math.log2(Math.max(size, 1))); width >= 1; width /= 2) {
      if (Math.floor(size / width) % 2 === 1) {
        range.nodes.push({ start, width, hash: hashes[k++]! });
        start += width;
      }
    }
    range.count = size;
    return range;
  }

  /** From the stored form: hex, 64 characters per subtree root. */
  static parse(size: number, hex: string): CompactRange {
    const hashes: Buffer[] = [];
    for (let i = 0; i < hex.length; i += 64) hashes.push(Buffer.from(hex.slice(i, i + 64), 'hex'));
    return CompactRange.of(size, hashes);
  }

  get size(): number {
    return this.count;
  }

  /** The subtree roots as stored. */
  serialize(): string {
    return this.nodes.map((n) => n.hash.toString('hex')).join('');
  }

  /** The perfect subtrees, largest first (start, width, hash). */
  get subtrees(): ReadonlyArray<{ start: number; width: number; hash: Buffer }> {
    return this.nodes;
  }

  clone(): CompactRange {
    const copy = new CompactRange();
    copy.nodes.push(...this.nodes.map((n) => ({ ...n })));
    copy.count = this.count;
    return copy;
  }

  /** Appends a leaf hash; `onNode` sees every node this creates (the leaf itself, then each merge). */
  push(leaf: Buffer, onNode?: (start: number, width: number, hash: Buffer) => void): void {
    let node = { start: this.count, width: 1, hash: leaf };
    onNode?.(node.start, node.width, node.hash);
    for (
      let top = this.nodes[this.nodes.length - 1];
      top && top.width === node.width;
      top = this.nodes[this.nodes.length - 1]
    ) {
      this.nodes.pop();
      node = { start: top.start, width: top.width * 2, hash: nodeHash(top.hash, node.hash) };
      onNode?.(node.start, node.width, node.hash);
    }
    this.nodes.push(node);
    this.count++;
  }

  /** The hash of [start, size): the subtrees from `start` on, folded right to left; null if `start` is not where one begins. */
  rootFrom(start: number): Buffer | null {
    const i = this.nodes.findIndex((n) => n.start === start);
    if (i < 0) return null;
    let hash = this.nodes[this.nodes.length - 1]!.hash;
    for (let k = this.nodes.length - 2; k >= i; k--) hash = nodeHash(this.nodes[k]!.hash, hash);
    return hash;
  }

  /** The tree's root (RFC 6962 MTH). */
  root(): Buffer {
    return this.count === 0 ? EMPTY_ROOT : (this.rootFrom(0) as Buffer);
  }
}

/** Node ranges [start, end) whose hashes make the inclusion proof of leaf `index` in a tree of `size` (RFC 6962 PATH), in proof order. */
export function inclusionRanges(index: number, size: number): Array<[number, number]> {
  const path = (m: number, a: number, b: number): Array<[number, number]> => {
    if (b - a <= 1) return [];
    const k = splitPoint(b - a);
    return m < k ? [...path(m, a, a + k), [a + k, b]] : [...path(m - k, a + k, b), [a, a + k]];
  };
  if (index < 0 || index >= size) throw new Error('leaf index outside the tree');
  return path(index, 0, size);
}

/** Node ranges whose hashes make the consistency proof from a tree of `from` leaves to one of `to` (RFC 6962 PROOF), in proof order. */
export function consistencyRanges(from: number, to: number): Array<[number, number]> {
  const sub = (m: number, a: number, b: number, whole: boolean): Array<[number, number]> => {
    if (m === b - a) return whole ? [] : [[a, b]];
    const k = splitPoint(b - a);
    return m <= k
      ? [...sub(m, a, a + k, whole), [a + k, b]]
      : [...sub(m - k, a + k, b, false), [a, a + k]];
  };
  if (from < 0 || from > to)
    throw new Error('a consistency proof goes from a smaller tree to a larger one');
  return from === 0 || from === to ? [] : sub(from, 0, to, true);
}
