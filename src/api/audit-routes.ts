import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { ulid } from '../audit/ids.ts';
import { decodeCursor, getEvent, listEvents, publicEvent, type EventFilter } from '../audit/query.ts';
import { publishedKeys } from '../audit/service-keys.ts';
import { verifyChain } from '../audit/verify.ts';
import { auditCheckpoints, auditReviews } from '../db/schema/index.ts';
import { currentHead, signManifest, writeExport } from '../audit/export.ts';
import { purgeBefore } from '../audit/retention.ts';
import { summarize } from '../audit/summary.ts';
import { maskFreeText } from '../audit/free-text.ts';
import { adminEvent } from '../audit/admin-event.ts';
import { lookupFingerprints } from '../audit/lookup.ts';
import { ApiError } from '../errors.ts';
import { KINDS } from '../detectors/types.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import type { AppEnv } from './env.ts';
import { validationError } from './errors.ts';

const filterSchema = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  decision: z.enum(['allow', 'warn', 'block']).optional(),
  kind: z.enum(KINDS).optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  visibility: z.enum(['public', 'private']).optional(),
  agent: z.string().max(256).optional(),
  rule: z.string().max(64).optional(),
  platform: z.string().max(64).optional(),
  thread: z.string().max(256).optional(),
  type: z.enum(['check', 'override', 'policy_change', 'purge', 'lookup']).optional(),
  fingerprint: z
    .string()
    .regex(/^[\w-]{22}(,[\w-]{22}){0,15}$/, 'one to 16 fingerprints of 22 characters, comma-separated')
    .transform((v) => v.split(','))
    .optional(),
});
const listSchema = filterSchema.extend({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) });
const exportSchema = filterSchema.extend({ format: z.enum(['csv', 'jsonl']).default('jsonl'), through: z.coerce.number().int().min(0).optional() });
const purgeSchema = z.object({ olderThanDays: z.number().int().min(1).max(3650).optional() });
const lookupSchema = z
  .object({ text: z.string().min(1).max(2000).optional(), customerId: z.string().min(1).max(256).optional() })
  .strict()
  .refine((q) => q.text !== undefined || q.customerId !== undefined, { message: 'give text, customerId or both', path: ['text'] });
const reviewSchema = z.object({ verdict: z.enum(['confirmed', 'false_positive', 'escalated']), note: z.string().min(1).max(2000) });

function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const result = schema.safeParse(query);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

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
    const found = await getEvent(db, c.get('caller').tenant, c.req.param('id'));
    if (!found) throw new ApiError('not_found', 'No such event for this tenant.');
    return c.json({ ...publicEvent(found.row), reviews: found.reviews.map((r) => ({ id: r.id, verdict: r.verdict, note: r.note, reviewer: r.reviewer, createdAt: r.createdAt.toISOString() })) });
  });

  app.post('/events/:id/reviews', review, async (c) => {
    const { data } = await readJson(c, reviewSchema);
    const caller = c.get('caller');
    const found = await getEvent(db, caller.tenant, c.req.param('id'));
    if (!found) throw new ApiError('not_found', 'No such event for this tenant.');
    const now = deps.clock.now();
    const row = { id: ulid(now), tenant: caller.tenant, eventId: found.row.id, verdict: data.verdict, note: maskFreeText(data.note), reviewer: caller.subject, createdAt: now };
    await db.insert(auditReviews).values(row);
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
    } catch {
      throw new ApiError('audit_unavailable', 'The audit store could not record this lookup; try again.');
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
    return c.json(await purgeBefore({ db, writer: deps.writer, key: deps.keys.service, clock: deps.clock }, caller.tenant, cutoff, caller.subject));
  });

  app.get('/verify', read, async (c) => c.json(await verifyChain(db, c.get('caller').tenant, await publishedKeys(db, deps.keys.service))));

  // The export covers events up to the head at the time of the request (`through`), so the
  // manifest endpoint can recompute the same bytes later. JSON Lines end with the signed
  // manifest as their last line; for CSV ask /export/manifest with the same query and `through`.
  app.get('/export', read, async (c) => {
    const q = parseQuery(exportSchema, c.req.query());
    const tenant = c.get('caller').tenant;
    const through = q.through ?? (await currentHead(db, tenant));
    const { format, through: _t, ...filters } = q;
    c.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    c.header('content-disposition', `attachment; filename="sargas-audit-${tenant}-${through}.${format}"`);
    c.header('x-sargas-export-through', String(through));
    return stream(c, async (out) => {
      const digest = await writeExport(db, tenant, filters as EventFilter, format, through, (chunk) => out.write(chunk).then(() => undefined));
      if (format === 'jsonl') {
        const manifest = { tenant, format, filters, through, ...digest, generatedAt: deps.clock.now().toISOString() };
        await out.write(`${JSON.stringify({ manifest, jws: signManifest(deps.keys.service, manifest) })}\n`);
      }
    });
  });

  app.get('/export/manifest', read, async (c) => {
    const q = parseQuery(exportSchema, c.req.query());
    const tenant = c.get('caller').tenant;
    const through = q.through ?? (await currentHead(db, tenant));
    const { format, through: _t, ...filters } = q;
    const digest = await writeExport(db, tenant, filters as EventFilter, format, through, async () => {});
    const manifest = { tenant, format, filters, through, ...digest, generatedAt: deps.clock.now().toISOString() };
    return c.json({ manifest, jws: signManifest(deps.keys.service, manifest) });
  });
  return app;
}
