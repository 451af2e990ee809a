import * as client from 'openid-client';
import type { Caller } from '../auth/access-token.ts';
import { textProblem } from '../validation/text.ts';

/** The console's OpenID Connect settings (OIDC_* variables, docs/console.md). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  redirectUri: string;
  scopes: string;
  tenantClaim: string;
  rolesClaim: string;
  /** role → scopes; a role named like a console scope grants it without an entry. */
  roleScopes?: Record<string, readonly string[]> | undefined;
}

const CONSOLE_SCOPES = ['audit:read', 'audit:review', 'policy:admin'] as const;

/** A dotted path into the claims: `realm_access.roles`. */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let v: unknown = claims;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The caller an ID token's claims make: the tenant and the scopes its roles grant; null with the reason when it makes none. */
export function callerFromClaims(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, 'tenantClaim' | 'rolesClaim' | 'roleScopes'>,
  expiresAt?: number,
): { caller: Caller; name: string | null } | { refused: string } {
  const tenant = claimAt(claims, settings.tenantClaim);
  if (typeof tenant !== 'string' || !tenant || tenant.length > 128 || textProblem(tenant))
    return { refused: 'no_tenant' };
  const sub = claims.sub;
  if (typeof sub !== 'string' || !sub || sub.length > 256 || textProblem(sub))
    return { refused: 'no_subject' };
  const raw = claimAt(claims, settings.rolesClaim);
  const roles = Array.isArray(raw)
    ? raw.filter((r): r is string => typeof r === 'string')
    : typeof raw === 'string'
      ? raw.split(/[\s,]+/)
      : [];
  const scopes = new Set<string>();
  for (const role of roles) {
    const granted =
      // own keys only: a role named "constructor" is no mapping
      (settings.roleScopes && Object.hasOwn(settings.roleScopes, role)
        ? settings.roleScopes[role]
        : undefined) ?? ((CONSOLE_SCOPES as readonly string[]).includes(role) ? [role] : []);
    for (const s of granted) scopes.add(s);
  }
  if (scopes.size === 0) return { refused: 'no_role' };
  const name = typeof claims.name === 'string' && !textProblem(claims.name) ? claims.name : null;
  return { caller: { tenant, subject: sub, scopes, expiresAt }, name: name?.slice(0, 200) ?? null };
}

/**
 * Authorization code flow with PKCE (S256), state and nonce, through openid-client. The
 * provider's metadata is discovered on the first sign-in and kept; a failed discovery is
 * tried again on the next.
 */
export class OidcClient {
  private config: Promise<client.Configuration> | null = null;
  constructor(readonly settings: OidcSettings) {}

  private configuration(): Promise<client.Configuration> {
    if (!this.config) {
      const { issuer, clientId, clientSecret } = this.settings;
      const host = new URL(issuer).hostname;
      // plain http only for a provider on this machine (development, tests)
      const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
      this.config = client
        .discovery(
          new URL(issuer),
          clientId,
          clientSecret,
          clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
          local ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((err) => {
          this.config = null;
          throw err;
        });
    }
    return this.config;
  }

  /** Where to send the browser, and what the callback must find again. */
  async start(): Promise<{ url: string; verifier: string; state: string; nonce: string }> {
    const config = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, verifier, state, nonce };
  }

  /** Exchanges the code (with the verifier) and returns the ID token's claims, checked (issuer, audience, nonce, expiry). */
  async finish(
    query: string,
    pending: { verifier: string; state: string; nonce: string },
  ): Promise<{ claims: Record<string, unknown>; expiresAt?: number }> {
    const config = await this.configuration();
    // the URL as the provider redirected to it (a proxy may have changed the one we see)
    const current = new URL(this.settings.redirectUri);
    current.search = query;
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    return { claims: claims as Record<string, unknown>, expiresAt: claims.exp };
  }
}
