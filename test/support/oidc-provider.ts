import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** A user the provider signs in, with the claims its ID token carries. */
export interface TestUser {
  sub: string;
  name: string;
  claims: Record<string, unknown>;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Token requests seen, and whether each carried a code verifier matching its challenge. */
  tokenRequests: Array<{ pkce: boolean }>;
  close(): Promise<void>;
}

const body = (req: IncomingMessage) =>
  new Promise<URLSearchParams>((resolve) => {
    let s = '';
    req.on('data', (c) => {
      s += c;
    });
    req.on('end', () => resolve(new URLSearchParams(s)));
  });

/**
 * A minimal OpenID Connect provider for tests, on jose: discovery, an authorization
 * endpoint with a sign-in form (pick a user), a token endpoint that refuses a code without
 * the PKCE verifier of its S256 challenge, and its key set. One client, one redirect URI.
 */
export async function startTestProvider(options: {
  redirectUri: string;
  users: TestUser[];
}): Promise<TestProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
  const clientId = 'sargas-console';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<
    string,
    { challenge: string; nonce: string | null; user: TestUser; redirectUri: string }
  >();
  const tokenRequests: TestProvider['tokenRequests'] = [];
  let issuer = '';

  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', issuer);
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (u.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (u.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (u.pathname === '/authorize' && req.method === 'GET') {
      const p = u.searchParams;
      if (
        p.get('client_id') !== clientId ||
        p.get('redirect_uri') !== options.redirectUri ||
        p.get('response_type') !== 'code' ||
        p.get('code_challenge_method') !== 'S256' ||
        !p.get('code_challenge')
      ) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        return res.end('bad authorization request');
      }
      const hidden = ['state', 'nonce', 'code_challenge', 'redirect_uri']
        .map(
          (k) => `<input type="hidden" name="${k}" value="${encodeURIComponent(p.get(k) ?? '')}">`,
        )
        .join('');
      const users = options.users.map((x, i) => `<option value="${i}">${x.name}</option>`).join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(
        `<!doctype html><html lang="en"><head><title>Bank sign-in</title></head><body><main><h1>Bank sign-in</h1><form method="post" action="/authorize">${hidden}<label for="user">User</label> <select id="user" name="user">${users}</select> <button type="submit">Sign in</button></form></main></body></html>`,
      );
    }
    if (u.pathname === '/authorize' && req.method === 'POST') {
      const f = await body(req);
      const get = (k: string) => decodeURIComponent(f.get(k) ?? '');
      const user = options.users[Number(f.get('user'))];
      if (!user) return json(400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('base64url');
      codes.set(code, {
        challenge: get('code_challenge'),
        nonce: get('nonce') || null,
        user,
        redirectUri: get('redirect_uri'),
      });
      const to = new URL(get('redirect_uri'));
      to.searchParams.set('code', code);
      to.searchParams.set('state', get('state'));
      to.searchParams.set('iss', issuer);
      res.writeHead(302, { location: to.href });
      return res.end();
    }
    if (u.pathname === '/token' && req.method === 'POST') {
      const auth = Buffer.from(
        (req.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      ).toString();
      const f = await body(req);
      const grant = codes.get(f.get('code') ?? '');
      codes.delete(f.get('code') ?? '');
      const verifier = f.get('code_verifier') ?? '';
      const pkce =
        grant !== undefined &&
        createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
      tokenRequests.push({ pkce });
      if (
        // client_secret_basic: each half form-encoded (RFC 6749 2.3.1)
        auth
          .split(':')
          .map((x) => decodeURIComponent(x.replaceAll('+', ' ')))
          .join(':') !== `${clientId}:${clientSecret}` ||
        !grant ||
        !pkce ||
        f.get('redirect_uri') !== grant.redirectUri
      )
        return json(400, { error: 'invalid_grant' });
      const idToken = await new SignJWT({
        ...grant.user.claims,
        name: grant.user.name,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-1' })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject(grant.user.sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return json(200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    tokenRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
