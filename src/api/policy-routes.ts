import { Hono } from 'hono';
import { AddressPolicy } from '../net/address-policy.ts';
import { storedPolicySchema } from '../policies/policy-schema.ts';
import { defaultPolicy } from '../policies/types.ts';
import { changePolicy, preparePolicy } from '../service/policy-admin.ts';
import { simulate } from '../service/policy-simulation.ts';
import { simulateSchema } from './policy-schemas.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';

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
      return c.json({
        tenant,
        version: 0,
        policyVersion: `${tenant}@0`,
        policy,
        createdAt: null,
        createdBy: null,
      });
    }
    return c.json({
      tenant,
      version: row.version,
      policyVersion: `${tenant}@${row.version}`,
      policy: row.policy,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
    });
  });

  app.put('/', admin, async (c) => {
    const { data } = await readJson(c, storedPolicySchema);
    const caller = c.get('caller');
    const { version, policy } = await changePolicy({ ...deps, addresses }, caller, data);
    return c.json(
      { tenant: caller.tenant, version, policyVersion: `${caller.tenant}@${version}`, policy },
      201,
    );
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
