import { join } from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import { devIdentityProvider } from './auth/dev-identity.ts';
import { OidcClient } from './console/oidc.ts';
import { loadKeys, type KeyMaterial } from './auth/keys.ts';
import { registerServiceKey } from './audit/service-keys.ts';
import { AuditWriter } from './audit/writer.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { openPglite, openPostgres, type DatabaseHandle } from './db/client.ts';
import { PolicyStore } from './stores/policy-store.ts';
import { StoreAvailability } from './db/availability.ts';
import { DirectoryWitness, HttpsWitness, type Witness } from './audit/witness.ts';
import { WitnessPublisher } from './audit/witness-publisher.ts';
import { AddressPolicy } from './net/address-policy.ts';
import { keySetFetch, safeDispatcher } from './net/safe-fetch.ts';
import { readFileSync } from 'node:fs';
import { SinkDeliverer } from './audit/sinks/deliverer.ts';
import { DirectorySink } from './audit/sinks/directory-sink.ts';
import type { Sink } from './audit/sinks/sink.ts';
import { WebhookSink } from './audit/sinks/webhook-sink.ts';
import { errorSummary } from './api/log-safety.ts';

/** The running service's parts, opened from configuration. */
export interface Runtime {
  database: DatabaseHandle;
  policies: PolicyStore;
  keys: KeyMaterial;
  writer: AuditWriter;
  availability: StoreAvailability;
  /** `draining` is set on shutdown: /readyz turns not ready first. */
  lifecycle: { draining: boolean };
  /** Keeps time-based checkpoints and delivers them to the configured witnesses (perhaps none). */
  witnesses: WitnessPublisher;
  app: ReturnType<typeof createApp>;
  /** One deliverer per configured sink (docs/sinks.md); main.ts starts them. */
  sinks: readonly SinkDeliverer[];
}

/** The sinks the configuration names, each with its deliverer, woken by the writer's commits. */
export function configuredSinks(
  config: Config,
  database: DatabaseHandle,
  writer: AuditWriter,
  logger: Logger,
): SinkDeliverer[] {
  const sinks: Sink[] = [];
  if (config.SINK_WEBHOOK_URL && config.SINK_WEBHOOK_SECRET) {
    const ca = config.SINK_WEBHOOK_CA_FILE
      ? readFileSync(config.SINK_WEBHOOK_CA_FILE, 'utf8')
      : undefined;
    const dispatcher = safeDispatcher(
      AddressPolicy.fromList(config.SINK_WEBHOOK_PRIVATE_NETWORKS),
      { connectTimeoutMs: Math.min(5000, config.SINK_WEBHOOK_TIMEOUT_MS), ca },
    );
    sinks.push(
      new WebhookSink(
        config.SINK_WEBHOOK_URL,
        config.SINK_WEBHOOK_SECRET,
        dispatcher,
        config.SINK_WEBHOOK_TIMEOUT_MS,
      ),
    );
  }
  if (config.SINK_DIR)
    sinks.push(
      new DirectorySink(config.SINK_DIR, {
        maxBytes: config.SINK_DIR_MAX_BYTES,
        maxSeconds: config.SINK_DIR_MAX_SECONDS,
      }),
    );
  return sinks.map((sink) => {
    const deliverer = new SinkDeliverer(database, sink, logger, {
      maxBatch: config.SINK_BATCH,
      pollMs: config.SINK_POLL_MS,
      leaseMs: config.SINK_LEASE_MS,
    });
    writer.onAnyCommit(() => deliverer.notify());
    return deliverer;
  });
}

