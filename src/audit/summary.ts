import { and, eq, sql, type SQL } from 'drizzle-orm';
import { executeRows as rows, type Database } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { filterClause, type EventFilter } from './query.ts';

/**
 * Counts for compliance reviewers: checks by day and decision, by kind, by rule, how many
 * replies monitor mode would have blocked, and the false-positive rate from reviews.
 */
export async function summarize(db: Database, tenant: string, filter: EventFilter) {
  const where = and(filterClause(tenant, filter), eq(auditEvents.type, 'check')) as SQL;
  const byDay = await rows<{ day: string; decision: string; n: number }>(
    db,
    sql`SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, decision, count(*)::int AS n
        FROM audit_events WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const byKind = await rows<{ key: string; n: number }>(
    db,
    sql`SELECT k AS key, count(*)::int AS n FROM audit_events, jsonb_array_elements_text(audit_events.kinds) AS k WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`,
  );
  const byRule = await rows<{ key: string; n: number }>(
    db,
    sql`SELECT r AS key, count(*)::int AS n FROM audit_events, jsonb_array_elements_text(audit_events.rules) AS r WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`,
  );
  const totals = await rows<{ decision: string; would_block: boolean; n: number }>(
    db,
    sql`SELECT decision, would_block, count(*)::int AS n FROM audit_events WHERE ${where} GROUP BY 1, 2`,
  );
  const reviews = await rows<{ verdict: string; n: number }>(
    db,
    sql`SELECT r.verdict, count(DISTINCT r.event_id)::int AS n FROM audit_reviews r JOIN audit_events ON audit_events.id = r.event_id
        WHERE ${where} GROUP BY 1`,
  );
  const decisions: Record<string, number> = {};
  let wouldBlock = 0;
  let checks = 0;
  for (const t of totals) {
    decisions[t.decision] = (decisions[t.decision] ?? 0) + Number(t.n);
    if (t.would_block) wouldBlock += Number(t.n);
    checks += Number(t.n);
  }
  const verdicts = Object.fromEntries(reviews.map((r) => [r.verdict, Number(r.n)]));
  const reviewed = Object.values(verdicts).reduce((a, b) => a + b, 0);
  const days = new Map<string, Record<string, number>>();
  for (const r of byDay) days.set(r.day, { ...(days.get(r.day) ?? {}), [r.decision]: Number(r.n) });
  return {
    checks,
    decisions,
    wouldBlock,
    byDay: [...days.entries()].map(([day, counts]) => ({ day, ...counts })),
    byKind: Object.fromEntries(byKind.map((r) => [r.key, Number(r.n)])),
    byRule: Object.fromEntries(byRule.map((r) => [r.key, Number(r.n)])),
    reviews: { reviewed, ...verdicts },
    falsePositiveRate: reviewed > 0 ? (verdicts.false_positive ?? 0) / reviewed : null,
  };
}
