import type { JWK } from 'jose';
import type { SigningKey } from '../auth/keys.ts';
import { readTreeHead, signTreeHead, type TreeHead } from './tree-head.ts';

/** What a checkpoint attests: a signed tree head (src/audit/tree-head.ts). */
export type CheckpointClaim = TreeHead;

/** Signs a checkpoint with the service's key (compact JWS, EdDSA). */
export function signCheckpoint(key: SigningKey, claim: CheckpointClaim): string {
  return signTreeHead(key, claim);
}

/**
 * The claim of a checkpoint whose signature verifies against the published key its header
 * names (`kid`: the service's key may have been rotated since), or null.
 */
export async function readCheckpoint(jws: string, publicJwks: readonly JWK[]): Promise<CheckpointClaim | null> {
  return readTreeHead(jws, publicJwks);
}
