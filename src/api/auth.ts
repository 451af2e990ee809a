import type { MiddlewareHandler } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import {
  verifyAccessToken,
  type AccessTokenOptions,
  type Caller,
  type Scope,
} from '../auth/access-token.ts';
import { ApiError } from './errors.ts';
import type { AppEnv } from './env.ts';

// A helpdesk tool sends the same token with every check until it expires: its verified
// claims are kept until then (bounded, in memory only), so the signature is checked once.
// One cache per key set and its options, so a token verified under one set of keys is never
// taken as verified under another (another app in the process, rotated keys).
type Verified = Map<string, { caller: Caller; until: number }>;
const caches = new WeakMap<JWTVerifyGetKey, WeakMap<AccessTokenOptions, Verified>>();
const CACHE_LIMIT = 2048;

function cacheFor(keys: JWTVerifyGetKey, options: AccessTokenOptions): Verified {
  let byOptions = caches.get(keys);
  if (!byOptions) {
    byOptions = new WeakMap();
    caches.set(keys, byOptions);
  }
  let cache = byOptions.get(options);
  if (!cache) {
    cache = new Map();
    byOptions.set(options, cache);
  }
  return cache;
}

async function callerFor(
  token: string,
  keys: JWTVerifyGetKey,
  options: AccessTokenOptions,
): Promise<Caller> {
  const verified = cacheFor(keys, options);
  const hit = verified.get(token);
  if (hit && hit.until > Date.now()) return hit.caller;
  const caller = await verifyAccessToken(token, keys, options);
  if (verified.size >= CACHE_LIMIT) verified.clear();
  if (caller.expiresAt) verified.set(token, { caller, until: caller.expiresAt * 1000 });
  return caller;
}

/** Builds the middleware that admits callers whose bearer token verifies (or whose console session is open) and carries `scope`. */
export function requireScope(
  scope: Scope,
  keys: JWTVerifyGetKey,
  options: AccessTokenOptions,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const session = header === undefined ? c.get('sessionCaller') : undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match && !session)
      throw new ApiError('unauthorized', 'Send a bearer token in the Authorization header.');
    const caller = session ?? (await callerFor(match?.[1] as string, keys, options));
    if (!caller.scopes.has(scope))
      throw new ApiError('forbidden', `This token lacks the scope "${scope}".`);
    c.set('caller', caller);
    await next();
  };
}
