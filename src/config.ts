import { z } from 'zod';
import { AddressPolicy } from './net/address-policy.ts';

/** A list of networks in CIDR notation, comma-separated (checked by the address policy). */
const networks = z
  .string()
  .optional()
  .refine((v) => {
    try {
      AddressPolicy.fromList(v);
      return true;
    } catch {
      return false;
    }
  }, 'must be networks in CIDR notation, comma-separated');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080), // 0: any free port
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_JWKS_FILE: z.string().optional(),
  AUTH_ISSUER: z.string().default('sargas-dev'),
  AUTH_AUDIENCE: z.string().default('sargas'),
  AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters of secret').optional(),
  // earlier fingerprint keys after a rotation, comma-separated: never used for new events,
  // only to find events fingerprinted before (lookups, simulation)
  AUDIT_HMAC_PREVIOUS_KEYS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .refine(
      (keys) => keys.every((k) => k.length >= 32),
      'each key must be at least 32 characters of secret',
    ),
  SERVICE_SIGNING_KEY: z.string().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CHECKPOINT_EVERY: z.coerce.number().int().min(1).default(1000),
  // a tenant's newest batch seal becomes a checkpoint (and goes to the witnesses) at least
  // this often while its chain moves (0: only every CHECKPOINT_EVERY events)
  CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  // witnesses outside the database (docs/audit.md): a directory of append-only files, an HTTPS sink
  WITNESS_DIR: z.string().min(1).optional(),
  WITNESS_URL: z.string().url().startsWith('https://', 'must be an https URL').optional(),
  // identity providers' key sets are fetched only from public unicast addresses, unless in
  // one of these networks (CIDR, comma-separated): for an identity provider inside the bank
  IDP_PRIVATE_NETWORKS: networks,
  // a key set not fetched by then fails the identity, not the check
  IDP_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(1000),
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(2000),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(4000),
  AUDIT_MAX_QUEUE: z.coerce.number().int().min(1).default(10_000),
  AUDIT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  // false when the service logs in as a role that may only append (docs/audit.md): the
  // tables' owner runs `npm run migrate` instead
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  RETENTION_SWEEP_MINUTES: z.coerce.number().int().min(0).default(60),
  // from a check's arrival to its committed event; past it the check answers 503 with
  // Retry-After and its event is never written (docs/audit.md, outages)
  CHECK_DEADLINE_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  // the largest body of POST /v1/check/batch (up to 1,000 messages)
  MAX_BATCH_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(256 * 1024)
    .max(64 * 1024 * 1024)
    .default(8 * 1024 * 1024),
  // on SIGTERM: how long /readyz says not ready before the listener closes (the load
  // balancer's time to notice), then how long in-flight requests get to finish
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // sinks (docs/sinks.md): the chain, checkpoints included, delivered at least once, in
  // order per tenant. An HTTPS webhook receiving signed JSON Lines batches…
  SINK_WEBHOOK_URL: z.string().url().startsWith('https://', 'must be an https URL').optional(),
  SINK_WEBHOOK_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters of secret (it signs every batch)')
    .optional(),
  // the webhook is reached only at public unicast addresses unless in one of these networks
  SINK_WEBHOOK_PRIVATE_NETWORKS: networks,
  // a PEM file of the certificate authority that signed the webhook's certificate (a private CA)
  SINK_WEBHOOK_CA_FILE: z.string().min(1).optional(),
  SINK_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // …and a directory of rotated NDJSON files for a log shipper
  SINK_DIR: z.string().min(1).optional(),
  SINK_DIR_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  SINK_DIR_MAX_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400 * 31)
    .default(3600),
  // events per delivery, how often the chain is looked at without a local commit, and how
  // long a replica's hold on a sink lasts without renewal (another replica takes over then)
  SINK_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  SINK_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  SINK_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  // care metrics (docs/care.md): how long a brand has to follow up a public self-disclosure
  CARE_FOLLOW_UP_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 90)
    .default(24 * 60),
  // how often disclosures past their deadline are recorded as care_alert events (which go to
  // the sinks and the stream like any event); 0: never
  CARE_ALERTS_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400).default(0),
  // per tenant, overriding it: "tenant=minutes,tenant=minutes"
  CARE_FOLLOW_UP_MINUTES_BY_TENANT: z
    .string()
    .optional()
    .refine(
      (v) => !v || v.split(',').every((pair) => /^\s*[^=,\s][^=,]*=\s*[1-9]\d{0,5}\s*$/.test(pair)),
      'must be tenant=minutes pairs, comma-separated',
    )
    .transform((v) => {
      const map = new Map<string, number>();
      for (const pair of (v ?? '').split(',').filter((p) => p.trim())) {
        const [tenant, minutes] = pair.split('=') as [string, string];
        map.set(tenant.trim(), Number(minutes.trim()));
      }
      return map;
    }),
  // the console's sign-in through the bank's OpenID Connect provider (docs/console.md)
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  // none: a public client (PKCE only)
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  // the console's callback as the browser reaches it, e.g. https://sargas.bank/console/callback
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_SCOPES: z.string().default('openid profile'),
  // claims of the ID token: a dotted path reaches into an object (realm_access.roles)
  OIDC_TENANT_CLAIM: z.string().min(1).default('tenant'),
  OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  // role → the console scopes it grants, as JSON; roles named like a scope grant that scope
  OIDC_ROLE_SCOPES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      try {
        return roleScopesSchema.parse(JSON.parse(v));
      } catch {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be JSON mapping each role to scopes among audit:read, audit:review, policy:admin',
        });
        return z.NEVER;
      }
    }),
  // pasting an access token into the console: on by default only when no OIDC issuer is set
  CONSOLE_DEV_TOKENS: z.enum(['true', 'false']).optional(),
  CONSOLE_SESSION_MINUTES: z.coerce.number().int().min(5).max(1440).default(480),
});

const roleScopesSchema = z.record(
  z.string().min(1),
  z.array(z.enum(['audit:read', 'audit:review', 'policy:admin'])),
);

/** The service's configuration, parsed once at start from the environment. */
export type Config = z.infer<typeof schema> & { devKeys: boolean; consoleDevTokens: boolean };

/** Parses the environment; throws one error listing every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.AUTH_JWKS_URL && c.AUTH_JWKS_FILE)
    throw new Error('invalid configuration:\n  set AUTH_JWKS_URL or AUTH_JWKS_FILE, not both');
  if (c.SINK_WEBHOOK_URL && !c.SINK_WEBHOOK_SECRET)
    throw new Error(
      'invalid configuration:\n  SINK_WEBHOOK_SECRET: required with SINK_WEBHOOK_URL (it signs every batch)',
    );
  if (c.OIDC_ISSUER && (!c.OIDC_CLIENT_ID || !c.OIDC_REDIRECT_URI))
    throw new Error(
      'invalid configuration:\n  OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_REDIRECT_URI',
    );
  return {
    ...c,
    devKeys: !c.AUTH_JWKS_URL && !c.AUTH_JWKS_FILE,
    consoleDevTokens: c.CONSOLE_DEV_TOKENS ? c.CONSOLE_DEV_TOKENS === 'true' : !c.OIDC_ISSUER,
  };
}

/** For entry points: the configuration, or its errors on stderr and exit code 2. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
}
