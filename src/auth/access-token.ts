import { errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '../errors.ts';
import { textProblem } from '../validation/text.ts';
import type { SigningKey } from './keys.ts';

/** Scopes the API knows. */
export const SCOPES = [
  'check',
  'check:override',
  'audit:read',
  'audit:review',
  'audit:admin',
  'policy:admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling: the tenant comes from the token, never from the request body. */
export interface Caller {
  tenant: string;
  subject: string;
  scopes: ReadonlySet<string>;
  /** The token's expiry (seconds since the epoch), when it has one. */
  expiresAt?: number | undefined;
}

export interface AccessTokenOptions {
  issuer: string;
  audience: string;
}

// The tenant and subject are stored with every event (and the tenant names export files):
// the same text rule as any identifier the API accepts.
const claimText = (value: unknown, max: number) =>
  typeof value === 'string' &&
  value.length >= 1 &&
  value.length <= max &&
  textProblem(value) === null;

/**
 * Verifies a bearer token (signature, expiry, issuer, audience) and reads its tenant and
 * scopes. A token must expire: one without `exp` would be valid for ever once leaked.
 */
export async function verifyAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  options: AccessTokenOptions,
): Promise<Caller> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ['EdDSA', 'ES256', 'RS256', 'PS256'],
      requiredClaims: ['exp'],
    });
    if (payload.tenant === undefined)
      throw new DomainError('unauthorized', 'The token has no tenant claim.');
    if (!claimText(payload.tenant, 128))
      throw new DomainError('unauthorized', "The token's tenant claim is not accepted.");
    if (payload.sub !== undefined && !claimText(payload.sub, 256))
      throw new DomainError('unauthorized', "The token's sub claim is not accepted.");
    const tenant = payload.tenant as string;
    const scope =
      typeof payload.scope === 'string'
        ? payload.scope
        : Array.isArray(payload.scp)
          ? payload.scp.join(' ')
          : '';
    return {
      tenant,
      subject: payload.sub ?? 'unknown',
      scopes: new Set(scope.split(/[\s,]+/).filter(Boolean)),
      expiresAt: payload.exp,
    };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    if (err instanceof errors.JWTExpired)
      throw new DomainError('unauthorized', 'The token has expired.');
    if (err instanceof errors.JWTClaimValidationFailed)
      throw new DomainError('unauthorized', `The token's ${err.claim} claim is not accepted.`);
    throw new DomainError('unauthorized', 'The token could not be verified.');
  }
}

/** Signs an access token with a development key (`npm run token`, tests). */
export async function signAccessToken(
  key: SigningKey,
  claims: { tenant: string; scopes: readonly string[]; subject?: string; ttlSeconds?: number },
  options: AccessTokenOptions,
): Promise<string> {
  return new SignJWT({ tenant: claims.tenant, scope: claims.scopes.join(' ') })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setSubject(claims.subject ?? `dev:${claims.tenant}`)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(`${claims.ttlSeconds ?? 3600}s`)
    .sign(key.privateKey);
}
