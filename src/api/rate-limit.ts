import type { Context, MiddlewareHandler } from 'hono';
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
 *
 * A request costs one token per check it holds. A batch larger than the burst is let in
 * while a token is left and puts the bucket into debt, so the tenant's next requests wait
 * as long as those checks one by one would have: a batch is never refused for its size
 * alone, and it never buys more than the tenant's rate.
 */
export class TenantBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Throws 429 (setting Retry-After) unless a token is left, taking none: before reading a large body. */
  admit(c: Context<AppEnv>, tenant: string): void {
    this.take(c, tenant, 0);
  }

  /** Takes `cost` tokens of `tenant`'s bucket, or throws 429 (setting Retry-After on `c`). */
  take(c: Context<AppEnv>, tenant: string, cost = 1): void {
    const t = this.now();
    const b = this.buckets.get(tenant) ?? { tokens: this.limit.burst, at: t };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((t - b.at) / 1000) * this.limit.perSecond);
    b.at = t;
    this.buckets.set(tenant, b);
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / this.limit.perSecond));
      c.header('retry-after', String(wait));
      throw new ApiError('rate_limited', `Too many checks for this tenant; retry after ${wait} s.`);
    }
    b.tokens -= cost;
  }
}

/** The bucket as middleware: one token per request. */
export function rateLimit(
  limit: RateLimit | TenantBuckets,
  now?: () => number,
): MiddlewareHandler<AppEnv> {
  const buckets = limit instanceof TenantBuckets ? limit : new TenantBuckets(limit, now);
  return async (c, next) => {
    buckets.take(c, c.get('caller').tenant);
    await next();
  };
}
