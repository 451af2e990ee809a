import { type Context, Hono } from 'hono';
import { DomainError } from '../errors.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { diffPolicies } from '../policies/policy-diff.ts';
import { defaultPolicy } from '../policies/types.ts';
import type { StoredPolicy } from '../policies/policy-schema.ts';
import {
  changedSettings,
  changePolicy,
  preparePolicy,
  rollbackPolicy,
  validatePolicy,
} from '../service/policy-admin.ts';
import { simulate } from '../service/policy-simulation.ts';
import { parseQuery } from './audit-schemas.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import {
  policyDocumentSchema,
  rollbackSchema,
  simulateSchema,
  versionParamsSchema,
  versionsQuerySchema,
} from './policy-schemas.ts';

/** The ETag of a policy version: its number, quoted. */
const etag = (version: number) => `"${version}"`;

/**
 * The version an `If-Match` names (the ETag of GET /v1/policy, weak or strong), undefined
 * without one or for `*`. Anything else can never match: 412, as for a stale version.
 */
function ifMatch(c: Context<AppEnv>): number | undefined {
  const header = c.req.header('if-match')?.trim();
  if (header === undefined || header === '*') return undefined;
  const m = /^(?:W\/)?"?(0|[1-9][0-9]{0,8})"?$/.exec(header);
  if (!m)
    throw new DomainError(
      'precondition_failed',
      'If-Match must be the ETag of GET /v1/policy (the version, quoted).',
    );
  return Number(m[1]);
}

/**
 * The policy as code, for scope policy:admin: GET/PUT /v1/policy (ETag, If-Match), versions,
 * a diff of two, rollback, validate (dry run) and simulate.
 */
export function policyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const admin = requireScope('policy:admin', deps.keys.accessKeys, deps.auth);
  const addresses = deps.addressPolicy ?? new AddressPolicy();
  const adminDeps = { ...deps, addresses };

  /** A version as stored (0: the default), or null. */
  async function versionBody(tenant: string, version: number | null) {
    const row =
      version === null
        ? await deps.policies.latest(tenant)
        : version === 0
          ? null
          : await deps.policies.version(tenant, version);
    if (!row) {
      if (version !== null && version !== 0) return null;
      const { tenant: _t, version: _v, ...policy } = defaultPolicy(tenant);
      return {
        tenant,
        version: 0,
        policyVersion: `${tenant}@0`,
        policy: policy as Record<string, unknown>,
        createdAt: null,
        createdBy: null,
      };
    }
    return {
      tenant,
      version: row.version,
      policyVersion: `${tenant}@${row.version}`,
      policy: row.policy,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
    };
  }
  const noVersion = (v: number) => new DomainError('not_found', `The policy has no version ${v}.`);

  app.get('/', admin, async (c) => {
    const body = (await versionBody(c.get('caller').tenant, null))!;
    c.header('etag', etag(body.version));
    return c.json(body);
  });

  app.put('/', admin, async (c) => {
    const expected = ifMatch(c);
    const { data } = await readJson(c, policyDocumentSchema);
    const caller = c.get('caller');
    const { version, policy } = await changePolicy(adminDeps, caller, data, { ifMatch: expected });
    c.header('etag', etag(version));
    return c.json(
      { tenant: caller.tenant, version, policyVersion: `${caller.tenant}@${version}`, policy },
      201,
    );
  });

  app.get('/versions', admin, async (c) => {
    const q = parseQuery(versionsQuerySchema, c.req.query());
    const tenant = c.get('caller').tenant;
    const rows = await deps.policies.versions(tenant, { limit: q.limit, before: q.before });
    return c.json({
      versions: rows.map((r) => ({
        version: r.version,
        policyVersion: `${tenant}@${r.version}`,
        createdAt: r.createdAt.toISOString(),
        createdBy: r.createdBy,
      })),
      next: rows.length === q.limit ? (rows[rows.length - 1]?.version ?? null) : null,
    });
  });

  app.get('/versions/:version', admin, async (c) => {
    const { version } = parseQuery(versionParamsSchema, c.req.param());
    const body = await versionBody(c.get('caller').tenant, version);
    if (!body) throw noVersion(version);
    c.header('etag', etag(body.version));
    return c.json(body);
  });

  app.get('/versions/:version/diff/:other', admin, async (c) => {
    const { version, other } = parseQuery(versionParamsSchema, c.req.param());
    const tenant = c.get('caller').tenant;
    const [a, b] = await Promise.all([
      versionBody(tenant, version),
      versionBody(tenant, other ?? 0),
    ]);
    if (!a) throw noVersion(version);
    if (!b) throw noVersion(other ?? 0);
    return c.json({ from: a.version, to: b.version, changes: diffPolicies(a.policy, b.policy) });
  });

  app.post('/rollback', admin, async (c) => {
    const expected = ifMatch(c);
    const { data } = await readJson(c, rollbackSchema);
    const caller = c.get('caller');
    const { version, policy } = await rollbackPolicy(adminDeps, caller, data.version, {
      ifMatch: expected,
    });
    c.header('etag', etag(version));
    return c.json(
      { tenant: caller.tenant, version, policyVersion: `${caller.tenant}@${version}`, policy },
      201,
    );
  });

  // a dry run of PUT: the same validation, nothing stored, no event
  app.post('/validate', admin, async (c) => {
    const { data } = await readJson(c, policyDocumentSchema);
    const current = await deps.policies.latest(c.get('caller').tenant);
    const { doc, secretWeakenings } = validatePolicy(
      data,
      addresses,
      current?.policy as StoredPolicy | undefined,
    );
    return c.json({
      valid: true,
      policy: doc,
      changed: changedSettings(current?.policy, doc),
      secretWeakenings,
      basedOn: current?.version ?? 0,
    });
  });

  app.post('/simulate', admin, async (c) => {
    const { data } = await readJson(c, simulateSchema);
    const tenant = c.get('caller').tenant;
    const candidate = deps.policies.fromStored(tenant, -1, preparePolicy(data.policy, addresses));
    const report = await simulate(
      deps.database.db,
      tenant,
      candidate,
      [deps.keys.hmac, ...deps.keys.hmacPrevious],
      { from: data.from, to: data.to, limit: data.limit },
    );
    return c.json(report);
  });
  return app;
}
