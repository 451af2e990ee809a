import { spawnSync } from 'node:child_process';
import { selfSignedCertificate } from './support/https-receiver.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { AddressPolicy } from '../src/net/address-policy.ts';
import { keySetFetch, safeDispatcher, type Resolve } from '../src/net/safe-fetch.ts';
import { useTestService } from './support/service.ts';

const OPENSSL = spawnSync('openssl', ['version']).status === 0;

describe('where the service may connect for a tenant', () => {
  const policy = new AddressPolicy();
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public unicast address %s',
    (a) => expect(policy.allows(a)).toBe(true),
  );
  it.each([
    '127.0.0.1',
    '127.8.8.8',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.1',
    '198.18.0.1',
    '240.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    'ff02::1',
    'not-an-address',
  ])('refuses %s', (a) => expect(policy.allows(a)).toBe(false));

  it('allows the networks an operator lists for private identity providers, and refuses a wrong list', () => {
    const inside = AddressPolicy.fromList('10.20.0.0/16, fd00::/8');
    expect(inside.allows('10.20.3.4')).toBe(true);
    expect(inside.allows('fd00::5')).toBe(true);
    expect(inside.allows('10.21.0.1')).toBe(false);
    expect(() => AddressPolicy.fromList('10.0.0.0/33')).toThrow(/CIDR/);
  });

  it.each([
    'https://169.254.169.254/keys',
    'https://[::1]/k',
    'https://2130706433/k',
    'https://0x7f.1/k',
    'https://localhost/k',
    'https://idp.localhost/k',
    'https://localhost./k',
    'https://idp.localhost./k',
    'https://[::ffff:10.0.0.1]/k',
  ])('refuses %s before any lookup', (url) =>
    expect(policy.literalProblem(new URL(url))).toMatch(/private, loopback/),
  );
  it('leaves names to the check after resolution', () =>
    expect(policy.literalProblem(new URL('https://id.bank.example/jwks'))).toBeNull());

  it('never opens a connection to a name that resolves to an internal address, nor to an internal literal', async () => {
    let resolved = 0;
    const resolve: Resolve = async () => {
      resolved++;
      return [
        { address: '10.0.0.5', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ];
    };
    const fetch = keySetFetch(safeDispatcher(policy, { resolve }));
    await expect(fetch('https://idp.example/jwks', {})).rejects.toThrow();
    expect(resolved).toBe(1);
    await expect(fetch('https://127.0.0.1:1/jwks', {})).rejects.toThrow();
  });
});

describe.skipIf(!OPENSSL)('identity providers at the edge of the network', () => {
  const env = useTestService('pglite');
  let dir: string;
  let server: Server;
  let port: number;
  let mode: 'keys' | 'silent' | 'redirect' = 'keys';
  let sign: (sub: string) => Promise<string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sargas-idp-'));
    selfSignedCertificate(dir, { cn: 'idp.test', altNames: 'DNS:idp.test,IP:127.0.0.1' });
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    sign = (sub) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(sub)
        .setIssuer('https://idp.test')
        .setAudience('sargas')
        .setExpirationTime('5m')
        .sign(privateKey);
    server = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_req, res) => {
        if (mode === 'silent') return; // never answers
        if (mode === 'redirect') {
          res.writeHead(302, { location: 'https://169.254.169.254/latest/meta-data/' }).end();
          return;
        }
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ keys: [jwk] }));
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The service with an operator's allow-list (or none), and "idp.test" resolving to this machine. */
  async function service(allow: string[], tenant: string) {
    const addressPolicy = new AddressPolicy(allow);
    const resolve: Resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const keySetFetching = {
      fetch: keySetFetch(
        safeDispatcher(addressPolicy, { resolve, ca: readFileSync(join(dir, 'cert.pem'), 'utf8') }),
      ),
      timeoutMs: 500,
      failureCooldownMs: 60_000,
    };
    const app = createApp({ ...env.svc.deps, addressPolicy, keySetFetching });
    const token = await env.svc.token(tenant, ['check', 'policy:admin']);
    const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const put = await app.request('/v1/policy', {
      method: 'PUT',
      headers: h,
      body: JSON.stringify({
        identityProvider: {
          issuer: 'https://idp.test',
          audience: 'sargas',
          jwksUrl: `https://idp.test:${port}/jwks`,
        },
      }),
    });
    expect(put.status).toBe(201);
    const check = async () => {
      const started = performance.now();
      const res = await app.request('/v1/check', {
        method: 'POST',
        headers: h,
        body: JSON.stringify({
          direction: 'outbound',
          text: 'Saldo wynosi 2 500,00 zł.',
          channel: { platform: 'fb', visibility: 'private' },
          agent: { id: 'a' },
          customer: { id: 'fb:1', identityToken: await sign('fb:1') },
        }),
      });
      return { status: res.status, body: await res.json(), ms: performance.now() - started };
    };
    return { app, h, check };
  }

  it('verifies through a private identity provider the operator allowed', async () => {
    mode = 'keys';
    const { check } = await service(['127.0.0.1/32'], 'idp-allowed');
    const r = await check();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ decision: 'allow', identity: { status: 'verified' } });
  });

  it('does not connect to it otherwise: the identity fails, the check does not', async () => {
    mode = 'keys';
    const { check } = await service([], 'idp-refused');
    const r = await check();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      decision: 'block',
      identity: { status: 'rejected', reason: 'identity_provider_unavailable' },
    });
  });

  it('gives up on a provider that does not answer within the time-out, and does not wait on it again for a while', async () => {
    mode = 'silent';
    const { check } = await service(['127.0.0.1/32'], 'idp-silent');
    const first = await check();
    expect(first.status).toBe(200);
    expect(first.body.identity).toEqual({
      status: 'rejected',
      reason: 'identity_provider_timeout',
    });
    expect(first.ms).toBeLessThan(1500);
    const second = await check();
    expect(second.body.identity).toEqual({
      status: 'rejected',
      reason: 'identity_provider_unavailable',
    });
    expect(second.ms).toBeLessThan(200);
  });

  it('follows no redirect (to a metadata address, say)', async () => {
    mode = 'redirect';
    const { check } = await service(['127.0.0.1/32'], 'idp-redirect');
    const r = await check();
    expect(r.status).toBe(200);
    expect(r.body.identity).toEqual({
      status: 'rejected',
      reason: 'identity_provider_unavailable',
    });
  });

  it('refuses a key set URL at a literal internal address when the policy is stored', async () => {
    const token = await env.svc.token('idp-put', ['policy:admin']);
    for (const jwksUrl of [
      'https://169.254.169.254/keys',
      'https://127.0.0.1/k',
      'https://[fd00::1]/k',
      'https://localhost/k',
    ]) {
      const res = await env.svc.app.request('/v1/policy', {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ identityProvider: { issuer: 'i', audience: 'a', jwksUrl } }),
      });
      expect(res.status, jwksUrl).toBe(400);
      expect((await res.json()).error.details[0]).toEqual({
        field: 'identityProvider.jwksUrl',
        message: 'must not point at a private, loopback, link-local or reserved address',
      });
    }
  });
});
