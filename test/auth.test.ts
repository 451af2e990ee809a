import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAccessToken } from '../src/auth/access-token.ts';
import { ephemeralKeys } from '../src/auth/keys.ts';
import { BACKENDS } from './support/database.ts';
import { AUTH, createTestService, useTestService } from './support/service.ts';

const NO_SUCH_EVENT = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/**
 * Every protected route, with the scope it needs and a request that gets past the checks
 * (`ok`: the status it then answers). The last test holds this list to the app's routes.
 */
const ROUTES = [
  {
    name: 'POST /v1/check',
    scope: 'check',
    method: 'POST',
    path: '/v1/check',
    body: { direction: 'inbound', text: 'hello', channel: { platform: 'x', visibility: 'public' } },
  },
  {
    name: 'POST /v1/check/batch',
    scope: 'check',
    method: 'POST',
    path: '/v1/check/batch',
    body: {
      items: [
        { direction: 'inbound', text: 'hello', channel: { platform: 'x', visibility: 'public' } },
      ],
    },
  },
  { name: 'GET /v1/audit/events', scope: 'audit:read', method: 'GET', path: '/v1/audit/events' },
  {
    name: 'GET /v1/audit/events/:id',
    scope: 'audit:read',
    method: 'GET',
    path: `/v1/audit/events/${NO_SUCH_EVENT}`,
    ok: 404,
  },
  {
    name: 'POST /v1/audit/events/:id/reviews',
    scope: 'audit:review',
    method: 'POST',
    path: `/v1/audit/events/${NO_SUCH_EVENT}/reviews`,
    body: { verdict: 'confirmed', note: 'looked at it' },
    ok: 404,
  },
  {
    name: 'POST /v1/audit/events/:id/override',
    scope: 'check:override',
    method: 'POST',
    path: `/v1/audit/events/${NO_SUCH_EVENT}/override`,
    body: { justification: 'the customer asked for it twice' },
    ok: 404,
  },
  {
    name: 'GET /v1/audit/events/:id/receipt',
    scope: 'audit:read',
    method: 'GET',
    path: `/v1/audit/events/${NO_SUCH_EVENT}/receipt`,
    ok: 404,
  },
  { name: 'GET /v1/audit/queue', scope: 'audit:read', method: 'GET', path: '/v1/audit/queue' },
  { name: 'GET /v1/audit/facets', scope: 'audit:read', method: 'GET', path: '/v1/audit/facets' },
  {
    name: 'GET /v1/audit/policy-versions',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/policy-versions',
  },
  {
    name: 'GET /v1/audit/policy-versions/:version',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/policy-versions/0',
  },
  {
    name: 'GET /v1/audit/policy-versions/diff',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/policy-versions/diff?from=0&to=0',
  },
  { name: 'GET /v1/audit/verify', scope: 'audit:read', method: 'GET', path: '/v1/audit/verify' },
  {
    name: 'POST /v1/audit/verify',
    scope: 'audit:read',
    method: 'POST',
    path: '/v1/audit/verify',
    body: {},
  },
  { name: 'GET /v1/audit/export', scope: 'audit:read', method: 'GET', path: '/v1/audit/export' },
  {
    name: 'GET /v1/audit/stream',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/stream?after=0&follow=false',
  },
  { name: 'GET /v1/care/summary', scope: 'audit:read', method: 'GET', path: '/v1/care/summary' },
  {
    name: 'POST /v1/threads/:id/actions',
    scope: 'check',
    method: 'POST',
    path: '/v1/threads/thread-1/actions',
    body: { action: 'post_hidden' },
    ok: 201,
  },
  {
    name: 'GET /v1/audit/export/manifest',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/export/manifest',
  },
  { name: 'GET /v1/audit/summary', scope: 'audit:read', method: 'GET', path: '/v1/audit/summary' },
  {
    name: 'GET /v1/audit/checkpoints',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/checkpoints',
  },
  {
    name: 'POST /v1/audit/fingerprints',
    scope: 'audit:read',
    method: 'POST',
    path: '/v1/audit/fingerprints',
    body: { customerId: 'fb:1' },
  },
  {
    name: 'POST /v1/audit/purge',
    scope: 'audit:admin',
    method: 'POST',
    path: '/v1/audit/purge',
    body: { olderThanDays: 365 },
  },
  { name: 'GET /v1/policy', scope: 'policy:admin', method: 'GET', path: '/v1/policy' },
  {
    name: 'PUT /v1/policy',
    scope: 'policy:admin',
    method: 'PUT',
    path: '/v1/policy',
    body: { mode: 'monitor' },
    ok: 201,
  },
  {
    name: 'POST /v1/policy/simulate',
    scope: 'policy:admin',
    method: 'POST',
    path: '/v1/policy/simulate',
    body: { policy: { mode: 'monitor' } },
  },
  {
    name: 'GET /v1/policy/versions',
    scope: 'policy:admin',
    method: 'GET',
    path: '/v1/policy/versions',
  },
  {
    name: 'GET /v1/policy/versions/:version',
    scope: 'policy:admin',
    method: 'GET',
    path: '/v1/policy/versions/0',
  },
  {
    name: 'GET /v1/policy/versions/:version/diff/:other',
    scope: 'policy:admin',
    method: 'GET',
    path: '/v1/policy/versions/0/diff/0',
  },
  {
    name: 'POST /v1/policy/rollback',
    scope: 'policy:admin',
    method: 'POST',
    path: '/v1/policy/rollback',
    body: { version: 1 },
    ok: 201,
  },
  {
    name: 'POST /v1/policy/validate',
    scope: 'policy:admin',
    method: 'POST',
    path: '/v1/policy/validate',
    body: { mode: 'monitor' },
  },
] as const;

