import { parseArgs } from 'node:util';
import { signAccessToken, SCOPES } from '../auth/access-token.ts';
import { devIdentityKey } from '../auth/dev-identity.ts';
import { signIdentityAssertion } from '../auth/identity.ts';
import { loadKeys } from '../auth/keys.ts';
import { loadConfig } from '../config.ts';

// npm run token -- --tenant demo --scopes check,audit:read [--subject me] [--ttl 3600]
// npm run token -- --tenant demo --identity fb:123     (a customer identity assertion, valid for that tenant only)
const USAGE =
  'usage: npm run token -- --tenant <tenant> [--scopes check,audit:read] [--subject <id>] [--ttl <seconds>] | --identity <customer id>';
let parsed: ReturnType<typeof parse>;
const parse = () =>
  parseArgs({
    options: {
      tenant: { type: 'string' },
      scopes: { type: 'string', default: 'check' },
      subject: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
      identity: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
try {
  parsed = parse();
} catch (err) {
  // an unknown or malformed option: say which, and how to call it, without a stack trace
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const config = loadConfig();
if (!config.devKeys) {
  console.error(
    'An external JWKS is configured (AUTH_JWKS_URL or AUTH_JWKS_FILE): get tokens from that issuer.',
  );
  process.exit(2);
}
if (!values.tenant) {
  console.error(USAGE);
  process.exit(2);
}
const keys = await loadKeys(config);
const ttl = Number(values.ttl);
if (values.identity) {
  console.log(
    await signIdentityAssertion(await devIdentityKey(keys.dev!, values.tenant), values.identity, {
      ttlSeconds: Math.min(ttl, 3600),
    }),
  );
} else {
  const scopes = values.scopes.split(/[,\s]+/).filter(Boolean);
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) {
    console.error(`unknown scope(s): ${unknown.join(', ')}; known: ${SCOPES.join(', ')}`);
    process.exit(2);
  }
  console.log(
    await signAccessToken(
      keys.dev!,
      { tenant: values.tenant, scopes, subject: values.subject, ttlSeconds: ttl },
      { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE },
    ),
  );
}
