import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';
import type { AppEnv } from './env.ts';

/** Checks per second and burst allowed per tenant, per replica. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/**
 * A token bucket per tenant: one noisy integration cannot starve the others on a replica.
 * Answers 429 with Retry-After. Limits are per process; with N replicas a tenant gets N×.
 */
export function rateLimit(
  limit: RateLimit,
  now: () => number = () => performance.now(),
): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const tenant = c.get('caller').tenant;
    const t = now();
    const b = buckets.get(tenant) ?? { tokens: limit.burst, at: t };
    b.tokens = Math.min(limit.burst, b.tokens + ((t - b.at) / 1000) * limit.perSecond);
    b.at = t;
    buckets.set(tenant, b);
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond));
      c.header('retry-after', String(wait));
      throw new ApiError('rate_limited', `Too many checks for this tenant; retry after ${wait} s.`);
    }
    b.tokens -= 1;
    await next();
  };
}
