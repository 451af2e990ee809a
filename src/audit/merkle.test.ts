import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  consistencyRanges,
  EMPTY_ROOT,
  inclusionRanges,
  nodeHash,
  splitPoint,
} from './merkle.ts';
import { verifyConsistency, verifyInclusion } from './merkle-proof.ts';
import { TreeWalk } from './tree-walk.ts';

// Certificate Transparency's reference vectors (RFC 6962 test data, as the Go and C++
// implementations ship them): leaf inputs, the root of every prefix, some proofs.
const INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const LEAVES = INPUTS.map((h) =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(Buffer.from(h, 'hex'))
    .digest(),
);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION: Array<[number, number, string[]]> = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
];
const CONSISTENCY: Array<[number, number, string[]]> = [
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

/** RFC 6962's MTH, literally: the reference the streaming code is held to. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** Walks `leaves` (from a compact range at `base`) and returns the hashes of `ranges`. */
function walkProof(leaves: Buffer[], ranges: Array<[number, number]>, base = 0): Buffer[] {
  const start = new CompactRange();
  for (const l of leaves.slice(0, base)) start.push(l);
  const walk = new TreeWalk(CompactRange.parse(base, start.serialize()), ranges);
  for (const l of leaves.slice(base)) walk.push(l);
  return ranges.map(([a, b]) => {
    const h = walk.hash(a, b);
    if (!h) throw new Error(`range ${a}:${b} not reached`);
    return h;
  });
}

const hex = (bs: Buffer[]) => bs.map((b) => b.toString('hex'));

describe('RFC 6962 Merkle tree', () => {
  it('gives the reference root for every prefix', () => {
    const range = new CompactRange();
    expect(range.root().toString('hex')).toBe(ROOTS[0]);
    for (let n = 1; n <= 8; n++) {
      range.push(LEAVES[n - 1]!);
      expect(range.root().toString('hex'), `size ${n}`).toBe(ROOTS[n]);
      expect(CompactRange.parse(n, range.serialize()).root().toString('hex')).toBe(ROOTS[n]);
    }
  });

  it('builds the reference proofs while walking, and they verify', () => {
    for (const [index, size, proof] of INCLUSION) {
      const path = walkProof(LEAVES.slice(0, size), inclusionRanges(index, size));
      expect(hex(path)).toEqual(proof);
      expect(
        verifyInclusion(index, size, LEAVES[index]!, path, Buffer.from(ROOTS[size]!, 'hex')),
      ).toBe(true);
    }
    for (const [from, to, proof] of CONSISTENCY) {
      const path = walkProof(LEAVES.slice(0, to), consistencyRanges(from, to));
      expect(hex(path)).toEqual(proof);
      expect(
        verifyConsistency(
          from,
          to,
          Buffer.from(ROOTS[from]!, 'hex'),
          Buffer.from(ROOTS[to]!, 'hex'),
          path,
        ),
      ).toBe(true);
    }
  });

  it('for any tree: walked proofs verify, start from a kept boundary too, and any change fails them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (size, i, m, b, flip) => {
          const leaves = Array.from({ length: size }, (_, k) =>
            createHash('sha256').update(`leaf ${k}`).digest(),
          );
          const root = mth(leaves);
          const index = i % size;
          const from = m % (size + 1);
          const base = b % (Math.min(index, from) + 1); // a retention boundary at or before both
          const inclusion = walkProof(leaves, inclusionRanges(index, size), base);
          const consistency = walkProof(leaves, consistencyRanges(from, size), base);
          const fromRoot = mth(leaves.slice(0, from));
          expect(verifyInclusion(index, size, leaves[index]!, inclusion, root)).toBe(true);
          expect(verifyConsistency(from, size, fromRoot, root, consistency)).toBe(true);
          expect(
            verifyInclusion(index, size, leaves[(index + 1) % size]!, inclusion, root) && size > 1,
          ).toBe(false);
          if (inclusion.length > 0) {
            const bad = inclusion.map((h, k) =>
              k === flip % inclusion.length ? nodeHash(h, h) : h,
            );
            expect(verifyInclusion(index, size, leaves[index]!, bad, root)).toBe(false);
          }
          if (consistency.length > 0) {
            const bad = consistency.map((h, k) =>
              k === flip % consistency.length ? nodeHash(h, h) : h,
            );
            expect(verifyConsistency(from, size, fromRoot, root, bad)).toBe(false);
          }
          if (from > 0 && from < size)
            expect(
              verifyConsistency(from, size, nodeHash(fromRoot, fromRoot), root, consistency),
            ).toBe(false);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it('refuses a compact range whose subtree count does not fit its size', () => {
    expect(() => CompactRange.of(5, [LEAVES[0]!])).toThrow(/2 subtree roots/);
  });
});
