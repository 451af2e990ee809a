import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  lte,
  or,
  sql,
  type Column,
  type SQL,
} from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { RawQuery } from '../db/client.ts';
import {
  auditCheckpoints,
  auditEvents,
  auditReviews,
  type AuditEventRow,
} from '../db/schema/index.ts';
import { PUBLIC_FIELDS } from './event-fields.ts';
import type { TreeHead } from './tree-head.ts';

/** Filters of GET /v1/audit/events and the export. */
/** One value, or several of which any matches. */
type OneOrMany = string | readonly string[] | undefined;

export interface EventFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  decision?: OneOrMany;
  kind?: OneOrMany;
  direction?: string | undefined;
  visibility?: string | undefined;
  agent?: OneOrMany;
  rule?: OneOrMany;
  platform?: OneOrMany;
  thread?: string | undefined;
  type?: OneOrMany;
  /** Keyed fingerprints: events where any of them is a finding's or the customer's. */
  fingerprint?: string[] | undefined;
}

/** An event as reviewers see it: the public fields of EVENT_FIELDS under their public names, dates as ISO strings. */
export function publicEvent(row: AuditEventRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, name] of PUBLIC_FIELDS) {
    const value = row[field];
    out[name] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** The WHERE clause for a tenant and filter. */
export function filterClause(tenant: string, f: EventFilter): SQL {
  const parts: SQL[] = [eq(auditEvents.tenant, tenant)];
  if (f.from) parts.push(gte(auditEvents.createdAt, f.from));
  if (f.to) parts.push(lte(auditEvents.createdAt, f.to));
  const anyOf = (column: Column, v: OneOrMany) => {
    if (v === undefined) return;
    parts.push(typeof v === 'string' ? eq(column, v) : inArray(column, [...v]));
  };
  // a jsonb list holding any of the values
  const holds = (column: Column, v: OneOrMany) => {
    if (v === undefined) return;
    const each = (typeof v === 'string' ? [v] : v).map(
      (x) => sql`${column} @> ${JSON.stringify([x])}::jsonb`,
    );
    parts.push(each.length === 1 ? (each[0] as SQL) : (or(...each) as SQL));
  };
  anyOf(auditEvents.decision, f.decision);
  if (f.direction) parts.push(eq(auditEvents.direction, f.direction));
  if (f.visibility) parts.push(eq(auditEvents.visibility, f.visibility));
  anyOf(auditEvents.agentId, f.agent);
  anyOf(auditEvents.platform, f.platform);
  if (f.thread) parts.push(eq(auditEvents.threadId, f.thread));
  anyOf(auditEvents.type, f.type);
  holds(auditEvents.kinds, f.kind);
  holds(auditEvents.rules, f.rule);
  if (f.fingerprint?.length) {
    const inFindings = f.fingerprint.map(
      (fp) => sql`${auditEvents.findings} @> ${JSON.stringify([{ fp }])}::jsonb`,
    );
    parts.push(or(inArray(auditEvents.customerFp, f.fingerprint), ...inFindings) as SQL);
  }
  return and(...parts) as SQL;
}

/** Opaque cursor: the seq of the last event returned. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

/** The seq a cursor names, or null for anything this service did not issue (also a seq past what bigint and a double hold). */
export function decodeCursor(cursor: string): number | null {
  if (!/^[\w-]{1,40}$/.test(cursor)) return null;
  const m = /^s:(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  const seq = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}

/** One page of events, newest first. */
export async function listEvents(
  db: Database,
  tenant: string,
  filter: EventFilter,
  options: { limit: number; before?: number | null },
) {
  const where = options.before
    ? and(filterClause(tenant, filter), lt(auditEvents.seq, options.before))
    : filterClause(tenant, filter);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit);
}

/** A page of `limit` events from `limit + 1` read, and the cursor after its last when there are more. */
export function pageOf<R extends { seq: number }>(
  rows: R[],
  limit: number,
): { events: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { events: page, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
}

/** One event of the tenant with its reviews, oldest review first. */
export async function getEvent(db: Database, tenant: string, id: string) {
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.tenant, tenant), eq(auditEvents.id, id)));
  if (!row) return null;
  const reviews = await db
    .select()
    .from(auditReviews)
    .where(and(eq(auditReviews.tenant, tenant), eq(auditReviews.eventId, id)))
    .orderBy(asc(auditReviews.createdAt));
  return { row, reviews };
}

