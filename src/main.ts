import { serve } from '@hono/node-server';
import pino from 'pino';
import { loadConfigOrExit } from './config.ts';
import { sweepRetention } from './audit/retention.ts';
import { systemClock } from './clock.ts';
import { openRuntime } from './runtime.ts';
import { shutdownGracefully } from './shutdown.ts';
import { publishedKeys } from './audit/service-keys.ts';
import { chainTenants, sweepCareAlerts } from './service/care-alerts.ts';
import type { Server } from 'node:http';

// The only file that reads the environment, opens the database, listens and handles signals.
const config = loadConfigOrExit();
const logger = pino({ level: config.LOG_LEVEL, base: { service: 'sargas' } });
const runtime = await openRuntime(config, logger);
for (const sink of runtime.sinks) sink.start();
const server = serve(
  { fetch: runtime.app.fetch, port: config.PORT, hostname: config.HOST },
  (info) => {
    logger.info({ port: info.port, database: runtime.database.driver }, 'listening');
    console.log(
      `Sargas is listening on http://localhost:${info.port} (database: ${runtime.database.driver === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}/pglite` : 'PostgreSQL'})`,
    );
    if (runtime.keys.dev) {
      // from the build (a container image has no sources): the compiled command line
      const token = import.meta.url.includes('/dist/')
        ? 'node dist/cli/token.js'
        : 'npm run token --';
      console.log('Get a development token with:');
      console.log(`  ${token} --tenant demo --scopes check,audit:read`);
      console.log('and an identity assertion for a customer with:');
      console.log(`  ${token} --tenant demo --identity fb:123`);
    }
  },
);

// Retention: each tenant's policy may set retentionDays; old ranges are purged on a timer.
const sweep = async () => {
  try {
    const periods = await runtime.policies.retentionPeriods();
    const results = await sweepRetention(
      {
        database: runtime.database,
        writer: runtime.writer,
        key: runtime.keys.service,
        clock: systemClock,
      },
      periods,
    );
    for (const r of results)
      if (r.result.purged > 0)
        logger.info({ tenant: r.tenant, purged: r.result.purged }, 'retention purge');
  } catch (err) {
    logger.error({ err: { type: (err as Error).name } }, 'retention sweep failed');
  }
};
const sweepTimer =
  config.RETENTION_SWEEP_MINUTES > 0
    ? setInterval(() => void sweep(), config.RETENTION_SWEEP_MINUTES * 60_000)
    : null;
sweepTimer?.unref();

// Checkpoints: every moved tenant's newest batch seal is kept as one and handed to the
// witnesses at least every CHECKPOINT_INTERVAL_SECONDS, however few events a tenant has.
const witnesses = runtime.witnesses;
const checkpointTimer =
  config.CHECKPOINT_INTERVAL_SECONDS > 0
    ? setInterval(() => {
        if (!runtime.availability.up) return;
        void publishedKeys(runtime.database.db, runtime.keys.service)
          .then((keys) => witnesses.sweep(runtime.database, keys))
          .catch((err: unknown) =>
            logger.warn({ err: { type: (err as Error).name } }, 'checkpoint sweep failed'),
          );
      }, config.CHECKPOINT_INTERVAL_SECONDS * 1000)
    : null;
checkpointTimer?.unref();

// Care alerts: each public self-disclosure left past its tenant's deadline becomes one
// care_alert event (idempotent across sweeps and replicas), so the sinks carry it.
let careSweeping = false;
const careTimer =
  config.CARE_ALERTS_SWEEP_SECONDS > 0
    ? setInterval(() => {
        // one sweep at a time: a slow one is not joined by the next tick
        if (!runtime.availability.up || careSweeping) return;
        careSweeping = true;
        void (async () => {
          for (const tenant of await chainTenants(runtime.database)) {
            const minutes =
              config.CARE_FOLLOW_UP_MINUTES_BY_TENANT.get(tenant) ?? config.CARE_FOLLOW_UP_MINUTES;
            // one tenant's failure does not stop the others' alerts
            try {
              const recorded = await sweepCareAlerts(
                { database: runtime.database, writer: runtime.writer, clock: systemClock },
                tenant,
                minutes,
              );
              if (recorded > 0) logger.info({ tenant, recorded }, 'care alerts recorded');
            } catch (err) {
              logger.warn(
                { tenant, err: { type: (err as Error).name } },
                'care alert sweep failed for a tenant',
              );
            }
          }
        })()
          .catch((err: unknown) =>
            logger.warn({ err: { type: (err as Error).name } }, 'care alert sweep failed'),
          )
          .finally(() => {
            careSweeping = false;
          });
      }, config.CARE_ALERTS_SWEEP_SECONDS * 1000)
    : null;
careTimer?.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  if (sweepTimer) clearInterval(sweepTimer);
  if (checkpointTimer) clearInterval(checkpointTimer);
  if (careTimer) clearInterval(careTimer);
  const clean = await shutdownGracefully(
    server as Server,
    runtime,
    { delayMs: config.SHUTDOWN_DELAY_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
    logger,
  );
  // checkpoints still on their way to a witness get a moment more (they are in the database too)
  await witnesses.drain(2000);
  logger.info({ clean }, 'stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
