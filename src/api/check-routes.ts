import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app.ts';
import { ApiError } from '../errors.ts';
import { performCheck } from '../service/check.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import { rateLimit } from './rate-limit.ts';
import { checkRequestSchema } from './check-schema.ts';
import type { AppEnv } from './env.ts';
import type { Metrics } from './metrics.ts';

/** POST /v1/check: the pre-send and on-receive check. */
export function checkRoutes(deps: AppDeps, metrics: Metrics) {
  const app = new Hono<AppEnv>();
  const limit = deps.rateLimit ? [rateLimit(deps.rateLimit)] : [];
  // the whole request inside the service, authentication and body included, whatever its answer
  const timed: MiddlewareHandler<AppEnv> = async (_c, next) => {
    const stop = metrics.latency.startTimer();
    try {
      await next();
    } finally {
      stop();
    }
  };
  app.post('/', timed, requireScope('check', deps.keys.accessKeys, deps.auth), ...limit, async (c) => {
    const { data, raw } = await readJson(c, checkRequestSchema);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && (key.length < 1 || key.length > 200)) throw new ApiError('invalid_request', 'Idempotency-Key must be 1 to 200 characters.');
    const outcome = await performCheck(deps, c.get('caller'), data, raw, key);
    metrics.checks.inc({ decision: outcome.decision, direction: data.direction, visibility: data.channel.visibility });
    for (const kind of outcome.kinds) metrics.findings.inc({ kind });
    return c.json(outcome.body);
  });
  return app;
}
