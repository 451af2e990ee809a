import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { signCompact } from '../auth/jws.ts';
import type { SigningKey } from '../auth/keys.ts';

/** What a checkpoint attests: the tenant's chain had `hash` at `seq`. */
export interface CheckpointClaim {
  tenant: string;
  seq: number;
  hash: string;
  createdAt: string;
}

/** Signs a checkpoint with the service's key (compact JWS, EdDSA). */
export function signCheckpoint(key: SigningKey, claim: CheckpointClaim): string {
  return signCompact(key, 'sargas-checkpoint+jws', claim);
}

/**
 * The claim of a checkpoint whose signature verifies against the published key its header
 * names (`kid`: the service's key may have been rotated since), or null.
 */
export async function readCheckpoint(jws: string, publicJwks: readonly JWK[]): Promise<CheckpointClaim | null> {
  try {
    const { kid } = decodeProtectedHeader(jws);
    const publicJwk = publicJwks.find((k) => k.kid === kid);
    if (!publicJwk) return null;
    const key = await importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA');
    const { payload } = await compactVerify(jws, key);
    return JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaim;
  } catch {
    return null;
  }
}
