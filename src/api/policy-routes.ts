import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { adminEvent } from '../audit/admin-event.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import { ApiError } from '../errors.ts';
import { normalizeAllowList } from '../policies/normalize-allow-list.ts';
import { simulate } from '../policies/simulate.ts';
import { storedPolicySchema, type StoredPolicy } from '../policies/store.ts';
import { defaultPolicy } from '../policies/types.ts';
import { requireScope } from './auth.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { policyContentHash } from '../audit/content-hash.ts';
import { auditUnavailable } from '../service/audit-failure.ts';

const isUniqueViolation = (err: unknown): boolean => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, d = 0; e && d < 5; e = e.cause as typeof e, d++) if (e.code === '23505') return true;
  return false;
};
import { readJson } from './body.ts';
import type { AppEnv } from './env.ts';
import { isoDate } from '../validation/text.ts';

const simulateSchema = z.strictObject({
  policy: storedPolicySchema,
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(100_000).default(10_000),
});

/**
 * Validates a policy document and normalises its allow-list; 400 naming each bad entry. An
 * identity provider's key set URL at a literal internal address is refused here (a name is
 * checked after resolution, at every fetch).
 */
function prepare(doc: StoredPolicy, addresses: AddressPolicy): StoredPolicy {
  const { list, problems } = normalizeAllowList(doc.allowList, doc.defaultRegion);
  const url = doc.identityProvider?.jwksUrl;
  const urlProblem = url ? addresses.literalProblem(new URL(url)) : null;
  if (urlProblem) problems.unshift({ field: 'identityProvider.jwksUrl', message: urlProblem });
  if (problems.length > 0) throw new ApiError('invalid_request', `${problems[0]!.field}: ${problems[0]!.message}`, problems);
  return { ...doc, allowList: list };
}

/** GET/PUT /v1/policy and POST /v1/policy/simulate, for scope policy:admin. */
export function policyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const admin = requireScope('policy:admin', deps.keys.accessKeys, deps.auth);
  const addresses = deps.addressPolicy ?? new AddressPolicy();

  app.get('/', admin, async (c) => {
    const tenant = c.get('caller').tenant;
    const row = await deps.policies.latest(tenant);
    if (!row) {
      const { tenant: _t, version: _v, ...policy } = defaultPolicy(tenant);
      return c.json({ tenant, version: 0, policyVersion: `${tenant}@0`, policy, createdAt: null, createdBy: null });
    }
    return c.json({ tenant, version: row.version, policyVersion: `${tenant}@${row.version}`, policy: row.policy, createdAt: row.createdAt.toISOString(), createdBy: row.createdBy });
  });

  app.put('/', admin, async (c) => {
    const { data } = await readJson(c, storedPolicySchema);
    const caller = c.get('caller');
    const doc = prepare(data, addresses);
    const previous = await deps.policies.latest(caller.tenant);
    const now = deps.clock.now();
    const version = (previous?.version ?? 0) + 1;
    const row = { tenant: caller.tenant, version, policy: doc, createdAt: now, createdBy: caller.subject };
    const changed = Object.keys({ ...(previous?.policy ?? {}), ...doc }).filter(
      (k) => canonicalJson((previous?.policy as Record<string, unknown> | undefined)?.[k]) !== canonicalJson((doc as Record<string, unknown>)[k]),
    );
    // the change is audited — who, which version replaced which, which settings changed,
    // the stored version's content hash — in the transaction that stores the version
    const event = adminEvent(
      caller.tenant,
      'policy_change',
      now,
      caller.subject,
      { version, previousVersion: previous?.version ?? 0, changed, mode: doc.mode, policyHash: policyContentHash(row) },
      { policyVersion: `${caller.tenant}@${version}` },
    );
    try {
      await deps.writer.appendWith(event, (q) => deps.policies.insertVersion(q, row));
    } catch (err) {
      // the primary key (tenant, version): another version was stored meanwhile
      if (isUniqueViolation(err)) throw new ApiError('conflict', 'Another version of the policy was stored at the same time; read it and try again.');
      throw auditUnavailable(err, 'this change');
    } finally {
      deps.policies.invalidate(caller.tenant);
    }
    return c.json({ tenant: caller.tenant, version, policyVersion: `${caller.tenant}@${version}`, policy: doc }, 201);
  });

  app.post('/simulate', admin, async (c) => {
    const { data } = await readJson(c, simulateSchema);
    const tenant = c.get('caller').tenant;
    const candidate = deps.policies.fromStored(tenant, -1, prepare(data.policy, addresses));
    const report = await simulate(deps.database.db, tenant, candidate, [deps.keys.hmac, ...deps.keys.hmacPrevious], { from: data.from, to: data.to, limit: data.limit });
    return c.json(report);
  });
  return app;
}
