import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  SignJWT,
  type JWTVerifyGetKey,
} from 'jose';
import type { IdentityProvider, IdentityStatus } from '../policies/types.ts';

export type { IdentityProvider };
import type { SigningKey } from './keys.ts';

/** The development identity provider: the local dev key, this issuer and audience. */
export const DEV_IDP = { issuer: 'sargas-dev-idp', audience: 'sargas-identity' } as const;

/**
 * How identity providers' key sets are fetched: through a dispatcher that connects only to
 * allowed addresses (src/net/safe-fetch.ts), within a short time-out. A key set that could
 * not be fetched fails the identity (the check goes on, as unidentified), and is not asked
 * for again for `failureCooldownMs`, so an unreachable provider does not stall every check.
 */
export interface KeySetFetching {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  timeoutMs: number;
  failureCooldownMs?: number;
}

const remoteSets = new WeakMap<KeySetFetching, Map<string, JWTVerifyGetKey>>();
const failures = new WeakMap<KeySetFetching, Map<string, number>>();

function keySet(
  idp: IdentityProvider,
  fetching: KeySetFetching | undefined,
): JWTVerifyGetKey | null {
  if (idp.jwks) return createLocalJWKSet(idp.jwks);
  if (idp.jwksUrl && fetching) {
    const sets = remoteSets.get(fetching) ?? new Map<string, JWTVerifyGetKey>();
    remoteSets.set(fetching, sets);
    let set = sets.get(idp.jwksUrl);
    if (!set) {
      // jose caches the fetched set and refetches on an unknown kid (cooldown 30 s)
      set = createRemoteJWKSet(new URL(idp.jwksUrl), {
        cacheMaxAge: 10 * 60_000,
        cooldownDuration: 30_000,
        timeoutDuration: fetching.timeoutMs,
        [customFetch]: fetching.fetch,
      });
      sets.set(idp.jwksUrl, set);
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
export async function verifyIdentity(
  token: string | undefined,
  customerId: string | undefined,
  idp: IdentityProvider | null,
  fetching?: KeySetFetching,
): Promise<IdentityStatus> {
  if (!token) return { status: 'absent' };
  if (!idp) return { status: 'rejected', reason: 'no_identity_provider' };
  const keys = keySet(idp, fetching);
  if (!keys) return { status: 'rejected', reason: 'no_identity_provider' };
  const failedUntil = fetching
    ? (failures.get(fetching) ?? new Map<string, number>())
    : new Map<string, number>();
  if (fetching) failures.set(fetching, failedUntil);
  if (idp.jwksUrl && (failedUntil.get(idp.jwksUrl) ?? 0) > Date.now())
    return { status: 'rejected', reason: 'identity_provider_unavailable' };
  try {
    const { payload, protectedHeader } = await jwtVerify(token, keys, {
      issuer: idp.issuer,
      audience: idp.audience,
    });
    if (!customerId) return { status: 'rejected', reason: 'customer_id_missing' };
    if (payload.sub !== customerId) return { status: 'rejected', reason: 'subject_mismatch' };
    return {
      status: 'verified',
      issuer: idp.issuer,
      subject: customerId,
      keyId: protectedHeader.kid,
      tokenId: payload.jti,
    };
  } catch (err) {
    if (err instanceof errors.JWKSTimeout || (idp.jwksUrl && isFetchFailure(err))) {
      if (idp.jwksUrl) {
        if (failedUntil.size > 1000) failedUntil.clear();
        failedUntil.set(idp.jwksUrl, Date.now() + (fetching?.failureCooldownMs ?? 30_000));
      }
      return {
        status: 'rejected',
        reason:
          err instanceof errors.JWKSTimeout
            ? 'identity_provider_timeout'
            : 'identity_provider_unavailable',
      };
    }
    if (err instanceof errors.JWTExpired) return { status: 'rejected', reason: 'expired' };
    if (err instanceof errors.JWTClaimValidationFailed)
      return { status: 'rejected', reason: `claim_${err.claim}` };
    if (
      err instanceof errors.JWSSignatureVerificationFailed ||
      err instanceof errors.JWKSNoMatchingKey
    )
      return { status: 'rejected', reason: 'signature' };
    return { status: 'rejected', reason: 'invalid' };
  }
}

/** A key set that could not be fetched: refused address, connection error, not 200, not JSON (not: a token that does not verify). */
function isFetchFailure(err: unknown): boolean {
  if (
    err instanceof errors.JWKSNoMatchingKey ||
    err instanceof errors.JWSSignatureVerificationFailed ||
    err instanceof errors.JWTClaimValidationFailed
  )
    return false;
  if (
    err instanceof errors.JWKSInvalid ||
    (err instanceof errors.JOSEError && /JSON Web Key Set HTTP response/.test(err.message))
  )
    return true;
  return !(err instanceof errors.JOSEError); // a TypeError from fetch: the connection failed or was refused
}

/** Signs an identity assertion with a development key (`npm run token -- --identity`, tests). */
export async function signIdentityAssertion(
  key: SigningKey,
  customerId: string,
  options: { issuer?: string; audience?: string; ttlSeconds?: number } = {},
): Promise<string> {
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
