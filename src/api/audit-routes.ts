import { Hono } from 'hono';
import { listCheckpoints, type EventFilter } from '../audit/query.ts';
import { purgeBefore } from '../audit/retention.ts';
import { summarize } from '../audit/summary.ts';
import { summaryQuerySchema, parseQuery, queryOf, purgeSchema } from './audit-schemas.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';
/** /v1/audit: the summary, the checkpoints, the retention purge (the events, lookups, verification and export are sub-apps of their own). */
export function auditRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);
  const admin = requireScope('audit:admin', deps.keys.accessKeys, deps.auth);
  const db = deps.database.db;

  app.get('/summary', read, async (c) => {
    const { tz, ...q } = parseQuery(summaryQuerySchema, queryOf(c));
    return c.json(await summarize(db, c.get('caller').tenant, q as EventFilter, tz));
  });

  app.get('/checkpoints', read, async (c) =>
    c.json({ checkpoints: await listCheckpoints(db, c.get('caller').tenant) }),
  );

  app.post('/purge', admin, async (c) => {
    const { data } = await readJson(c, purgeSchema);
    const caller = c.get('caller');
    const days = data.olderThanDays ?? (await deps.policies.get(caller.tenant)).retentionDays;
    if (!days)
      throw new ApiError(
        'invalid_request',
        'olderThanDays: give it, or set retentionDays in the policy.',
      );
    const cutoff = new Date(deps.clock.now().getTime() - days * 86_400_000);
    return c.json(
      await purgeBefore(
        { database: deps.database, writer: deps.writer, key: deps.keys.service, clock: deps.clock },
        caller.tenant,
        cutoff,
        caller.subject,
      ),
    );
  });

  return app;
}
