import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type ApiError, ERROR_STATUS } from './errors.ts';
import type { AppEnv } from './env.ts';
import { rateLimit, TenantBuckets } from './rate-limit.ts';

function app(clock: { t: number }) {
  const a = new Hono<AppEnv>();
  a.use(async (c, next) => {
    c.set('caller', { tenant: c.req.header('x-tenant') ?? 't', subject: 's', scopes: new Set() });
    await next();
  });
  a.use(rateLimit({ perSecond: 2, burst: 3 }, () => clock.t));
  a.get('/', (c) => c.text('ok'));
  a.onError((err, c) =>
    c.json({ code: (err as ApiError).code }, ERROR_STATUS[(err as ApiError).code]),
  );
  return a;
}

describe('rate limit', () => {
  it('allows the burst, then answers 429 with Retry-After until tokens refill, per tenant', async () => {
    const clock = { t: 0 };
    const a = app(clock);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await a.request('/')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await a.request('/');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await a.request('/', { headers: { 'x-tenant': 'other' } })).status).toBe(200);
    clock.t += 500; // one token back
    expect((await a.request('/')).status).toBe(200);
    expect((await a.request('/')).status).toBe(429);
  });
});

describe('rate limit for batches', () => {
  it('lets a batch larger than the burst in, and makes the next requests wait for its checks', async () => {
    const clock = { t: 0 };
    const buckets = new TenantBuckets({ perSecond: 10, burst: 5 }, () => clock.t);
    const a = new Hono<AppEnv>();
    a.post('/', (c) => {
      buckets.take(c, 't', Number(c.req.query('n')));
      return c.text('ok');
    });
    a.onError((err, c) =>
      c.json({ code: (err as ApiError).code }, ERROR_STATUS[(err as ApiError).code]),
    );
    expect((await a.request('/?n=25', { method: 'POST' })).status).toBe(200);
    const next = await a.request('/?n=1', { method: 'POST' });
    expect(next.status).toBe(429);
    // 20 tokens in debt and one more needed: 2.1 s at 10 per second
    expect(next.headers.get('retry-after')).toBe('3');
    clock.t += 2000;
    expect((await a.request('/?n=1', { method: 'POST' })).status).toBe(429);
    clock.t += 200;
    expect((await a.request('/?n=1', { method: 'POST' })).status).toBe(200);
  });
});
