import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import type { IdentityStatus } from '../policies/types.ts';
import type { SigningKey } from './keys.ts';

/** How a tenant's identity provider is trusted: its key set (inline or a URL), issuer and audience. */
export interface IdentityProvider {
  issuer: string;
  audience: string;
  jwks?: { keys: JWK[] } | undefined;
  jwksUrl?: string | undefined;
}

/** The development identity provider: the local dev key, this issuer and audience. */
export const DEV_IDP = { issuer: 'sargas-dev-idp', audience: 'sargas-identity' } as const;

const remoteSets = new Map<string, JWTVerifyGetKey>();

function keySet(idp: IdentityProvider): JWTVerifyGetKey | null {
  if (idp.jwks) return createLocalJWKSet(idp.jwks);
  if (idp.jwksUrl) {
    let set = remoteSets.get(idp.jwksUrl);
    if (!set) {
      // jose caches the fetched set and refetches on an unknown kid (cooldown 30 s)
      set = createRemoteJWKSet(new URL(idp.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
      remoteSets.set(idp.jwksUrl, set);
    }
    return set;
  }
  return null;
}

/**
 * Checks a customer's identity assertion: signed by the tenant's identity provider,
 * not expired, right issuer and audience, and about this customer. The token itself is
 * never stored; the result says which assertion was accepted or why it was not.
 */
export async function verifyIdentity(token: string | undefined, customerId: string | undefined, idp: IdentityProvider | null): Promise<IdentityStatus> {
  if (!token) return { status: 'absent' };
  if (!idp) return { status: 'rejected', reason: 'no_identity_provider' };
  const keys = keySet(idp);
  if (!keys) return { status: 'rejected', reason: 'no_identity_provider' };
  try {
    const { payload, protectedHeader } = await jwtVerify(token, keys, { issuer: idp.issuer, audience: idp.audience });
    if (!customerId) return { status: 'rejected', reason: 'customer_id_missing' };
    if (payload.sub !== customerId) return { status: 'rejected', reason: 'subject_mismatch' };
    return { status: 'verified', issuer: idp.issuer, subject: customerId, keyId: protectedHeader.kid, tokenId: payload.jti };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { status: 'rejected', reason: 'expired' };
    if (err instanceof errors.JWTClaimValidationFailed) return { status: 'rejected', reason: `claim_${err.claim}` };
    if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) return { status: 'rejected', reason: 'signature' };
    return { status: 'rejected', reason: 'invalid' };
  }
}

/** Signs an identity assertion with a development key (`npm run token -- --identity`, tests). */
export async function signIdentityAssertion(key: SigningKey, customerId: string, options: { issuer?: string; audience?: string; ttlSeconds?: number } = {}): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setSubject(customerId)
    .setIssuer(options.issuer ?? DEV_IDP.issuer)
    .setAudience(options.audience ?? DEV_IDP.audience)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(`${options.ttlSeconds ?? 900}s`)
    .sign(key.privateKey);
}
