import { CompactSign, compactVerify, importJWK, type JWK } from 'jose';
import type { SigningKey } from '../auth/keys.ts';

/** What a checkpoint attests: the tenant's chain had `hash` at `seq`. */
export interface CheckpointClaim {
  tenant: string;
  seq: number;
  hash: string;
  createdAt: string;
}

const encoder = new TextEncoder();

/** Signs a checkpoint with the service's key (compact JWS, EdDSA). */
export function signCheckpoint(key: SigningKey, claim: CheckpointClaim): Promise<string> {
  return new CompactSign(encoder.encode(JSON.stringify(claim)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'sargas-checkpoint+jws' })
    .sign(key.privateKey);
}

/** The claim of a checkpoint whose signature verifies against `publicJwk`, or null. */
export async function readCheckpoint(jws: string, publicJwk: JWK): Promise<CheckpointClaim | null> {
  try {
    const key = await importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA');
    const { payload } = await compactVerify(jws, key);
    return JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaim;
  } catch {
    return null;
  }
}
