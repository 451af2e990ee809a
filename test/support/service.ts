import { afterAll, beforeAll } from 'vitest';
import { createApp, type App, type AppDeps } from '../../src/app.ts';
import type { ConsoleSettings } from '../../src/api/deps.ts';
import { signAccessToken } from '../../src/auth/access-token.ts';
import { devIdentityKey, devIdentityProvider } from '../../src/auth/dev-identity.ts';
import { signIdentityAssertion } from '../../src/auth/identity.ts';
import { ephemeralKeys, type KeyMaterial } from '../../src/auth/keys.ts';
import { AuditWriter } from '../../src/audit/writer.ts';
import type { Clock } from '../../src/clock.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { PolicyStore } from '../../src/stores/policy-store.ts';
import { StoreAvailability } from '../../src/db/availability.ts';
import { registerServiceKey } from '../../src/audit/service-keys.ts';
import { DirectoryWitness } from '../../src/audit/witness.ts';
import { WitnessPublisher } from '../../src/audit/witness-publisher.ts';
import pino from 'pino';
import { AddressPolicy } from '../../src/net/address-policy.ts';
import { keySetFetch, safeDispatcher } from '../../src/net/safe-fetch.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const AUTH = { issuer: 'sargas-test', audience: 'sargas' } as const;

/** A clock that starts at a fixed instant and advances one millisecond per reading. */
export function steppingClock(start = Date.UTC(2026, 10, 23, 9, 0, 0)): Clock {
  let t = start;
  return { now: () => new Date(t++) };
}

/** The app in-process over a test database, with fresh keys and helpers to mint tokens. */
export interface TestService {
  app: App;
  /** What the app was built from: `createApp({ ...svc.deps, logger })` gives the same service with a logger. */
  deps: AppDeps;
  /** With `witnessDir`: what delivers the checkpoints there. */
  witnesses: WitnessPublisher | undefined;
  keys: KeyMaterial;
  writer: AuditWriter;
  database: DatabaseHandle;
  token(tenant: string, scopes: string[], options?: { ttlSeconds?: number }): Promise<string>;
  /** A development identity assertion about `customerId`, valid for `tenant` only (its derived key). */
  identity(
    tenant: string,
    customerId: string,
    options?: { ttlSeconds?: number; audience?: string },
  ): Promise<string>;
  check(token: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export async function createTestService(
  database: DatabaseHandle,
  options: {
    checkDeadlineMs?: number;
    maxQueue?: number;
    witnessDir?: string;
    clock?: Clock;
    console?: ConsoleSettings;
  } = {},
): Promise<TestService> {
  const keys = await ephemeralKeys();
  // as the runtime does at start: what this service signs verifies for any other on the database
  await registerServiceKey(database.db, keys.service, new Date()).catch(() => {});
  const clock = options.clock ?? steppingClock();
  // the breaker as the runtime has it, probing fast
  const availability = new StoreAvailability(() => database.probe(), { probeIntervalMs: 50 });
  // two transactions in flight on PostgreSQL, so the tests exercise the lock hand-over too
  const writer = new AuditWriter(database, clock, {
    concurrency: database.driver === 'postgres' ? 2 : 1,
    checkpoint: { key: keys.service, every: 5 },
    availability,
    ...(options.maxQueue ? { maxQueue: options.maxQueue } : {}),
  });
  const policies = new PolicyStore(database.db, {
    ttlMs: 0,
    fallbackIdentityProvider: (tenant) => devIdentityProvider(keys.dev!, tenant),
  });
  // a directory witness, as WITNESS_DIR makes one: every checkpoint kept goes there too
  const witness = options.witnessDir ? new DirectoryWitness(options.witnessDir) : undefined;
  const witnesses = witness
    ? new WitnessPublisher([witness], pino({ level: 'silent' }))
    : undefined;
  if (witnesses) writer.onCheckpoint((cp) => witnesses.publish(cp));
  // identity providers' key sets as the runtime fetches them: public addresses only
  const addressPolicy = new AddressPolicy();
  const keySetFetching = { fetch: keySetFetch(safeDispatcher(addressPolicy)), timeoutMs: 1000 };
  const deps: AppDeps = {
    database,
    writer,
    policies,
    keys,
    clock,
    auth: AUTH,
    availability, // a shared, loaded CI machine can take longer than the 2 s a helpdesk would wait; tests of the deadline set their own
    checkDeadlineMs: options.checkDeadlineMs ?? 20_000,
    lifecycle: { draining: false },
    witness,
    witnesses,
    addressPolicy,
    keySetFetching,
    console: options.console,
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    witnesses,
    keys,
    writer,
    database,
    token: (tenant, scopes, options) =>
      signAccessToken(keys.dev!, { tenant, scopes, ttlSeconds: options?.ttlSeconds }, AUTH),
    identity: async (tenant, customerId, options) =>
      signIdentityAssertion(await devIdentityKey(keys.dev!, tenant), customerId, options),
    check: (token, body, headers = {}) =>
      Promise.resolve(
        app.request('/v1/check', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            ...headers,
          },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
  };
}

/** A test database and the service over it for one describe block: made before its tests, dropped after. */
export function useTestService(
  backend: 'pglite' | 'postgres',
  options: Parameters<typeof createTestService>[1] = {},
): { readonly db: TestDatabase; readonly svc: TestService } {
  let db: TestDatabase | undefined;
  let svc: TestService | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    svc = await createTestService(db.handle, options);
  });
  afterAll(async () => {
    svc?.deps.availability?.close();
    await db?.drop();
  });
  return {
    get db() {
      return db as TestDatabase;
    },
    get svc() {
      return svc as TestService;
    },
  };
}

/**
 * A tenant's caller with `scopes`: requests with its token, the policy read and replaced, the
 * audit events listed.
 */
export async function asTenant(svc: TestService, tenant: string, scopes: string[]) {
  const token = await svc.token(tenant, scopes);
  const h = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const send = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    svc.app.request(path, {
      method,
      headers: { ...h, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    token,
    send,
    put: (policy: unknown, ifMatch?: string) =>
      send('PUT', '/v1/policy', policy, ifMatch === undefined ? {} : { 'if-match': ifMatch }),
    get: (path = '/v1/policy') => send('GET', path),
    post: (path: string, body: unknown) => send('POST', path, body),
    events: async (q = '') => (await (await send('GET', `/v1/audit/events${q}`)).json()).events,
  };
}