/** Routes anyone may call: probes, metrics, the public keys, the console's static page, the API's document and reference page. */
const PUBLIC = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /.well-known/jwks.json',
  'GET /console',
  'GET /console/console.css',
  'GET /console/console.js',
  'GET /console/fields.json',
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/init.js',
  'GET /docs/swagger-ui-bundle.js',
  'GET /docs/swagger-ui.css',
  'GET /console/chart.js',
  'GET /console/texts.json',
  // the console's sign-in: each checks what it needs itself (test/console-session.test.ts)
  'GET /console/session',
  'GET /console/login',
  'GET /console/callback',
  'POST /console/token',
  'POST /console/logout',
];

describe.each(BACKENDS)('authentication and tenancy on %s', (backend) => {
  const env = useTestService(backend);

  const call = (route: (typeof ROUTES)[number], token?: string) =>
    env.svc.app.request(route.path, {
      method: route.method,
      headers: {
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/json',
      },
      ...('body' in route ? { body: JSON.stringify(route.body) } : {}),
    });

  describe.each(ROUTES)('$name', (route) => {
    it('accepts a valid token with the scope', async () => {
      expect((await call(route, await env.svc.token('t1', [route.scope]))).status).toBe(
        'ok' in route ? route.ok : 200,
      );
    });
    it('answers 401 without a token', async () => {
      const res = await call(route);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    });
    it('answers 401 for a token signed by another key', async () => {
      const other = await ephemeralKeys();
      expect(
        (
          await call(
            route,
            await signAccessToken(other.dev!, { tenant: 't1', scopes: [route.scope] }, AUTH),
          )
        ).status,
      ).toBe(401);
    });
    it('answers 401 for an expired token', async () => {
      expect(
        (await call(route, await env.svc.token('t1', [route.scope], { ttlSeconds: -60 }))).status,
      ).toBe(401);
    });
    it('answers 401 for a token for another audience', async () => {
      expect(
        (
          await call(
            route,
            await signAccessToken(
              env.svc.keys.dev!,
              { tenant: 't1', scopes: [route.scope] },
              { ...AUTH, audience: 'elsewhere' },
            ),
          )
        ).status,
      ).toBe(401);
    });
    it('answers 401 for a token without a tenant', async () => {
      const token = await new SignJWT({ scope: route.scope })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setIssuer(AUTH.issuer)
        .setAudience(AUTH.audience)
        .setExpirationTime('1h')
        .sign(env.svc.keys.dev!.privateKey);
      expect((await call(route, token)).status).toBe(401);
    });
    it('answers 403 without the scope', async () => {
      const res = await call(
        route,
        await env.svc.token('t1', [route.scope === 'check:override' ? 'check' : 'check:override']),
      );
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    });
  });

  it('tests every route the app serves, and nothing else is public', () => {
    const served = new Set(
      env.svc.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    );
    expect([...served].sort()).toEqual([...ROUTES.map((r) => r.name), ...PUBLIC].sort());
  });

  it('does not take a token another app verified (other keys) as verified', async () => {
    const token = await env.svc.token('t1', ['audit:read']);
    const headers = { authorization: `Bearer ${token}` };
    expect((await env.svc.app.request('/v1/audit/summary', { headers })).status).toBe(200);
    const other = await createTestService(env.db.handle);
    expect((await other.app.request('/v1/audit/summary', { headers })).status).toBe(401);
  });

  it("never shows one tenant another tenant's events", async () => {
    const a = await env.svc.token('tenant-a', ['check', 'audit:read']);
    const b = await env.svc.token('tenant-b', ['audit:read']);
    const res = await env.svc.check(a, {
      direction: 'inbound',
      text: 'Mój PESEL 44051401458',
      channel: { platform: 'fb', visibility: 'public' },
    });
    const { audit } = await res.json();
    const own = await env.svc.app.request(`/v1/audit/events/${audit.id}`, {
      headers: { authorization: `Bearer ${a}` },
    });
    expect(own.status).toBe(200);
    const other = await env.svc.app.request(`/v1/audit/events/${audit.id}`, {
      headers: { authorization: `Bearer ${b}` },
    });
    expect(other.status).toBe(404);
    const list = await (
      await env.svc.app.request('/v1/audit/events', { headers: { authorization: `Bearer ${b}` } })
    ).json();
    expect(list.events.map((e: { id: string }) => e.id)).not.toContain(audit.id);
  });
});
