import { Hono } from 'hono';
import { z } from 'zod';
import { policyHistory, policyVersionDocument } from '../audit/policy-history.ts';
import type { Database } from '../db/client.ts';
import { diffPolicies } from '../policies/policy-diff.ts';
import { defaultPolicy } from '../policies/types.ts';
import { parseQuery, queryOf } from './audit-schemas.ts';
import { requireScope } from './auth.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { ApiError, validationError } from './errors.ts';
import { policyDiffQuerySchema, policyVersionParam } from './policy-history-schemas.ts';

/** A version's document: the stored one, or for 0 the default policy. */
async function versionOf(db: Database, tenant: string, version: number) {
  if (version === 0) {
    const { tenant: _t, version: _v, ...policy } = defaultPolicy(tenant);
    return { version, policy: policy as Record<string, unknown>, createdAt: null, createdBy: null };
  }
  const row = await policyVersionDocument(db, tenant, version);
  if (!row) throw new ApiError('not_found', `No version ${version} of this tenant's policy.`);
  return {
    version,
    policy: row.policy,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

/**
 * GET /v1/audit/policy-versions, /:version and /diff?from&to: the policy's history read-only
 * for officers (scope audit:read), with what was decided under each version. Administrators
 * have /v1/policy/versions (scope policy:admin).
 */
export function policyHistoryRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);
  const db = deps.database.db;

  app.get('/', read, async (c) =>
    c.json({ versions: await policyHistory(db, c.get('caller').tenant) }),
  );

  app.get('/diff', read, async (c) => {
    const q = parseQuery(policyDiffQuerySchema, queryOf(c));
    const tenant = c.get('caller').tenant;
    const [a, b] = [await versionOf(db, tenant, q.from), await versionOf(db, tenant, q.to)];
    return c.json({ from: q.from, to: q.to, changes: diffPolicies(a.policy, b.policy) });
  });

  app.get('/:version', read, async (c) => {
    const parsed = z.object({ version: policyVersionParam }).safeParse(c.req.param());
    if (!parsed.success) throw validationError(parsed.error);
    const tenant = c.get('caller').tenant;
    const found = await versionOf(db, tenant, parsed.data.version);
    return c.json({ ...found, policyVersion: `${tenant}@${found.version}` });
  });
  return app;
}