/** The override already recorded for a check, if any. */
/** The tenant's newest checks, in a period, at most `limit` (what a policy simulation re-decides). */
export async function recentChecks(
  db: Database,
  tenant: string,
  options: { from?: Date | undefined; to?: Date | undefined; limit: number },
): Promise<AuditEventRow[]> {
  const where: SQL[] = [eq(auditEvents.tenant, tenant), eq(auditEvents.type, 'check')];
  if (options.from) where.push(gte(auditEvents.createdAt, options.from));
  if (options.to) where.push(lte(auditEvents.createdAt, options.to));
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(options.limit);
}

/** The overrides of one check of the tenant. */
const overrideOf = (tenant: string, checkId: string) =>
  and(
    eq(auditEvents.tenant, tenant),
    eq(auditEvents.linkedEventId, checkId),
    eq(auditEvents.type, 'override'),
  );

export async function findOverride(
  db: Database,
  tenant: string,
  checkId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(overrideOf(tenant, checkId));
  return row?.id ?? null;
}

/** The tenant's stored checkpoints, newest first. */
export async function listCheckpoints(db: Database, tenant: string, limit = 1000) {
  const rows = await db
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.tenant, tenant))
    .orderBy(desc(auditCheckpoints.seq))
    .limit(limit);
  return rows.map((r) => ({
    seq: r.seq,
    hash: r.hash,
    createdAt: r.createdAt.toISOString(),
    jws: r.jws,
  }));
}

/** One officer's review as stored. */
export interface ReviewRow {
  id: string;
  tenant: string;
  eventId: string;
  verdict: string;
  note: string;
  reviewer: string;
  createdAt: Date;
}

/** Stores a review (inside the transaction that appends the chain event covering it). */
export async function insertReview(query: RawQuery, row: ReviewRow): Promise<void> {
  await query(
    'INSERT INTO audit_reviews (id, tenant, event_id, verdict, note, reviewer, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [
      row.id,
      row.tenant,
      row.eventId,
      row.verdict,
      row.note,
      row.reviewer,
      row.createdAt.toISOString(),
    ],
  );
}

/** How many reviews each of these events has (the list shows whether an event was reviewed). */
export async function reviewCounts(
  db: Database,
  tenant: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ eventId: auditReviews.eventId, n: sql<number>`count(*)::int` })
    .from(auditReviews)
    .where(and(eq(auditReviews.tenant, tenant), inArray(auditReviews.eventId, [...ids])))
    .groupBy(auditReviews.eventId);
  return new Map(rows.map((r) => [r.eventId, Number(r.n)]));
}

/** The overrides recorded for a check, oldest first (its history, with the reviews). */
export async function overridesOf(db: Database, tenant: string, checkId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(overrideOf(tenant, checkId))
    .orderBy(asc(auditEvents.seq));
}

/**
 * The signed tree head of the batch an event was committed in: the seal on the batch's
 * last event, the first seal at or after the event. Null for an event under no seal
 * (written before seals, or by an older replica).
 */
export async function batchTreeHead(
  db: Database,
  tenant: string,
  seq: number,
): Promise<(TreeHead & { jws: string }) | null> {
  const [row] = await db
    .select({ seal: auditEvents.seal })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.tenant, tenant), gte(auditEvents.seq, seq), isNotNull(auditEvents.seal)),
    )
    .orderBy(asc(auditEvents.seq))
    .limit(1);
  const jws = row?.seal;
  if (!jws) return null;
  try {
    const head = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return { ...(head as TreeHead), jws };
  } catch {
    return null;
  }
}
