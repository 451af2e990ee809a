import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAccessToken } from '../src/auth/access-token.ts';
import { ephemeralKeys } from '../src/auth/keys.ts';
import { BACKENDS } from './support/database.ts';
import { PUBLIC, ROUTES } from './support/routes.ts';
import { AUTH, createTestService, useTestService } from './support/service.ts';

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
