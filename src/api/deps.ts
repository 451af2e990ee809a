import type { Logger } from 'pino';
import type { AccessTokenOptions } from '../auth/access-token.ts';
import type { KeySetFetching } from '../auth/identity.ts';
import type { KeyMaterial } from '../auth/keys.ts';
import type { WitnessPublisher } from '../audit/witness-publisher.ts';
import type { AuditWriter } from '../audit/writer.ts';
import type { SinkDeliverer } from '../audit/sinks/deliverer.ts';
import type { Clock } from '../clock.ts';
import type { StoreAvailability } from '../db/availability.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { AddressPolicy } from '../net/address-policy.ts';
import type { PolicyStore } from '../stores/policy-store.ts';
import type { RateLimit } from './rate-limit.ts';
import type { OidcClient as ConsoleOidc } from '../console/oidc.ts';
import type { SessionStore as ConsoleSessions } from '../console/sessions.ts';

/** Everything the app uses from outside; tests pass their own. */
export interface AppDeps {
  database: DatabaseHandle;
  writer: AuditWriter;
  policies: PolicyStore;
  keys: KeyMaterial;
  clock: Clock;
  auth: AccessTokenOptions;
  logger?: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Largest body of POST /v1/check/batch, in bytes (MAX_BATCH_BODY_BYTES). */
  maxBatchBodyBytes?: number | undefined;
  /** Checks per second and burst per tenant on this replica; none: unlimited. */
  rateLimit?: RateLimit | undefined;
  /** Node.js process metrics (event loop lag, GC, memory) on /metrics; off in tests. */
  processMetrics?: boolean;
  /** The store's circuit breaker: while it is open, /v1 answers 503 at once and /readyz is not ready. */
  availability?: StoreAvailability | undefined;
  /** How long a check may take, arrival to committed event (CHECK_DEADLINE_MS). */
  checkDeadlineMs?: number | undefined;
  /** Set when the process is shutting down: /readyz turns not ready first. */
  lifecycle?: { draining: boolean } | undefined;
  /** How identity providers' key sets are fetched (src/net/safe-fetch.ts). */
  keySetFetching?: KeySetFetching | undefined;
  /** Where the service may connect for a tenant: policy PUT refuses a jwksUrl at a literal internal address. */
  addressPolicy?: AddressPolicy | undefined;
  /** What delivers checkpoints to the witnesses (metrics). */
  witnesses?: WitnessPublisher | undefined;
  /** A witness whose checkpoints verify holds the log against (the directory witness). */
  witness?: { checkpoints(tenant: string): Promise<string[]> } | undefined;
  /** The sinks' deliverers (metrics: lag and failures per sink). */
  sinks?: readonly SinkDeliverer[] | undefined;
  /** Care metrics: how long a brand has to follow up a public self-disclosure (CARE_FOLLOW_UP_MINUTES…). */
  care?:
    | { followUpMinutes: number; followUpMinutesByTenant?: ReadonlyMap<string, number> }
    | undefined;
  /** How often the audit stream looks at the chain when no local commit woke it, and sends a heartbeat. */
  stream?: { pollMs?: number; heartbeatMs?: number } | undefined;
  /** How officers sign in to the console (CONSOLE_*, OIDC_*); none: no OIDC, no pasted tokens. */
  console?: ConsoleSettings | undefined;
}

/** The console's sign-in: the OpenID Connect client, whether pasting a token is allowed, the session length. */
export interface ConsoleSettings {
  oidc?: ConsoleOidc | undefined;
  devTokens: boolean;
  sessionMinutes: number;
  /** Tests pass their own to look into the sessions. */
  sessions?: ConsoleSessions | undefined;
}
