import { Hono } from 'hono';
import { decodeCursor, publicEvent, type EventFilter } from '../audit/query.ts';
import { eventFacets, queueCounts, reviewQueue } from '../audit/review-queue.ts';
import { parseQuery, queryOf } from './audit-schemas.ts';
import { requireScope } from './auth.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';
import { facetQuerySchema } from './facet-schemas.ts';
import { queueQuerySchema } from './queue-schemas.ts';

/** GET /v1/audit/queue (what waits for a review) and /v1/audit/facets (values to filter by), scope audit:read. */
export function reviewQueueRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);
  const db = deps.database.db;

  app.get('/queue', read, async (c) => {
    const { cursor, limit, ...filter } = parseQuery(queueQuerySchema, queryOf(c));
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && after === null)
      throw new ApiError('invalid_request', 'cursor: not a cursor this service issued.');
    const tenant = c.get('caller').tenant;
    const page = await reviewQueue(db, tenant, filter as EventFilter, { limit, after });
    return c.json({
      events: page.events.map(publicEvent),
      nextCursor: page.nextCursor,
      counts: await queueCounts(db, tenant, filter as EventFilter),
    });
  });

  app.get('/facets', read, async (c) => {
    const filter = parseQuery(facetQuerySchema, queryOf(c));
    return c.json(await eventFacets(db, c.get('caller').tenant, filter as EventFilter));
  });
  return app;
}
