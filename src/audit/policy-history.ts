import { and, asc, eq, sql } from 'drizzle-orm';
import { executeRows as rows, type Database } from '../db/client.ts';
import { tenantPolicies } from '../db/schema/index.ts';

/** One version of a tenant's policy as officers see it: when, by whom, what changed, what it decided. */
export interface PolicyVersionEntry {
  version: number;
  policyVersion: string;
  createdAt: string | null;
  createdBy: string | null;
  /** The top-level settings the change touched (from its policy_change event). */
  changed: string[];
  mode: string | null;
  /** The audit event that recorded the change. */
  eventId: string | null;
  checks: number;
  blocked: number;
  warned: number;
  /** Checks monitor mode let through that enforce mode would have blocked. */
  wouldBlock: number;
}

/**
 * Every version of the tenant's policy, oldest first, with the counts of the checks decided
 * under it. Version 0 (the default policy) is listed when checks were decided under it.
 */
export async function policyHistory(db: Database, tenant: string): Promise<PolicyVersionEntry[]> {
  const versions = await db
    .select({
      version: tenantPolicies.version,
      createdAt: tenantPolicies.createdAt,
      createdBy: tenantPolicies.createdBy,
      policy: tenantPolicies.policy,
    })
    .from(tenantPolicies)
    .where(eq(tenantPolicies.tenant, tenant))
    .orderBy(asc(tenantPolicies.version));
  const changes = await rows<{ id: string; version: number; changed: string[] | null }>(
    db,
    sql`SELECT id, (details->>'version')::int AS version, details->'changed' AS changed
        FROM audit_events WHERE tenant = ${tenant} AND type = 'policy_change'`,
  );
  const counts = await rows<{
    policy_version: string;
    checks: number;
    blocked: number;
    warned: number;
    would_block: number;
  }>(
    db,
    sql`SELECT policy_version, count(*)::int AS checks,
          count(*) FILTER (WHERE decision = 'block')::int AS blocked,
          count(*) FILTER (WHERE decision = 'warn')::int AS warned,
          count(*) FILTER (WHERE would_block)::int AS would_block
        FROM audit_events WHERE tenant = ${tenant} AND type = 'check' GROUP BY 1`,
  );
  const byLabel = new Map(counts.map((c) => [c.policy_version, c]));
  const byVersion = new Map(changes.map((c) => [Number(c.version), c]));
  const entry = (
    version: number,
    meta: { createdAt: Date | null; createdBy: string | null; mode: string | null },
  ): PolicyVersionEntry => {
    const label = `${tenant}@${version}`;
    const n = byLabel.get(label);
    const change = byVersion.get(version);
    return {
      version,
      policyVersion: label,
      createdAt: meta.createdAt?.toISOString() ?? null,
      createdBy: meta.createdBy,
      changed: Array.isArray(change?.changed) ? change.changed : [],
      mode: meta.mode,
      eventId: change?.id ?? null,
      checks: Number(n?.checks ?? 0),
      blocked: Number(n?.blocked ?? 0),
      warned: Number(n?.warned ?? 0),
      wouldBlock: Number(n?.would_block ?? 0),
    };
  };
  // the mode read from the document as drizzle gives it back (postgres.js stores jsonb as given)
  const list = versions.map((v) =>
    entry(v.version, {
      ...v,
      mode: typeof v.policy?.mode === 'string' ? v.policy.mode : null,
    }),
  );
  if (byLabel.has(`${tenant}@0`) || list.length === 0)
    list.unshift(entry(0, { createdAt: null, createdBy: null, mode: 'enforce' }));
  return list;
}

/** One stored version's document, or null. */
export async function policyVersionDocument(
  db: Database,
  tenant: string,
  version: number,
): Promise<{ policy: Record<string, unknown>; createdAt: Date; createdBy: string } | null> {
  const [row] = await db
    .select()
    .from(tenantPolicies)
    .where(and(eq(tenantPolicies.tenant, tenant), eq(tenantPolicies.version, version)));
  return row ?? null;
}
