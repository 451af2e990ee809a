import type { CompactRange } from './merkle.ts';

const key = (a: number, b: number) => `${a}:${b}`;

/**
 * Walks a tree leaf by leaf, as the chain is read from the database page by page, and keeps
 * the hashes of the node ranges it was asked for (those of an inclusion or consistency
 * proof): a perfect subtree when the merge that creates it happens, a range on the right
 * edge (which ends where a tree ends) from the compact range at that size. Memory: the
 * compact range and the asked-for hashes, whatever the size of the tree.
 */
export class TreeWalk {
  readonly range: CompactRange;
  private readonly byEnd = new Map<number, Array<[number, number]>>();
  private readonly found = new Map<string, Buffer>();

  /** From `start` (the empty tree, or the compact range left at a retention boundary). */
  constructor(start: CompactRange, wanted: ReadonlyArray<[number, number]> = []) {
    this.range = start.clone();
    for (const node of start.subtrees)
      this.found.set(key(node.start, node.start + node.width), node.hash);
    for (const [a, b] of wanted) {
      if (this.found.has(key(a, b)) || b <= start.size) continue; // before the boundary: what is not kept is gone
      const list = this.byEnd.get(b) ?? [];
      list.push([a, b]);
      this.byEnd.set(b, list);
    }
  }

  get size(): number {
    return this.range.size;
  }

  /** Appends a leaf hash, keeping any asked-for range that ends with it. */
  push(leaf: Buffer): void {
    const ends = this.byEnd.get(this.range.size + 1);
    if (!ends) {
      this.range.push(leaf);
      return;
    }
    const created = new Map<number, Buffer>();
    this.range.push(leaf, (start, _width, hash) => created.set(start, hash));
    for (const [a, b] of ends) {
      const hash = created.get(a) ?? this.range.rootFrom(a);
      if (hash) this.found.set(key(a, b), hash);
    }
  }

  /** The hash of the node range [a, b), if it was asked for and reached (or kept at the start). */
  hash(a: number, b: number): Buffer | undefined {
    return this.found.get(key(a, b));
  }
}
