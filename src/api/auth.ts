import type { MiddlewareHandler } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import { verifyAccessToken, type AccessTokenOptions, type Scope } from '../auth/access-token.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './env.ts';

/** Builds the middleware that admits callers whose bearer token verifies and carries `scope`. */
export function requireScope(scope: Scope, keys: JWTVerifyGetKey, options: AccessTokenOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError('unauthorized', 'Send a bearer token in the Authorization header.');
    const caller = await verifyAccessToken(match[1] as string, keys, options);
    if (!caller.scopes.has(scope)) throw new ApiError('forbidden', `This token lacks the scope "${scope}".`);
    c.set('caller', caller);
    await next();
  };
}
