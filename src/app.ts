import { Hono } from 'hono';
import { routePath } from 'hono/route';
import pino from 'pino';
import { DomainError } from './errors.ts';
import { errorSummary, safeRequestId } from './api/log-safety.ts';
import { auditRoutes } from './api/audit-routes.ts';
import { checkRoutes } from './api/check-routes.ts';
import type { AppEnv } from './api/env.ts';
import { DEFAULT_MAX_BODY_BYTES, limitBody } from './api/body.ts';
import { DEFAULT_MAX_BATCH_BODY_BYTES } from './api/check-schema.ts';
import { ApiError, errorResponse } from './api/errors.ts';
import { healthRoutes } from './api/health-routes.ts';
import { eventRoutes } from './api/event-routes.ts';
import { exportRoutes } from './api/export-routes.ts';
import { lookupRoutes } from './api/lookup-routes.ts';
import { verifyRoutes } from './api/verify-routes.ts';
import { policyRoutes } from './api/policy-routes.ts';
import { streamRoutes } from './api/stream-routes.ts';
import { sinkRoutes } from './api/sink-routes.ts';
import { careRoutes, threadRoutes } from './api/care-routes.ts';
import { docsRoutes } from './api/docs-routes.ts';
import { SERVICE_VERSION } from './version.ts';
import { consoleRoutes, type ConsoleAuth } from './console/routes.ts';
import { sessionCaller } from './console/session-cookie.ts';
import { SessionStore } from './console/sessions.ts';
import { reviewQueueRoutes } from './api/review-queue-routes.ts';
import { policyHistoryRoutes } from './api/policy-history-routes.ts';
import { createMetrics } from './api/metrics.ts';
import { isUnavailable, StoreUnavailable } from './db/unavailable.ts';
import { auditUnavailable } from './service/audit-failure.ts';

import type { AppDeps } from './api/deps.ts';

export type { AppDeps } from './api/deps.ts';

/** Builds the HTTP app. No I/O happens here; the routes use `deps` when called. */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const metrics = createMetrics(deps.writer, {
    defaultMetrics: deps.processMetrics,
    availability: deps.availability,
    witnesses: deps.witnesses,
    sinks: deps.sinks,
  });
  const app = new Hono<AppEnv>();

  // Headers every answer carries are set before anything answers, so they go into the
  // answer a route or a later middleware (the body limit's 413, the breaker's 503) builds:
  // set after it, Hono rebuilds the answer around a body stream, and @hono/node-server then
  // writes it through its slow streaming path (~10% of a check's CPU, docs/performance.md).
  // An answer a route built itself gets them afterwards.
  // A caller's request id goes into every log line: only a UUID is taken as it is (any other
  // text could be a customer's phone number or IBAN), else the service makes one.
  app.use(async (c, next) => {
    c.set('startedAt', performance.now());
    const id = safeRequestId(c.req.header('x-request-id'));
    c.set('requestId', id);
    c.header('x-request-id', id);
    // decisions, events, proofs and policies are personal-data adjacent: no cache keeps them
    const noStore = c.req.path.startsWith('/v1/');
    if (noStore) c.header('cache-control', 'no-store');
    await next();
    const headers = c.res.headers;
    if (!headers.has('x-request-id')) headers.set('x-request-id', id);
    if (noStore && !headers.has('cache-control')) headers.set('cache-control', 'no-store');
    // shutting down: this connection is not kept for another request
    if (deps.lifecycle?.draining) headers.set('connection', 'close');
  });
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('log', logger.child({ requestId: c.get('requestId') }));
    await next();
    // method, route pattern and outcome only: never the body, which holds customers'
    // messages, nor the path or query as sent, which can hold anything (an IBAN as an id)
    c.get('log').info(
      {
        method: c.req.method,
        route: routePath(c, -1),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 100) / 100,
        tenant: c.get('caller')?.tenant,
      },
      'request',
    );
  });
  const maxBody = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxBatchBody = Math.max(maxBody, deps.maxBatchBodyBytes ?? DEFAULT_MAX_BATCH_BODY_BYTES);
  app.use('/v1/check/batch', limitBody(maxBatchBody));
  app.use('/v1/*', async (c, next) =>
    c.req.path === '/v1/check/batch' ? next() : limitBody(maxBody)(c, next),
  );
  // the console's session cookie stands for a bearer token (CSRF-checked on every change)
  const consoleAuth: ConsoleAuth = {
    sessions:
      deps.console?.sessions ?? new SessionStore((deps.console?.sessionMinutes ?? 480) * 60_000),
    oidc: deps.console?.oidc,
    devTokens: deps.console?.devTokens ?? false,
    sessionMinutes: deps.console?.sessionMinutes ?? 480,
    accessKeys: deps.keys.accessKeys,
    auth: deps.auth,
  };
  app.use('/v1/*', sessionCaller(consoleAuth.sessions, consoleAuth.oidc?.settings.redirectUri));
  // while the store is known to be down nothing under /v1 can be answered (a check needs its
  // event committed, the audit reads the store): 503 at once, not after a connect timeout
  app.use('/v1/*', async (_c, next) => {
    if (deps.availability && !deps.availability.up)
      throw auditUnavailable(
        new StoreUnavailable('the audit store is down', 'store_down'),
        'this request',
      );
    await next();
  });

  app.onError((err, c) => {
    if (err instanceof DomainError) return errorResponse(c, err);
    // a read (or any route) whose database went away: 503, and the breaker opens
    if (deps.availability ? deps.availability.observe(err) : isUnavailable(err))
      return errorResponse(c, auditUnavailable(err, 'this request'));
    // an unknown error's message could echo personal data (a driver's error carries the
    // statement's parameters), and so could any line of its stack's head, which repeats the
    // message: its type, database error code and stack frames only
    c.get('log')?.error({ err: errorSummary(err) }, 'unhandled error');
    return errorResponse(
      c,
      new ApiError('internal', 'Something went wrong; the request id identifies it in the logs.'),
    );
  });
  app.notFound((c) => errorResponse(c, new ApiError('not_found', 'No such endpoint.')));

  app.route('/', healthRoutes(deps, metrics));
  app.route('/v1/check', checkRoutes(deps, metrics));
  app.route('/v1/audit/events', eventRoutes(deps));
  app.route('/v1/audit', reviewQueueRoutes(deps));
  app.route('/v1/audit/policy-versions', policyHistoryRoutes(deps));
  app.route('/v1/audit/fingerprints', lookupRoutes(deps));
  app.route('/v1/audit', verifyRoutes(deps));
  app.route('/v1/audit', exportRoutes(deps));
  app.route('/v1/audit', auditRoutes(deps));
  app.route('/v1/audit', streamRoutes(deps));
  app.route('/v1/audit', sinkRoutes(deps));
  app.route('/v1/policy', policyRoutes(deps));
  app.route('/v1/care', careRoutes(deps));
  app.route('/v1/threads', threadRoutes(deps));
  app.route('/console', consoleRoutes(consoleAuth));
  app.route('/', docsRoutes(SERVICE_VERSION));
  return app;
}

export type App = ReturnType<typeof createApp>;
