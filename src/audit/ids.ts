import { randomFillSync } from 'node:crypto';
import { ulid as makeUlid } from 'ulid';

// The ulid package draws one random byte per character through its own call into
// crypto; under load that showed as 4% of the check. Its documented PRNG hook takes
// a function returning [0, 1): we feed it from a pooled buffer of secure random bytes.
const pool = new Uint8Array(4096);
let at = pool.length;

function pooledRandom(): number {
  if (at >= pool.length) {
    randomFillSync(pool);
    at = 0;
  }
  return (pool[at++] as number) / 256;
}

/** A ULID for an event or review: sortable by creation time, unguessable. */
export function ulid(now: Date): string {
  return makeUlid(now.getTime(), pooledRandom);
}
