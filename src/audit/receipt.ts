import { CompactSign } from 'jose';
import type { SigningKey } from '../auth/keys.ts';
import type { AuditEventRow } from '../db/schema/index.ts';

const encoder = new TextEncoder();

/**
 * A compact JWS by the service's key over what was decided and where it sits in the
 * chain. Anyone holding /.well-known/jwks.json can check that Sargas said it.
 */
export async function signReceipt(key: SigningKey, row: AuditEventRow): Promise<string> {
  const payload = {
    tenant: row.tenant,
    event: row.id,
    seq: row.seq,
    hash: row.hash,
    decision: row.decision,
    wouldBlock: row.wouldBlock,
    policyVersion: row.policyVersion,
    rules: row.rules,
    iat: Math.floor(row.createdAt.getTime() / 1000),
  };
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'sargas-receipt+jws' })
    .sign(key.privateKey);
}
