import type { SigningKey } from '../auth/keys.ts';
import { signTreeHead, type TreeHead } from './tree-head.ts';

/** What a checkpoint attests: a signed tree head (src/audit/tree-head.ts). */
export type CheckpointClaim = TreeHead;

/** Signs a checkpoint with the service's key (compact JWS, EdDSA). */
export function signCheckpoint(key: SigningKey, claim: CheckpointClaim): string {
  return signTreeHead(key, claim);
}

/** A stored checkpoint (audit_checkpoints). */
export interface CheckpointRow {
  tenant: string;
  seq: number;
  hash: string;
  root: string | null;
  createdAt: Date;
  jws: string;
}

/** A checkpoint row as the drivers give it back: seq may come as a string, the time as text. */
export interface RawCheckpointRow {
  tenant: string;
  seq: string | number;
  hash: string;
  root: string | null;
  created_at: Date | string;
  jws: string;
}

export function checkpointRow(r: RawCheckpointRow): CheckpointRow {
  return {
    tenant: r.tenant,
    seq: Number(r.seq),
    hash: r.hash,
    root: r.root,
    createdAt: new Date(r.created_at),
    jws: r.jws,
  };
}
