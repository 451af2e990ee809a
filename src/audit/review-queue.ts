import { and, asc, gt, sql, type SQL } from 'drizzle-orm';
import { executeRows as rows, type Database } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { filterClause, pageOf, type EventFilter } from './query.ts';

/** Checks an officer should look at: blocked, warned or (monitor mode) would have blocked, and not reviewed by anyone. */
function queueClause(tenant: string, filter: EventFilter): SQL {
  return and(
    filterClause(tenant, filter),
    sql`${auditEvents.type} = 'check'`,
    sql`(${auditEvents.decision} IN ('warn', 'block') OR ${auditEvents.wouldBlock})`,
    sql`NOT EXISTS (SELECT 1 FROM audit_reviews r WHERE r.tenant = ${tenant} AND r.event_id = ${auditEvents.id})`,
  ) as SQL;
}

/** One page of the review queue, oldest first; the cursor is the last event's seq. */
export async function reviewQueue(
  db: Database,
  tenant: string,
  filter: EventFilter,
  options: { limit: number; after?: number | null },
) {
  const where = queueClause(tenant, filter);
  const found = await db
    .select()
    .from(auditEvents)
    .where(options.after ? and(where, gt(auditEvents.seq, options.after)) : where)
    .orderBy(asc(auditEvents.seq))
    .limit(options.limit + 1);
  return pageOf(found, options.limit);
}

/** What waits in the queue: in all, per agent and per kind of data. */
export async function queueCounts(db: Database, tenant: string, filter: EventFilter) {
  const where = queueClause(tenant, filter);
  const [total] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM audit_events WHERE ${where}`,
  );
  const byAgent = await rows<{ key: string | null; n: number }>(
    db,
    sql`SELECT agent_id AS key, count(*)::int AS n FROM audit_events WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100`,
  );
  const byKind = await rows<{ key: string; n: number }>(
    db,
    sql`SELECT k AS key, count(*)::int AS n FROM audit_events, jsonb_array_elements_text(audit_events.kinds) AS k WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  return {
    total: Number(total?.n ?? 0),
    byAgent: byAgent.map((r) => ({ agent: r.key, count: Number(r.n) })),
    byKind: byKind.map((r) => ({ kind: r.key, count: Number(r.n) })),
  };
}

/** The agents and platforms of the tenant's checks, most frequent first: what the console's filters offer. */
export async function eventFacets(db: Database, tenant: string, filter: EventFilter) {
  const where = and(filterClause(tenant, filter), sql`${auditEvents.type} = 'check'`) as SQL;
  const of = (column: string) =>
    rows<{ key: string; n: number }>(
      db,
      sql`SELECT ${sql.raw(column)} AS key, count(*)::int AS n FROM audit_events WHERE ${where} AND ${sql.raw(column)} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200`,
    );
  const [agents, platforms] = [await of('agent_id'), await of('platform')];
  // the kinds found, built-in and the tenant's own (policy customKinds), to offer as filters
  const kinds = await rows<{ key: string; n: number }>(
    db,
    sql`SELECT k AS key, count(*)::int AS n FROM audit_events, jsonb_array_elements_text(audit_events.kinds) AS k WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 200`,
  );
  return {
    agents: agents.map((r) => ({ value: r.key, count: Number(r.n) })),
    platforms: platforms.map((r) => ({ value: r.key, count: Number(r.n) })),
    kinds: kinds.map((r) => ({ value: r.key, count: Number(r.n) })),
  };
}
