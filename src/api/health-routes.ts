import { Hono } from 'hono';
import { publishedKeys, registerServiceKey } from '../audit/service-keys.ts';
import { appliedMigrations, SHIPPED_MIGRATIONS } from '../db/migration-status.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import type { Metrics } from './metrics.ts';

/** /healthz (the process), /readyz (database, migrations, signing key recorded), /metrics, and the service's public keys. */
export function healthRoutes(deps: AppDeps, metrics: Metrics) {
  const app = new Hono<AppEnv>();
  let keyRecorded = false;
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    // a replica going away says so first, so the load balancer stops sending before it stops
    if (deps.lifecycle?.draining)
      return c.json({ status: 'not_ready', reason: 'shutting down' }, 503);
    // known down: no query that would wait for a connection; the breaker's probe watches for its return
    if (deps.availability && !deps.availability.up)
      return c.json({ status: 'not_ready', reason: 'database unreachable' }, 503);
    try {
      const applied = await appliedMigrations(deps.database);
      if (applied < SHIPPED_MIGRATIONS)
        return c.json(
          {
            status: 'not_ready',
            reason: `migrations applied: ${applied} of ${SHIPPED_MIGRATIONS}`,
          },
          503,
        );
      // ready only once the signing key is recorded, so what it signs stays verifiable after a
      // rotation (the runtime records it at start; this covers migrations applied later)
      if (!keyRecorded) {
        await registerServiceKey(deps.database.db, deps.keys.service, deps.clock.now());
        keyRecorded = true;
      }
      return c.json({ status: 'ready', database: deps.database.driver, migrations: applied });
    } catch (err) {
      deps.availability?.observe(err);
      return c.json({ status: 'not_ready', reason: 'database unreachable' }, 503);
    }
  });
  app.get('/metrics', async (c) =>
    c.text(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
  );
  // every key the service has signed with, current first: receipts and checkpoints signed
  // before a rotation still verify
  app.get('/.well-known/jwks.json', async (c) =>
    c.json({ keys: await publishedKeys(deps.database.db, deps.keys.service) }, 200, {
      'cache-control': 'public, max-age=300',
    }),
  );
  return app;
}
