import { signCompact } from '../auth/jws.ts';
import type { SigningKey } from '../auth/keys.ts';
import type { AuditEventRow } from '../db/schema/index.ts';

/**
 * A compact JWS by the service's key over what was decided and where it sits in the
 * chain. Anyone holding /.well-known/jwks.json can check that Sargas said it.
 */
export function signReceipt(key: SigningKey, row: AuditEventRow): string {
  return signCompact(key, 'sargas-receipt+jws', {
    tenant: row.tenant,
    event: row.id,
    seq: row.seq,
    hash: row.hash,
    decision: row.decision,
    wouldBlock: row.wouldBlock,
    policyVersion: row.policyVersion,
    rules: row.rules,
    iat: Math.floor(row.createdAt.getTime() / 1000),
  });
}
