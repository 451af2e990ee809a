import { and, eq, sql, type SQL } from 'drizzle-orm';
import { executeRows as rows, type Database } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { filterClause, type EventFilter } from './query.ts';

/**
 * Counts for compliance reviewers: checks by day and decision, by kind, by rule, how many
 * replies monitor mode would have blocked, and the false-positive rate. The rate counts
 * events, not reviews: of the checks anyone reviewed, the share with a false_positive
 * review (an event reviewed twice counts once). Days are the officer's (`timeZone`, UTC by
 * default), by the time of the check.
 */
export async function summarize(
  db: Database,
  tenant: string,
  filter: EventFilter,
  timeZone = 'UTC',
) {
  const where = and(filterClause(tenant, filter), eq(auditEvents.type, 'check')) as SQL;
  const day = sql`to_char(date_trunc('day', audit_events.created_at AT TIME ZONE ${timeZone}), 'YYYY-MM-DD')`;
  const reviewedBy = (verdict?: string) =>
    sql`EXISTS (SELECT 1 FROM audit_reviews r WHERE r.tenant = ${tenant} AND r.event_id = audit_events.id${verdict ? sql` AND r.verdict = ${verdict}` : sql``})`;
  const byDay = await rows<{
    day: string;
    decision: string;
    n: number;
    would_block: number;
    reviewed: number;
    false_positive: number;
  }>(
    db,
    sql`SELECT ${day} AS day, decision, count(*)::int AS n,
          count(*) FILTER (WHERE would_block)::int AS would_block,
          count(*) FILTER (WHERE ${reviewedBy()})::int AS reviewed,
          count(*) FILTER (WHERE ${reviewedBy('false_positive')})::int AS false_positive
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
  const reviews = await rows<{ verdict: string; n: number }>(
    db,
    sql`SELECT r.verdict, count(DISTINCT r.event_id)::int AS n FROM audit_reviews r JOIN audit_events ON audit_events.id = r.event_id
        WHERE r.tenant = ${tenant} AND ${where} GROUP BY 1`,
  );
  const decisions: Record<string, number> = {};
  let wouldBlock = 0;
  let checks = 0;
  let reviewed = 0;
  let falsePositive = 0;
  const days = new Map<
    string,
    { day: string; wouldBlock: number; reviewed: number; falsePositive: number } & Record<
      string,
      number | string
    >
  >();
  for (const r of byDay) {
    const n = Number(r.n);
    decisions[r.decision] = (decisions[r.decision] ?? 0) + n;
    checks += n;
    wouldBlock += Number(r.would_block);
    reviewed += Number(r.reviewed);
    falsePositive += Number(r.false_positive);
    const d = days.get(r.day) ?? { day: r.day, wouldBlock: 0, reviewed: 0, falsePositive: 0 };
    d[r.decision] = n;
    d.wouldBlock += Number(r.would_block);
    d.reviewed += Number(r.reviewed);
    d.falsePositive += Number(r.false_positive);
    days.set(r.day, d);
  }
  // events per verdict: an event with two verdicts counts under each, once
  const verdicts = Object.fromEntries(reviews.map((r) => [r.verdict, Number(r.n)]));
  return {
    checks,
    decisions,
    wouldBlock,
    timeZone,
    byDay: [...days.values()].map((d) => ({
      ...d,
      falsePositiveRate: d.reviewed > 0 ? d.falsePositive / d.reviewed : null,
    })),
    byKind: Object.fromEntries(byKind.map((r) => [r.key, Number(r.n)])),
    byRule: Object.fromEntries(byRule.map((r) => [r.key, Number(r.n)])),
    reviews: { ...verdicts, reviewed, falsePositive },
    falsePositiveRate: reviewed > 0 ? falsePositive / reviewed : null,
  };
}
