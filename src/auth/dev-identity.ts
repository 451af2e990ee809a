import {
  createHash,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { importJWK, type JWK } from 'jose';
import { DEV_IDP, type IdentityProvider } from './identity.ts';
import type { SigningKey } from './keys.ts';

// PKCS #8 for an Ed25519 private key: this prefix, then the 32-byte seed
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const derived = new WeakMap<SigningKey, Map<string, { keyObject: KeyObject; publicJwk: JWK }>>();

/**
 * The development identity key of one tenant: an Ed25519 key whose seed is HKDF-SHA-256 of the
 * development key's seed with the tenant's name, so an assertion minted for one tenant never
 * verifies for another, and nothing per tenant is stored (the same dev key gives the same keys).
 */
function derive(dev: SigningKey, tenant: string): { keyObject: KeyObject; publicJwk: JWK } {
  let forKey = derived.get(dev);
  if (!forKey) {
    forKey = new Map();
    derived.set(dev, forKey);
  }
  const known = forKey.get(tenant);
  if (known) return known;
  const seed = Buffer.from(dev.keyObject.export({ format: 'jwk' }).d as string, 'base64url');
  const tenantSeed = Buffer.from(
    hkdfSync('sha256', seed, 'sargas dev identity', `tenant:${tenant}`, 32),
  );
  const keyObject = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, tenantSeed]),
    format: 'der',
    type: 'pkcs8',
  });
  const pub = createPublicKey(keyObject).export({ format: 'jwk' }) as JWK;
  const kid = createHash('sha256')
    .update(pub.x ?? '')
    .digest('base64url')
    .slice(0, 16);
  const entry = { keyObject, publicJwk: { ...pub, kid, alg: 'EdDSA', use: 'sig' } };
  if (forKey.size >= 10_000) forKey.clear();
  forKey.set(tenant, entry);
  return entry;
}

/** The identity provider of a tenant that configured none, in development: its own derived key. */
export function devIdentityProvider(dev: SigningKey, tenant: string): IdentityProvider {
  return { ...DEV_IDP, jwks: { keys: [derive(dev, tenant).publicJwk] } };
}

/** The key that signs a tenant's development identity assertions (`npm run token -- --identity`, tests). */
export async function devIdentityKey(dev: SigningKey, tenant: string): Promise<SigningKey> {
  const { keyObject, publicJwk } = derive(dev, tenant);
  const privateJwk = keyObject.export({ format: 'jwk' }) as JWK;
  const privateKey = (await importJWK({ ...privateJwk, alg: 'EdDSA' }, 'EdDSA')) as CryptoKey;
  return { privateKey, keyObject, publicJwk, kid: publicJwk.kid as string };
}
