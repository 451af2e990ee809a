import { signCompact } from '../auth/jws.ts';
import type { SigningKey } from '../auth/keys.ts';
import type { AuditEventRow } from '../db/schema/index.ts';
import type { TreeHead } from './tree-head.ts';

/** The JWS type of receipts. */
export const RECEIPT_TYPE = 'sargas-receipt+jws';

/** What a receipt says: the decision, the event's place in the chain, and the tree head of its batch. */
export interface ReceiptClaim {
  tenant: string;
  event: string;
  seq: number;
  hash: string;
  decision: string | null;
  wouldBlock: boolean;
  policyVersion: string | null;
  rules: string[];
  iat: number;
  /** The signed tree head of the batch the event was committed in: enough for an inclusion proof in it. */
  treeHead?: { seq: number; treeSize: number; root: string; hash: string } | undefined;
}

/**
 * A compact JWS by the service's key over what was decided and where it sits in the
 * chain. Anyone holding /.well-known/jwks.json can check that Sargas said it, and with
 * POST /v1/audit/verify that the log still holds it.
 */
export function signReceipt(key: SigningKey, row: AuditEventRow, treeHead?: TreeHead): string {
  const claim: ReceiptClaim = {
    tenant: row.tenant,
    event: row.id,
    seq: row.seq,
    hash: row.hash,
    decision: row.decision,
    wouldBlock: row.wouldBlock,
    policyVersion: row.policyVersion,
    rules: row.rules,
    iat: Math.floor(row.createdAt.getTime() / 1000),
    ...(treeHead?.root !== undefined && treeHead.treeSize !== undefined
      ? {
          treeHead: {
            seq: treeHead.seq,
            treeSize: treeHead.treeSize,
            root: treeHead.root,
            hash: treeHead.hash,
          },
        }
      : {}),
  };
  return signCompact(key, RECEIPT_TYPE, claim);
}
