import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import { consoleTokenSchema } from '../api/console-schemas.ts';
import { readJson } from '../api/body.ts';
import type { AppEnv } from '../api/env.ts';
import { ApiError } from '../api/errors.ts';
import { verifyAccessToken, type AccessTokenOptions } from '../auth/access-token.ts';
import { CONSOLE_FIELDS } from '../audit/event-fields.ts';
import { catalog } from './catalog.ts';
import { callerFromClaims, type OidcClient } from './oidc.ts';
import {
  dropCookie,
  LOGIN_COOKIE,
  overTls,
  putCookie,
  readCookie,
  sameOrigin,
  SESSION_COOKIE,
} from './session-cookie.ts';
import { csrfMatches, type SessionStore } from './sessions.ts';
import { TEXTS } from './texts.ts';

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
const PAGE = read('page.html');
const SCRIPT = read('console.js');
const STYLE = read('console.css');
// Chart.js as npm ships it, served from here (no CDN)
const CHARTS = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'),
  'utf8',
);

// The page holds no data; it calls the API with the session's cookie.
const SECURITY = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
const CONSOLE_SCOPES = new Set(['audit:read', 'audit:review', 'policy:admin']);

/** How officers sign in to the console. */
export interface ConsoleAuth {
  sessions: SessionStore;
  oidc?: OidcClient | undefined;
  /** Pasting an access token (development only). */
  devTokens: boolean;
  sessionMinutes: number;
  accessKeys: JWTVerifyGetKey;
  auth: AccessTokenOptions;
}

/** GET /console: the audit console for compliance officers (static files, sign-in, the session). */
export function consoleRoutes(ca: ConsoleAuth) {
  const app = new Hono<AppEnv>();
  const redirectUri = ca.oidc?.settings.redirectUri;
  const tls = (c: Parameters<typeof overTls>[0]) => overTls(c, redirectUri);
  const js = { ...SECURITY, 'content-type': 'text/javascript; charset=utf-8' };
  const json = { ...SECURITY, 'cache-control': 'no-cache' };

  app.get('/', (c) => c.html(PAGE, 200, SECURITY));
  app.get('/console.js', (c) => c.body(SCRIPT, 200, js));
  app.get('/chart.js', (c) => c.body(CHARTS, 200, { ...js, 'cache-control': 'max-age=86400' }));
  app.get('/console.css', (c) =>
    c.body(STYLE, 200, { ...SECURITY, 'content-type': 'text/css; charset=utf-8' }),
  );
  // what the page shows of an event, from the one declaration of the audit event's fields
  app.get('/fields.json', (c) => c.json(CONSOLE_FIELDS, 200, json));
  // every text of the console in Polish, Lithuanian and English, with the kinds and rules it names
  app.get('/texts.json', (c) => c.json({ texts: TEXTS, ...catalog() }, 200, json));

  app.get('/session', (c) => {
    const session = ca.sessions.get(readCookie(c, SESSION_COOKIE, tls(c)));
    const how = { oidc: ca.oidc !== undefined, devTokens: ca.devTokens };
    c.header('cache-control', 'no-store');
    if (!session) return c.json({ signedIn: false, ...how });
    return c.json({
      signedIn: true,
      ...how,
      tenant: session.caller.tenant,
      subject: session.caller.subject,
      name: session.name,
      scopes: [...session.caller.scopes],
      csrf: session.csrf,
      via: session.via,
      expiresAt: new Date(session.expiresAt).toISOString(),
    });
  });

  const open = (c: Parameters<typeof tls>[0], made: ReturnType<SessionStore['create']>) => {
    putCookie(c, SESSION_COOKIE, made.id, {
      secure: tls(c),
      sameSite: 'Strict',
      maxAgeSeconds: Math.max(1, Math.floor((made.session.expiresAt - Date.now()) / 1000)),
    });
  };

  app.get('/login', async (c) => {
    if (!ca.oidc) throw new ApiError('not_found', 'No OpenID Connect provider is configured.');
    let start: Awaited<ReturnType<OidcClient['start']>>;
    try {
      start = await ca.oidc.start();
    } catch (err) {
      // the provider cannot be reached or its metadata is wrong: say so on the page
      c.get('log')?.warn({ err: { type: (err as Error)?.name } }, 'console sign-in unavailable');
      return c.redirect('/console?signin=unavailable', 303);
    }
    const id = ca.sessions.startLogin(start);
    putCookie(c, LOGIN_COOKIE, id, { secure: tls(c), sameSite: 'Lax', maxAgeSeconds: 600 });
    c.header('cache-control', 'no-store');
    return c.redirect(start.url, 302);
  });

  app.get('/callback', async (c) => {
    if (!ca.oidc) throw new ApiError('not_found', 'No OpenID Connect provider is configured.');
    // the sign-in this browser started, once: a callback from elsewhere finds none
    const pending = ca.sessions.finishLogin(readCookie(c, LOGIN_COOKIE, tls(c)));
    dropCookie(c, LOGIN_COOKIE, tls(c));
    c.header('cache-control', 'no-store');
    if (!pending) return c.redirect('/console?signin=expired', 303);
    let result: ReturnType<typeof callerFromClaims>;
    try {
      const { claims } = await ca.oidc.finish(new URL(c.req.url).search, pending);
      result = callerFromClaims(claims, ca.oidc.settings);
    } catch (err) {
      c.get('log')?.warn({ err: { type: (err as Error)?.name } }, 'console sign-in failed');
      return c.redirect('/console?signin=failed', 303);
    }
    if ('refused' in result) return c.redirect(`/console?signin=${result.refused}`, 303);
    const previous = readCookie(c, SESSION_COOKIE, tls(c));
    ca.sessions.end(previous);
    open(c, ca.sessions.create(result.caller, 'oidc', result.name));
    return c.redirect('/console', 303);
  });

  app.post('/token', async (c) => {
    if (!ca.devTokens)
      throw new ApiError('forbidden', 'Pasting a token is for development only; sign in instead.');
    if (!sameOrigin(c, redirectUri)) throw new ApiError('forbidden', 'Not from this console.');
    const { data } = await readJson(c, consoleTokenSchema);
    const caller = await verifyAccessToken(data.token, ca.accessKeys, ca.auth);
    const scopes = new Set([...caller.scopes].filter((s) => CONSOLE_SCOPES.has(s)));
    if (!scopes.has('audit:read'))
      throw new ApiError('forbidden', 'The token lacks the scope "audit:read".');
    ca.sessions.end(readCookie(c, SESSION_COOKIE, tls(c)));
    open(c, ca.sessions.create({ ...caller, scopes }, 'token', null));
    return c.json({ signedIn: true }, 201);
  });

  app.post('/logout', (c) => {
    const id = readCookie(c, SESSION_COOKIE, tls(c));
    const session = ca.sessions.get(id);
    if (
      session &&
      (!csrfMatches(session, c.req.header('x-csrf-token')) || !sameOrigin(c, redirectUri))
    )
      throw new ApiError('forbidden', "Signing out needs the session's CSRF token (x-csrf-token).");
    ca.sessions.end(id);
    dropCookie(c, SESSION_COOKIE, tls(c));
    return c.body(null, 204);
  });
  return app;
}
