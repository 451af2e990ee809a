import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import pino, { type Logger } from 'pino';
import type { AccessTokenOptions } from './auth/access-token.ts';
import type { KeyMaterial } from './auth/keys.ts';
import type { AuditWriter } from './audit/writer.ts';
import type { Clock } from './clock.ts';
import type { DatabaseHandle } from './db/client.ts';
import { ApiError } from './errors.ts';
import { auditRoutes } from './api/audit-routes.ts';
import { checkRoutes } from './api/check-routes.ts';
import type { AppEnv } from './api/env.ts';
import { DEFAULT_MAX_BODY_BYTES, limitBody } from './api/body.ts';
import { errorResponse } from './api/errors.ts';
import { healthRoutes } from './api/health-routes.ts';
import { overrideRoutes } from './api/override-routes.ts';
import { policyRoutes } from './api/policy-routes.ts';
import { consoleRoutes } from './console/routes.ts';
import { createMetrics } from './api/metrics.ts';
import type { PolicyStore } from './policies/store.ts';
import type { RateLimit } from './api/rate-limit.ts';

/** Everything the app uses from outside; tests pass their own. */
export interface AppDeps {
  database: DatabaseHandle;
  writer: AuditWriter;
  policies: PolicyStore;
  keys: KeyMaterial;
  clock: Clock;
  auth: AccessTokenOptions;
  logger?: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Checks per second and burst per tenant on this replica; none: unlimited. */
  rateLimit?: RateLimit | undefined;
  /** Node.js process metrics (event loop lag, GC, memory) on /metrics; off in tests. */
  processMetrics?: boolean;
}

/** Builds the HTTP app. No I/O happens here; the routes use `deps` when called. */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const metrics = createMetrics(deps.writer, { defaultMetrics: deps.processMetrics });
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('log', logger.child({ requestId: c.get('requestId') }));
    await next();
    // method, route and outcome only: never the body, which holds customers' messages
    c.get('log').info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 100) / 100, tenant: c.get('caller')?.tenant }, 'request');
  });
  app.use('/v1/*', limitBody(deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    // an unknown error's message could echo personal data: log its type and stack only
    c.get('log')?.error({ err: { type: err.name, stack: err.stack?.split('\n').slice(1, 6).join('\n') } }, 'unhandled error');
    return errorResponse(c, new ApiError('internal', 'Something went wrong; the request id identifies it in the logs.'));
  });
  app.notFound((c) => errorResponse(c, new ApiError('not_found', 'No such endpoint.')));

  app.route('/', healthRoutes(deps, metrics));
  app.route('/v1/check', checkRoutes(deps, metrics));
  app.route('/v1/audit/events', overrideRoutes(deps));
  app.route('/v1/audit', auditRoutes(deps));
  app.route('/v1/policy', policyRoutes(deps));
  app.route('/console', consoleRoutes());
  return app;
}

export type App = ReturnType<typeof createApp>;
