import { Hono } from 'hono';
import { replaySink, sinkStatus } from '../service/sink-admin.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';
import { sinkNameParamSchema, sinkReplaySchema } from './sink-schemas.ts';

/** /v1/audit/sinks: the configured sinks' status for the tenant, and replay from a position (docs/sinks.md). */
export function sinkRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const admin = requireScope('audit:admin', deps.keys.accessKeys, deps.auth);
  const sinkDeps = () => ({
    database: deps.database,
    writer: deps.writer,
    clock: deps.clock,
    sinks: deps.sinks ?? [],
  });

  app.get('/sinks', admin, async (c) =>
    c.json({ sinks: await sinkStatus(sinkDeps(), c.get('caller').tenant) }),
  );

  app.post('/sinks/:name/replay', admin, async (c) => {
    const name = sinkNameParamSchema.safeParse(c.req.param('name'));
    if (!name.success) throw new ApiError('not_found', 'No such sink.');
    const { data } = await readJson(c, sinkReplaySchema);
    const { appended, previousCursor } = await replaySink(
      sinkDeps(),
      c.get('caller'),
      name.data,
      data.after,
    );
    return c.json({
      sink: name.data,
      after: data.after,
      previousCursor,
      eventId: appended.row.id,
      seq: appended.row.seq,
    });
  });
  return app;
}