/** Opens the database (PostgreSQL if DATABASE_URL is set, else embedded PGlite under DATA_DIR), migrates it unless told not to, loads keys, builds the app. */
export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const database = config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, { max: config.DB_POOL_SIZE })
    : await openPglite(join(config.DATA_DIR, 'pglite'));
  if (config.MIGRATE_ON_START) await database.migrate();
  const keys = await loadKeys(config);
  // the signing key's public half is kept in the database for good (rotation); without the
  // migrations yet (MIGRATE_ON_START=false), /readyz records it once they are applied
  await registerServiceKey(database.db, keys.service, systemClock.now()).catch((err: unknown) =>
    logger.warn({ cause: errorSummary(err) }, 'signing key not recorded yet (migrations missing?)'),
  );
  const availability = new StoreAvailability(() => database.probe(), {
    onChange: (up) =>
      up
        ? logger.warn('audit store reachable again')
        : logger.error('audit store unreachable: answering 503 until it is back'),
  });
  const writer = new AuditWriter(database, systemClock, {
    maxQueue: config.AUDIT_MAX_QUEUE,
    concurrency: database.driver === 'pglite' ? 1 : config.AUDIT_CONCURRENCY,
    checkpoint: { key: keys.service, every: config.CHECKPOINT_EVERY },
    availability,
  });
  const lifecycle = { draining: false };
  const addressPolicy = AddressPolicy.fromList(config.IDP_PRIVATE_NETWORKS);
  const keySetFetching = {
    fetch: keySetFetch(
      safeDispatcher(addressPolicy, { connectTimeoutMs: config.IDP_FETCH_TIMEOUT_MS }),
    ),
    timeoutMs: config.IDP_FETCH_TIMEOUT_MS,
  };
  const directory = config.WITNESS_DIR ? new DirectoryWitness(config.WITNESS_DIR) : null;
  const witnessList: Witness[] = [
    ...(directory ? [directory] : []),
    ...(config.WITNESS_URL ? [new HttpsWitness(config.WITNESS_URL)] : []),
  ];
  // without witnesses it still keeps the time-based checkpoints (officers fetch them)
  const witnesses = new WitnessPublisher(witnessList, logger);
  writer.onCheckpoint((cp) => witnesses.publish(cp));
  if (witnessList.length > 0)
    await witnesses
      .catchUp(database)
      .catch((err: unknown) =>
        logger.warn(
          { cause: errorSummary(err) },
          'witness catch-up skipped: checkpoints not readable',
        ),
      );
  // in development, each tenant without a provider of its own has its own derived key
  const dev = keys.dev;
  const fallbackIdentityProvider = dev
    ? (tenant: string) => devIdentityProvider(dev, tenant)
    : null;
  const policies = new PolicyStore(database.db, { fallbackIdentityProvider });
  const sinks = configuredSinks(config, database, writer, logger);
  const app = createApp({
    database,
    writer,
    policies,
    keys,
    clock: systemClock,
    auth: { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE },
    logger,
    processMetrics: true,
    rateLimit:
      config.RATE_LIMIT_PER_SECOND > 0
        ? { perSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST }
        : undefined,
    availability,
    checkDeadlineMs: config.CHECK_DEADLINE_MS,
    maxBatchBodyBytes: config.MAX_BATCH_BODY_BYTES,
    lifecycle,
    witness: directory ?? undefined,
    witnesses,
    addressPolicy,
    keySetFetching,
    sinks,
    care: {
      followUpMinutes: config.CARE_FOLLOW_UP_MINUTES,
      followUpMinutesByTenant: config.CARE_FOLLOW_UP_MINUTES_BY_TENANT,
    },
    console: {
      devTokens: config.consoleDevTokens,
      sessionMinutes: config.CONSOLE_SESSION_MINUTES,
      oidc:
        config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_REDIRECT_URI
          ? new OidcClient({
              issuer: config.OIDC_ISSUER,
              clientId: config.OIDC_CLIENT_ID,
              clientSecret: config.OIDC_CLIENT_SECRET,
              redirectUri: config.OIDC_REDIRECT_URI,
              scopes: config.OIDC_SCOPES,
              tenantClaim: config.OIDC_TENANT_CLAIM,
              rolesClaim: config.OIDC_ROLES_CLAIM,
              roleScopes: config.OIDC_ROLE_SCOPES,
            })
          : undefined,
    },
  });
  return { database, policies, keys, writer, availability, lifecycle, witnesses, app, sinks };
}
