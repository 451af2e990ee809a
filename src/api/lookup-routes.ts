import { Hono } from 'hono';
import { lookUp } from '../service/officer-actions.ts';
import { lookupSchema } from './audit-schemas.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';

/** POST /v1/audit/fingerprints: a data subject's values to the fingerprints the log holds (the lookup itself is logged, without the values). */
export function lookupRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const officer = {
    db: deps.database.db,
    writer: deps.writer,
    keys: deps.keys,
    clock: deps.clock,
    policies: deps.policies,
  };
  app.post('/', requireScope('audit:read', deps.keys.accessKeys, deps.auth), async (c) => {
    const { data } = await readJson(c, lookupSchema);
    return c.json(await lookUp(officer, c.get('caller'), data));
  });
  return app;
}
