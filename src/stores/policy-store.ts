import { and, desc, eq, lt } from 'drizzle-orm';
import { readPolicySchema, type StoredPolicy } from '../policies/policy-schema.ts';
import type { Database, RawQuery } from '../db/client.ts';
import { tenantPolicies } from '../db/schema/index.ts';
import { defaultPolicy, type IdentityProvider, type TenantPolicy } from '../policies/types.ts';

/**
 * Reads tenants' policies, newest version first, with a short in-process cache so the
 * check does not query for it on every request; replicas see a new version within `ttlMs`.
 */
export class PolicyStore {
  private cache = new Map<string, { policy: TenantPolicy; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly options: {
      ttlMs?: number;
      /**
       * The identity provider of a tenant that configured none (development: the tenant's own
       * derived key, auth/dev-identity.ts), or one for every tenant.
       */
      fallbackIdentityProvider?:
        | IdentityProvider
        | ((tenant: string) => IdentityProvider | null)
        | null;
    } = {},
  ) {}

  private fallback(tenant: string): IdentityProvider | null {
    const f = this.options.fallbackIdentityProvider;
    return typeof f === 'function' ? f(tenant) : (f ?? null);
  }

  /** The policy in force for `tenant` if it was read within the cache's lifetime, without waiting. */
  cached(tenant: string): TenantPolicy | undefined {
    const cached = this.cache.get(tenant);
    return cached && Date.now() - cached.at < (this.options.ttlMs ?? 5000)
      ? cached.policy
      : undefined;
  }

  /** The policy in force for `tenant`. */
  async get(tenant: string): Promise<TenantPolicy> {
    const cached = this.cached(tenant);
    if (cached) return cached;
    const row = await this.latest(tenant);
    let policy: TenantPolicy;
    if (!row) policy = defaultPolicy(tenant);
    else
      policy = {
        tenant,
        version: row.version,
        ...readPolicySchema.parse(row.policy),
      } as TenantPolicy;
    const fallback = policy.identityProvider ? null : this.fallback(tenant);
    if (fallback) policy = { ...policy, identityProvider: fallback };
    this.cache.set(tenant, { policy, at: Date.now() });
    return policy;
  }

  /** Tenants whose policy in force sets a retention period, with that period. */
  async retentionPeriods(): Promise<Array<{ tenant: string; days: number }>> {
    const rows = await this.db
      .selectDistinctOn([tenantPolicies.tenant])
      .from(tenantPolicies)
      .orderBy(tenantPolicies.tenant, desc(tenantPolicies.version));
    return rows.flatMap((r) => {
      const days = readPolicySchema.safeParse(r.policy).data?.retentionDays;
      return days ? [{ tenant: r.tenant, days }] : [];
    });
  }

  /** The newest stored version of a tenant's policy, or null (then the default, version 0, is in force). */
  async latest(tenant: string) {
    const [row] = await this.db
      .select()
      .from(tenantPolicies)
      .where(eq(tenantPolicies.tenant, tenant))
      .orderBy(desc(tenantPolicies.version))
      .limit(1);
    return row ?? null;
  }

  /** One stored version of a tenant's policy, or null. */
  async version(tenant: string, version: number) {
    const [row] = await this.db
      .select()
      .from(tenantPolicies)
      .where(and(eq(tenantPolicies.tenant, tenant), eq(tenantPolicies.version, version)))
      .limit(1);
    return row ?? null;
  }

  /** Who stored which version when, newest first; `before` pages back. */
  async versions(tenant: string, options: { limit: number; before?: number | undefined }) {
    return this.db
      .select({
        version: tenantPolicies.version,
        createdAt: tenantPolicies.createdAt,
        createdBy: tenantPolicies.createdBy,
      })
      .from(tenantPolicies)
      .where(
        options.before === undefined
          ? eq(tenantPolicies.tenant, tenant)
          : and(eq(tenantPolicies.tenant, tenant), lt(tenantPolicies.version, options.before)),
      )
      .orderBy(desc(tenantPolicies.version))
      .limit(options.limit);
  }

  /**
   * Stores a version in a transaction of the caller's (the one appending its chain event,
   * see policy routes); fails if that version was stored meanwhile (the primary key).
   */
  async insertVersion(
    query: RawQuery,
    row: {
      tenant: string;
      version: number;
      policy: StoredPolicy;
      createdAt: Date;
      createdBy: string;
    },
  ): Promise<void> {
    await query(
      'INSERT INTO tenant_policies (tenant, version, policy, created_at, created_by) VALUES ($1, $2, $3::jsonb, $4, $5)',
      [
        row.tenant,
        row.version,
        JSON.stringify(row.policy),
        row.createdAt.toISOString(),
        row.createdBy,
      ],
    );
  }

  /** A policy as evaluated, from a stored (or candidate) policy document. */
  fromStored(tenant: string, version: number, stored: StoredPolicy): TenantPolicy {
    const policy: TenantPolicy = {
      tenant,
      version,
      ...stored,
      identityProvider: stored.identityProvider as IdentityProvider | undefined,
    };
    const fallback = policy.identityProvider ? null : this.fallback(tenant);
    return fallback ? { ...policy, identityProvider: fallback } : policy;
  }

  /** Forgets cached policies (after a change made by this process). */
  invalidate(tenant: string): void {
    this.cache.delete(tenant);
  }
}
