import { Hono } from 'hono';
import {
  batchTreeHead,
  decodeCursor,
  overridesOf,
  reviewCounts,
  getEvent,
  listEvents,
  publicEvent,
  type EventFilter,
} from '../audit/query.ts';
import { signReceipt } from '../audit/receipt.ts';
import { addReview, overrideWarning } from '../service/officer-actions.ts';
import {
  eventIdParam,
  listSchema,
  overrideSchema,
  parseQuery,
  queryOf,
  reviewSchema,
} from './audit-schemas.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';

/** /v1/audit/events: the log, one event with its reviews, reviews, overrides. */
export function eventRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);
  const review = requireScope('audit:review', deps.keys.accessKeys, deps.auth);
  const override = requireScope('check:override', deps.keys.accessKeys, deps.auth);
  const db = deps.database.db;
  const officer = {
    db,
    writer: deps.writer,
    keys: deps.keys,
    clock: deps.clock,
    policies: deps.policies,
  };

  app.get('/', read, async (c) => {
    const q = parseQuery(listSchema, queryOf(c));
    const before = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && before === null)
      throw new ApiError('invalid_request', 'cursor: not a cursor this service issued.');
    const page = await listEvents(db, c.get('caller').tenant, q as EventFilter, {
      limit: q.limit,
      before,
    });
    const reviewed = await reviewCounts(
      db,
      c.get('caller').tenant,
      page.events.map((e) => e.id),
    );
    return c.json({
      events: page.events.map((e) => ({ ...publicEvent(e), reviewCount: reviewed.get(e.id) ?? 0 })),
      nextCursor: page.nextCursor,
    });
  });

  app.get('/:id', read, async (c) => {
    const tenant = c.get('caller').tenant;
    const found = await getEvent(db, tenant, eventIdParam(c));
    if (!found) throw new ApiError('not_found', 'No such event for this tenant.');
    const overrides = found.row.type === 'check' ? await overridesOf(db, tenant, found.row.id) : [];
    return c.json({
      ...publicEvent(found.row),
      overrides: overrides.map(publicEvent),
      reviews: found.reviews.map((r) => ({
        id: r.id,
        verdict: r.verdict,
        note: r.note,
        reviewer: r.reviewer,
        createdAt: r.createdAt.toISOString(),
      })),
    });
  });

  // a receipt for any event, signed now, with its batch's tree head: POST /v1/audit/verify
  // with it proves the event is in the log as it was signed
  app.get('/:id/receipt', read, async (c) => {
    const tenant = c.get('caller').tenant;
    const found = await getEvent(db, tenant, eventIdParam(c));
    if (!found) throw new ApiError('not_found', 'No such event for this tenant.');
    const head = await batchTreeHead(db, tenant, found.row.seq);
    return c.json({
      event: found.row.id,
      receipt: signReceipt(deps.keys.service, found.row, head ?? undefined),
      sealed: head !== null,
    });
  });

  app.post('/:id/reviews', review, async (c) => {
    const id = eventIdParam(c);
    const { data } = await readJson(c, reviewSchema);
    const row = await addReview(officer, c.get('caller'), id, data);
    return c.json(
      {
        id: row.id,
        eventId: row.eventId,
        verdict: row.verdict,
        note: row.note,
        reviewer: row.reviewer,
        createdAt: row.createdAt.toISOString(),
      },
      201,
    );
  });

  // a supervisor lets a warned message through with a written justification (never a secret)
  app.post('/:id/override', override, async (c) => {
    const id = eventIdParam(c);
    const { data } = await readJson(c, overrideSchema);
    const { row, treeHead } = await overrideWarning(
      officer,
      c.get('caller'),
      id,
      data.justification,
    );
    return c.json(
      { override: publicEvent(row), receipt: signReceipt(deps.keys.service, row, treeHead) },
      201,
    );
  });
  return app;
}
