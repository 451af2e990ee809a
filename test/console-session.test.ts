import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcClient } from '../src/console/oidc.ts';
import { SessionStore } from '../src/console/sessions.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { startTestProvider, type TestProvider } from './support/oidc-provider.ts';
import { createTestService, type TestService } from './support/service.ts';

const ORIGIN = 'http://sargas.test';
const REDIRECT = `${ORIGIN}/console/callback`;
const NO_SUCH_EVENT = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** The cookie a response sets, by name: its value and attributes. */
function cookieOf(res: Response, name: string) {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) return null;
  const [pair, ...attrs] = line.split(/;\s*/);
  return {
    value: (pair as string).slice(name.length + 1),
    attrs: attrs.map((a) => a.toLowerCase()),
    line,
  };
}

describe('console sign-in, sessions and CSRF', () => {
  let db: TestDatabase;
  let svc: TestService;
  let idp: TestProvider;
  let sessions: SessionStore;

  beforeAll(async () => {
    idp = await startTestProvider({
      redirectUri: REDIRECT,
      users: [
        {
          sub: 'officer-1',
          name: 'Ona Officer',
          claims: { tenant: 'bank-a', groups: ['compliance'] },
        },
        { sub: 'nobody', name: 'No Role', claims: { tenant: 'bank-a', groups: ['staff'] } },
      ],
    });
    db = await createTestDatabase('pglite');
    sessions = new SessionStore(60 * 60_000);
    svc = await createTestService(db.handle, {
      console: {
        devTokens: true,
        sessionMinutes: 60,
        sessions,
        oidc: new OidcClient({
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          redirectUri: REDIRECT,
          scopes: 'openid profile',
          tenantClaim: 'tenant',
          rolesClaim: 'groups',
          roleScopes: { compliance: ['audit:read', 'audit:review'] },
        }),
      },
    });
  });
  afterAll(async () => {
    svc.deps.availability?.close();
    await idp.close();
    await db.drop();
  });

  /** Signs in as a user of the provider: login, the provider's form, the callback. */
  async function signIn(user: number) {
    const login = await svc.app.request(`${ORIGIN}/console/login`);
    expect(login.status).toBe(302);
    const to = new URL(login.headers.get('location') as string);
    const started = cookieOf(login, 'sargas_login');
    const form = await fetch(to);
    expect(form.status).toBe(200);
    const html = await form.text();
    const hidden = Object.fromEntries(
      [...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const back = await fetch(`${idp.issuer}/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ ...hidden, user: String(user) }),
      redirect: 'manual',
    });
    const callback = back.headers.get('location') as string;
    const res = await svc.app.request(callback, {
      headers: { cookie: `sargas_login=${started?.value}` },
    });
    return { login, to, started, callback, res };
  }

  it('signs in with the authorization code and PKCE, and keeps the session on the server', async () => {
    const { to, started, res } = await signIn(0);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('state')).toBeTruthy();
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(started?.attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(idp.tokenRequests.at(-1)).toEqual({ pkce: true });

    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console');
    const cookie = cookieOf(res, 'sargas_session');
    expect(cookie?.attrs).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']),
    );
    expect(cookie?.attrs).not.toContain('secure'); // served over plain http here
    // the cookie is an opaque id: no claim, no token in it
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    const me = await (
      await svc.app.request('/console/session', {
        headers: { cookie: cookie?.line.split(';')[0] as string },
      })
    ).json();
    expect(me).toMatchObject({
      signedIn: true,
      tenant: 'bank-a',
      subject: 'officer-1',
      name: 'Ona Officer',
      via: 'oidc',
    });
    expect(me.scopes.sort()).toEqual(['audit:read', 'audit:review']);
  });

  it('refuses a callback this browser did not start, and the same callback twice', async () => {
    const { callback, started, res } = await signIn(0);
    expect(res.status).toBe(303);
    const again = await svc.app.request(callback, {
      headers: { cookie: `sargas_login=${started?.value}` },
    });
    expect(again.headers.get('location')).toBe('/console?signin=expired');
    const foreign = await svc.app.request(callback);
    expect(foreign.headers.get('location')).toBe('/console?signin=expired');
    expect(cookieOf(foreign, 'sargas_session')).toBeNull();
  });

  it('opens no session for an account without a role that grants a console scope', async () => {
    const { res } = await signIn(1);
    expect(res.headers.get('location')).toBe('/console?signin=no_role');
    expect(cookieOf(res, 'sargas_session')).toBeNull();
  });

  it('lets the session read the API, and refuses every change without its CSRF token', async () => {
    const { res } = await signIn(0);
    const cookie = cookieOf(res, 'sargas_session')?.line.split(';')[0] as string;
    const me = await (await svc.app.request('/console/session', { headers: { cookie } })).json();
    expect((await svc.app.request('/v1/audit/events', { headers: { cookie } })).status).toBe(200);
    // scopes the roles do not grant stay closed
    expect((await svc.app.request('/v1/policy', { headers: { cookie } })).status).toBe(403);
    const post = (headers: Record<string, string>) =>
      svc.app.request(`${ORIGIN}/v1/audit/events/${NO_SUCH_EVENT}/reviews`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ verdict: 'confirmed', note: 'seen' }),
      });
    const none = await post({});
    expect(none.status).toBe(403);
    expect((await none.json()).error.message).toMatch(/CSRF/);
    expect((await post({ 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
    expect((await post({ 'x-csrf-token': me.csrf, origin: 'https://evil.example' })).status).toBe(
      403,
    );
    // with the token (and from this origin) it gets to the route: no such event
    expect((await post({ 'x-csrf-token': me.csrf, origin: ORIGIN })).status).toBe(404);
    // a bearer token is taken as it is: the cookie plays no part
    const bearer = await svc.token('bank-b', ['audit:read']);
    const asBearer = await svc.app.request('/console/session', { headers: { cookie } });
    expect(asBearer.status).toBe(200);
    const list = await svc.app.request('/v1/audit/events', {
      headers: { cookie, authorization: `Bearer ${bearer}` },
    });
    expect(list.status).toBe(200);
    // signing out needs the token too, and ends the session on the server
    expect(
      (await svc.app.request('/console/logout', { method: 'POST', headers: { cookie } })).status,
    ).toBe(403);
    const out = await svc.app.request('/console/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': me.csrf },
    });
    expect(out.status).toBe(204);
    expect((await svc.app.request('/v1/audit/events', { headers: { cookie } })).status).toBe(401);
  });

  it('takes a pasted token in development, with a Secure __Host- cookie over TLS', async () => {
    const token = await svc.token('bank-dev', ['audit:read', 'check']);
    const res = await svc.app.request('https://sargas.test/console/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(res.status).toBe(201);
    const cookie = cookieOf(res, '__Host-sargas_session');
    expect(cookie?.attrs).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/']),
    );
    const me = await (
      await svc.app.request('https://sargas.test/console/session', {
        headers: { cookie: cookie?.line.split(';')[0] as string },
      })
    ).json();
    // only the console's scopes come along
    expect(me).toMatchObject({
      signedIn: true,
      tenant: 'bank-dev',
      via: 'token',
      scopes: ['audit:read'],
    });
    const forged = await svc.app.request('/console/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: `${token.slice(0, -4)}AAAA` }),
    });
    expect(forged.status).toBe(401);
  });

  it('says so on the page when the provider cannot be reached', async () => {
    const down = await createTestService(db.handle, {
      console: {
        devTokens: false,
        sessionMinutes: 60,
        oidc: new OidcClient({
          issuer: 'http://127.0.0.1:9/none',
          clientId: 'x',
          redirectUri: REDIRECT,
          scopes: 'openid',
          tenantClaim: 'tenant',
          rolesClaim: 'roles',
        }),
      },
    });
    const res = await down.app.request('/console/login');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console?signin=unavailable');
    down.deps.availability?.close();
  });

  it('refuses pasted tokens when development sign-in is off', async () => {
    const off = await createTestService(db.handle, {
      console: { devTokens: false, sessionMinutes: 60 },
    });
    const res = await off.app.request('/console/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: await off.token('t', ['audit:read']) }),
    });
    expect(res.status).toBe(403);
    expect((await (await off.app.request('/console/session')).json()).devTokens).toBe(false);
    off.deps.availability?.close();
  });
});
