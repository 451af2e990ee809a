import type { SigningKey } from '../auth/keys.ts';
import { signTreeHead, type TreeHead } from './tree-head.ts';

/** What a checkpoint attests: a signed tree head (src/audit/tree-head.ts). */
export type CheckpointClaim = TreeHead;

/** Signs a checkpoint with the service's key (compact JWS, EdDSA). */
export function signCheckpoint(key: SigningKey, claim: CheckpointClaim): string {
  return signTreeHead(key, claim);
}
