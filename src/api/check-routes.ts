import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { performCheck } from '../service/check.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import { rateLimit } from './rate-limit.ts';
import { checkRequestSchema } from './check-schema.ts';
import type { AppEnv } from './env.ts';
import type { Metrics } from './metrics.ts';

/** How long a check may take, from its arrival to its committed event, unless configured (CHECK_DEADLINE_MS). */
export const DEFAULT_CHECK_DEADLINE_MS = 2000;

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
  app.post(
    '/',
    timed,
    requireScope('check', deps.keys.accessKeys, deps.auth),
    ...limit,
    async (c) => {
      // the deadline counts from the request's arrival (the helpdesk tool's clock is running)
      const deadline = c.get('startedAt') + (deps.checkDeadlineMs ?? DEFAULT_CHECK_DEADLINE_MS);
      const { data, raw } = await readJson(c, checkRequestSchema);
      const key = c.req.header('idempotency-key');
      // stored with the event: printable ASCII only, as the Idempotency-Key draft's keys are
      if (key !== undefined && !/^[\x20-\x7e]{1,200}$/.test(key)) {
        throw new ApiError(
          'invalid_request',
          'Idempotency-Key: must be 1 to 200 printable ASCII characters.',
          [{ field: 'Idempotency-Key', message: 'must be 1 to 200 printable ASCII characters' }],
        );
      }
      const outcome = await performCheck(deps, c.get('caller'), data, raw, key, deadline);
      metrics.checks.inc({
        decision: outcome.decision,
        direction: data.direction,
        visibility: data.channel.visibility,
      });
      for (const kind of outcome.kinds) metrics.findings.inc({ kind });
      return c.json(outcome.body);
    },
  );
  return app;
}
