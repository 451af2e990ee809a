import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { IdentityProvider } from '../auth/identity.ts';
import type { Database } from '../db/client.ts';
import { tenantPolicies } from '../db/schema/index.ts';
import { defaultPolicy, type TenantPolicy } from './types.ts';

const jwk = z.object({ kty: z.string() }).passthrough();

/** The stored shape of a policy version (validated on read and on write). */
export const storedPolicySchema = z.strictObject({
  mode: z.enum(['enforce', 'monitor']).default('enforce'),
  allowList: z
    .object({
      phones: z.array(z.string()).default([]),
      ibans: z.array(z.string()).default([]),
      emails: z.array(z.string()).default([]),
      emailDomains: z.array(z.string()).default([]),
    })
    .default({ phones: [], ibans: [], emails: [], emailDomains: [] }),
  brand: z.string().max(100).optional(),
  // the bank's own warnings and advice about secrets, quoted in replies; bounded: matched on every check
  safeTexts: z.array(z.string().trim().min(10, 'a safe text is at least a short sentence').max(2000)).max(100).optional(),
  retentionDays: z.number().int().min(1).max(3650).optional(),
  privateChannelLink: z.string().url().optional(),
  defaultRegion: z.string().length(2).optional(),
  wording: z
    .partialRecord(z.enum(['pl', 'lt', 'en']), z.strictObject({ privateChannelMessage: z.string().max(1000).optional(), customerNotice: z.string().max(1000).optional() }))
    .optional(),
  identityProvider: z
    .object({
      issuer: z.string().min(1),
      audience: z.string().min(1),
      jwks: z.object({ keys: z.array(jwk).min(1) }).optional(),
      // https only: the service fetches this URL, and plain http would let the key set be swapped in transit
      jwksUrl: z.string().url().startsWith('https://', 'must be an https URL').optional(),
    })
    .refine((v) => !!v.jwks !== !!v.jwksUrl, 'give exactly one of jwks or jwksUrl')
    .optional(),
});

/** A policy document as stored and as PUT by an administrator. */
export type StoredPolicy = z.infer<typeof storedPolicySchema>;

/**
 * Reads tenants' policies, newest version first, with a short in-process cache so the
 * check does not query for it on every request; replicas see a new version within `ttlMs`.
 */
export class PolicyStore {
  private cache = new Map<string, { policy: TenantPolicy; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly options: { ttlMs?: number; fallbackIdentityProvider?: IdentityProvider | null } = {},
  ) {}

  /** The policy in force for `tenant`. */
  async get(tenant: string): Promise<TenantPolicy> {
    const cached = this.cache.get(tenant);
    const ttl = this.options.ttlMs ?? 5000;
    if (cached && Date.now() - cached.at < ttl) return cached.policy;
    const [row] = await this.db.select().from(tenantPolicies).where(eq(tenantPolicies.tenant, tenant)).orderBy(desc(tenantPolicies.version)).limit(1);
    let policy: TenantPolicy;
    if (!row) policy = defaultPolicy(tenant);
    else policy = { tenant, version: row.version, ...storedPolicySchema.parse(row.policy) } as TenantPolicy;
    if (!policy.identityProvider && this.options.fallbackIdentityProvider) policy = { ...policy, identityProvider: this.options.fallbackIdentityProvider };
    this.cache.set(tenant, { policy, at: Date.now() });
    return policy;
  }

  /** Tenants whose policy in force sets a retention period, with that period. */
  async retentionPeriods(): Promise<Array<{ tenant: string; days: number }>> {
    const rows = await this.db.selectDistinctOn([tenantPolicies.tenant]).from(tenantPolicies).orderBy(tenantPolicies.tenant, desc(tenantPolicies.version));
    return rows.flatMap((r) => {
      const days = storedPolicySchema.safeParse(r.policy).data?.retentionDays;
      return days ? [{ tenant: r.tenant, days }] : [];
    });
  }

  /** The newest stored version of a tenant's policy, or null (then the default, version 0, is in force). */
  async latest(tenant: string) {
    const [row] = await this.db.select().from(tenantPolicies).where(eq(tenantPolicies.tenant, tenant)).orderBy(desc(tenantPolicies.version)).limit(1);
    return row ?? null;
  }

  /** Stores a new immutable version; fails if another version was stored meanwhile (the primary key). */
  async put(tenant: string, policy: StoredPolicy, by: string, now: Date): Promise<number> {
    const current = await this.latest(tenant);
    const version = (current?.version ?? 0) + 1;
    await this.db.insert(tenantPolicies).values({ tenant, version, policy, createdAt: now, createdBy: by });
    this.invalidate(tenant);
    return version;
  }

  /** A policy as evaluated, from a stored (or candidate) policy document. */
  fromStored(tenant: string, version: number, stored: StoredPolicy): TenantPolicy {
    const policy: TenantPolicy = { tenant, version, ...stored, identityProvider: stored.identityProvider as IdentityProvider | undefined };
    return !policy.identityProvider && this.options.fallbackIdentityProvider ? { ...policy, identityProvider: this.options.fallbackIdentityProvider } : policy;
  }

  /** Forgets cached policies (after a change made by this process). */
  invalidate(tenant: string): void {
    this.cache.delete(tenant);
  }
}
