import { Hono } from 'hono';
import { careSummary, readCareEvents } from '../audit/care.ts';
import { recordThreadAction } from '../service/thread-actions.ts';
import { parseQuery } from './audit-schemas.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import { careSummaryQuerySchema, threadActionSchema, threadIdParamSchema } from './care-schemas.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';

const DAY_MS = 86_400_000;
const DEFAULT_FOLLOW_UP_MINUTES = 24 * 60;

/** GET /v1/care/summary: care metrics of the caller's tenant (docs/care.md). */
export function careRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);
  app.get('/summary', read, async (c) => {
    const q = parseQuery(careSummaryQuerySchema, c.req.query());
    const now = deps.clock.now();
    const to = q.to ?? now;
    const from = q.from ?? new Date(to.getTime() - 30 * DAY_MS);
    if (from.getTime() >= to.getTime())
      throw new ApiError('invalid_request', 'from: must be before to.', [
        { field: 'from', message: 'must be before to' },
      ]);
    if (to.getTime() - from.getTime() > 366 * DAY_MS)
      throw new ApiError('invalid_request', 'from: the period is at most 366 days.', [
        { field: 'from', message: 'the period is at most 366 days' },
      ]);
    const tenant = c.get('caller').tenant;
    const followUpMinutes =
      deps.care?.followUpMinutesByTenant?.get(tenant) ??
      deps.care?.followUpMinutes ??
      DEFAULT_FOLLOW_UP_MINUTES;
    const events = await readCareEvents(deps.database, tenant, from);
    return c.json(careSummary(events, { from, to, now, followUpMinutes, platform: q.platform }));
  });
  return app;
}

/** POST /v1/threads/:id/actions: what the helpdesk did about a thread, recorded in the chain. */
export function threadRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const check = requireScope('check', deps.keys.accessKeys, deps.auth);
  app.post('/:id/actions', check, async (c) => {
    const id = threadIdParamSchema.safeParse(c.req.param('id'));
    if (!id.success)
      throw new ApiError(
        'invalid_request',
        'id: must be a thread id (one line, at most 256 characters).',
        [{ field: 'id', message: 'must be a thread id (one line, at most 256 characters)' }],
      );
    const { data } = await readJson(c, threadActionSchema);
    const { row } = await recordThreadAction(
      { writer: deps.writer, clock: deps.clock, deadlineMs: deps.checkDeadlineMs ?? 2000 },
      c.get('caller'),
      id.data,
      data,
    );
    const details = row.details as { action: 'post_hidden' | 'customer_contacted'; at: string };
    return c.json(
      {
        id: row.id,
        seq: row.seq,
        threadId: id.data,
        action: details.action,
        at: details.at,
        createdAt: row.createdAt.toISOString(),
      },
      201,
    );
  });
  return app;
}
