import { Hono } from 'hono';
import { desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app.ts';
import { ulid } from '../audit/ids.ts';
import { decodeCursor, getEvent, listEvents, publicEvent, type EventFilter } from '../audit/query.ts';
import { auditCheckpoints } from '../db/schema/index.ts';
import { reviewContentHash } from '../audit/content-hash.ts';
import { auditUnavailable } from '../service/audit-failure.ts';
import { verifyRoutes } from './verify-routes.ts';
import { purgeBefore } from '../audit/retention.ts';
import { summarize } from '../audit/summary.ts';
import { maskFreeText } from '../audit/free-text.ts';
import { adminEvent } from '../audit/admin-event.ts';
import { lookupFingerprints } from '../audit/lookup.ts';
import { ApiError } from '../errors.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import type { AppEnv } from './env.ts';
import { eventIdParam, filterSchema, listSchema, lookupSchema, parseQuery, purgeSchema, reviewSchema } from './audit-schemas.ts';
import { exportRoutes } from './export-routes.ts';

const INSERT_REVIEW = 'INSERT INTO audit_reviews (id, tenant, event_id, verdict, note, reviewer, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)';

/** The compliance officers' endpoints: events, one event, verification, export, reviews. */
export function auditRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);
  const review = requireScope('audit:review', deps.keys.accessKeys, deps.auth);
  const admin = requireScope('audit:admin', deps.keys.accessKeys, deps.auth);
  const db = deps.database.db;

  app.get('/events', read, async (c) => {
    const q = parseQuery(listSchema, c.req.query());
    const before = q.cursor ? decodeCursor(q.cursor) : null;
    if (q.cursor && before === null) throw new ApiError('invalid_request', 'cursor: not a cursor this service issued.');
    const page = await listEvents(db, c.get('caller').tenant, q as EventFilter, { limit: q.limit, before });
    return c.json({ events: page.events.map(publicEvent), nextCursor: page.nextCursor });
  });

  app.get('/events/:id', read, async (c) => {
    const found = await getEvent(db, c.get('caller').tenant, eventIdParam(c));
    if (!found) throw new ApiError('not_found', 'No such event for this tenant.');
    return c.json({ ...publicEvent(found.row), reviews: found.reviews.map((r) => ({ id: r.id, verdict: r.verdict, note: r.note, reviewer: r.reviewer, createdAt: r.createdAt.toISOString() })) });
  });

  app.post('/events/:id/reviews', review, async (c) => {
    const id = eventIdParam(c);
    const { data } = await readJson(c, reviewSchema);
    const caller = c.get('caller');
    const found = await getEvent(db, caller.tenant, id);
    if (!found) throw new ApiError('not_found', 'No such event for this tenant.');
    const now = deps.clock.now();
    const row = { id: ulid(now), tenant: caller.tenant, eventId: found.row.id, verdict: data.verdict, note: maskFreeText(data.note), reviewer: caller.subject, createdAt: now };
    // the review and the chain event recording its content hash commit together: editing or
    // removing the review later breaks verification (src/audit/anchors.ts)
    const event = adminEvent(caller.tenant, 'review', now, caller.subject, { verdict: row.verdict, eventSeq: found.row.seq, contentHash: reviewContentHash(row) }, { id: row.id, linkedEventId: row.eventId });
    try {
      await deps.writer.appendWith(event, (q) => q(INSERT_REVIEW, [row.id, row.tenant, row.eventId, row.verdict, row.note, row.reviewer, now.toISOString()]).then(() => undefined));
    } catch (err) {
      throw auditUnavailable(err, 'this review');
    }
    return c.json({ id: row.id, eventId: row.eventId, verdict: row.verdict, note: row.note, reviewer: row.reviewer, createdAt: now.toISOString() }, 201);
  });

  // A data subject's values to fingerprints under every key, current and rotated out; the
  // lookup itself is an audit event (who looked, which kinds), without the values.
  app.post('/fingerprints', read, async (c) => {
    const { data } = await readJson(c, lookupSchema);
    const caller = c.get('caller');
    try {
      const policy = await deps.policies.get(caller.tenant);
      const result = lookupFingerprints([deps.keys.hmac, ...deps.keys.hmacPrevious], data, policy.defaultRegion);
      // which kinds and fingerprints were looked for, by whom: never the values
      const details = { kinds: [...new Set(result.findings.map((f) => f.kind))], customer: data.customerId !== undefined, fingerprint: result.fingerprint };
      await deps.writer.append(adminEvent(caller.tenant, 'lookup', deps.clock.now(), caller.subject, details));
      return c.json(result);
    } catch (err) {
      throw auditUnavailable(err, 'this lookup');
    }
  });

  app.get('/summary', read, async (c) => {
    const q = parseQuery(filterSchema, c.req.query());
    return c.json(await summarize(db, c.get('caller').tenant, q as EventFilter));
  });

  app.get('/checkpoints', read, async (c) => {
    const rows = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.tenant, c.get('caller').tenant)).orderBy(desc(auditCheckpoints.seq)).limit(1000);
    return c.json({ checkpoints: rows.map((r) => ({ seq: r.seq, hash: r.hash, createdAt: r.createdAt.toISOString(), jws: r.jws })) });
  });

  app.post('/purge', admin, async (c) => {
    const { data } = await readJson(c, purgeSchema);
    const caller = c.get('caller');
    const days = data.olderThanDays ?? (await deps.policies.get(caller.tenant)).retentionDays;
    if (!days) throw new ApiError('invalid_request', 'olderThanDays: give it, or set retentionDays in the policy.');
    const cutoff = new Date(deps.clock.now().getTime() - days * 86_400_000);
    return c.json(await purgeBefore({ database: deps.database, writer: deps.writer, key: deps.keys.service, clock: deps.clock }, caller.tenant, cutoff, caller.subject));
  });

  app.route('/', verifyRoutes(deps));
  app.route('/', exportRoutes(deps));
  return app;
}
