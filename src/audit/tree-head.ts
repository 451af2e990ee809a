import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { signCompact } from '../auth/jws.ts';
import type { SigningKey } from '../auth/keys.ts';

/** The JWS type of checkpoints and batch seals: both are signed tree heads. */
export const TREE_HEAD_TYPE = 'sargas-checkpoint+jws';

/**
 * A signed tree head (Certificate Transparency's STH): the tenant's chain at `seq` ended in
 * `hash`, and the Merkle tree over its event hashes, `treeSize` leaves from `treeFrom`, had
 * `root`. Checkpoints signed before the tree existed carry `seq` and `hash` only.
 */
export interface TreeHead {
  tenant: string;
  seq: number;
  hash: string;
  createdAt: string;
  root?: string | undefined;
  treeSize?: number | undefined;
}

/** A batch's signed tree head, promoted to a checkpoint (for the witnesses). */
export interface SignedTreeHead extends TreeHead {
  jws: string;
}

/** Signs a tree head with the service's key (compact JWS, EdDSA). */
export function signTreeHead(key: SigningKey, head: TreeHead): string {
  return signCompact(key, TREE_HEAD_TYPE, head);
}

const keyObjects = new Map<string, KeyObject>();

function keyFor(jwk: JWK): KeyObject | null {
  const id = `${jwk.kid}:${jwk.x}`;
  let key = keyObjects.get(id);
  if (!key) {
    try {
      key = createPublicKey({ key: jwk as never, format: 'jwk' });
    } catch {
      return null;
    }
    if (keyObjects.size > 64) keyObjects.clear();
    keyObjects.set(id, key);
  }
  return key;
}

/**
 * The payload of a compact JWS of type `typ` whose Ed25519 signature verifies against the
 * key its header names (`kid`) among `publicJwks`, or null. node:crypto, not jose: a chain
 * walk verifies one seal per batch, and jose's WebCrypto path costs several times more.
 */
export function readSigned<T>(
  jws: string,
  typ: string,
  publicJwks: readonly JWK[],
): (T & { kid: string }) | null {
  const parts = jws.split('.');
  if (parts.length !== 3 || jws.length > 16_384) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as {
      alg?: string;
      kid?: string;
      typ?: string;
    };
    if (header.alg !== 'EdDSA' || header.typ !== typ || typeof header.kid !== 'string') return null;
    const jwk = publicJwks.find((k) => k.kid === header.kid);
    const key = jwk && keyFor(jwk);
    if (
      !key ||
      !verify(
        null,
        Buffer.from(`${parts[0]}.${parts[1]}`),
        key,
        Buffer.from(parts[2]!, 'base64url'),
      )
    )
      return null;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as T;
    return payload && typeof payload === 'object' ? { ...payload, kid: header.kid } : null;
  } catch {
    return null;
  }
}

/** A tree head whose signature verifies, with well-typed fields, or null. */
export function readTreeHead(
  jws: string,
  publicJwks: readonly JWK[],
): (TreeHead & { kid: string }) | null {
  const h = readSigned<TreeHead>(jws, TREE_HEAD_TYPE, publicJwks);
  if (
    !h ||
    typeof h.tenant !== 'string' ||
    !Number.isSafeInteger(h.seq) ||
    typeof h.hash !== 'string' ||
    typeof h.createdAt !== 'string'
  )
    return null;
  if (
    h.root !== undefined &&
    (typeof h.root !== 'string' ||
      !/^[0-9a-f]{64}$/.test(h.root) ||
      !Number.isSafeInteger(h.treeSize))
  )
    return null;
  return h;
}
