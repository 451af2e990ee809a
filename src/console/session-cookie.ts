import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError } from '../api/errors.ts';
import type { AppEnv } from '../api/env.ts';
import { csrfMatches, type SessionStore } from './sessions.ts';

/** Whether the console is served over TLS: its public callback is https, or the request came in so. */
export function overTls(c: Context, redirectUri?: string): boolean {
  return redirectUri?.startsWith('https://') === true || new URL(c.req.url).protocol === 'https:';
}

// with TLS the __Host- prefix: the browser then refuses the cookie unless Secure, path /, no Domain
const name = (secure: boolean, base: string) => (secure ? `__Host-${base}` : base);
export const SESSION_COOKIE = 'sargas_session';
export const LOGIN_COOKIE = 'sargas_login';

/**
 * Sets a console cookie: HttpOnly always, Secure over TLS. The session is SameSite=Strict
 * (no other site's page can make the browser send it); the sign-in's cookie is Lax, as it
 * must come back with the provider's redirect, a top-level navigation from another site.
 */
export function putCookie(
  c: Context,
  base: string,
  value: string,
  options: { secure: boolean; maxAgeSeconds: number; sameSite: 'Strict' | 'Lax' },
) {
  setCookie(c, name(options.secure, base), value, {
    path: '/',
    httpOnly: true,
    secure: options.secure,
    sameSite: options.sameSite,
    maxAge: options.maxAgeSeconds,
  });
}
export function readCookie(c: Context, base: string, secure: boolean): string | undefined {
  return getCookie(c, name(secure, base));
}
export function dropCookie(c: Context, base: string, secure: boolean) {
  deleteCookie(c, name(secure, base), { path: '/', secure, httpOnly: true });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request's Origin (when the browser sent one) is this service's. */
export function sameOrigin(c: Context, redirectUri?: string): boolean {
  const origin = c.req.header('origin');
  if (!origin) return true;
  const own = [new URL(c.req.url).origin];
  if (redirectUri) own.push(new URL(redirectUri).origin);
  return own.includes(origin);
}

/**
 * For /v1: a request without an Authorization header but with a console session acts as
 * the session's caller (requireScope reads it); a state-changing one must carry the
 * session's CSRF token in `x-csrf-token` and come from this origin, or it is a 403.
 */
export function sessionCaller(
  sessions: SessionStore,
  redirectUri?: string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.header('authorization') === undefined) {
      const id = readCookie(c, SESSION_COOKIE, overTls(c, redirectUri));
      const session = sessions.get(id);
      if (session) {
        if (
          !SAFE.has(c.req.method) &&
          (!csrfMatches(session, c.req.header('x-csrf-token')) || !sameOrigin(c, redirectUri))
        )
          throw new ApiError(
            'forbidden',
            "A change from the console needs the session's CSRF token (x-csrf-token).",
          );
        c.set('sessionCaller', session.caller);
        // signed out or expired: an answer still streaming stops
        c.set('stillValid', () => sessions.get(id) !== null);
      }
    }
    await next();
  };
}
