// Every route the app serves, with the scope a protected one needs and a request that gets
// past the checks: test/auth.test.ts holds this list to the app's routes and tests each
// one's authentication; test/openapi.test.ts holds the document's scopes to it.

const NO_SUCH_EVENT = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/**
 * Every protected route, with the scope it needs and a request that gets past the checks
 * (`ok`: the status it then answers). The last test holds this list to the app's routes.
 */
export const ROUTES = [
  {
    name: 'POST /v1/check',
    scope: 'check',
    method: 'POST',
    path: '/v1/check',
    body: { direction: 'inbound', text: 'hello', channel: { platform: 'x', visibility: 'public' } },
  },
  {
    name: 'POST /v1/check/batch',
    scope: 'check',
    method: 'POST',
    path: '/v1/check/batch',
    body: {
      items: [
        { direction: 'inbound', text: 'hello', channel: { platform: 'x', visibility: 'public' } },
      ],
    },
  },
  { name: 'GET /v1/audit/events', scope: 'audit:read', method: 'GET', path: '/v1/audit/events' },
  {
    name: 'GET /v1/audit/events/:id',
    scope: 'audit:read',
    method: 'GET',
    path: `/v1/audit/events/${NO_SUCH_EVENT}`,
    ok: 404,
  },
  {
    name: 'POST /v1/audit/events/:id/reviews',
    scope: 'audit:review',
    method: 'POST',
    path: `/v1/audit/events/${NO_SUCH_EVENT}/reviews`,
    body: { verdict: 'confirmed', note: 'looked at it' },
    ok: 404,
  },
  {
    name: 'POST /v1/audit/events/:id/override',
    scope: 'check:override',
    method: 'POST',
    path: `/v1/audit/events/${NO_SUCH_EVENT}/override`,
    body: { justification: 'the customer asked for it twice' },
    ok: 404,
  },
  {
    name: 'GET /v1/audit/events/:id/receipt',
    scope: 'audit:read',
    method: 'GET',
    path: `/v1/audit/events/${NO_SUCH_EVENT}/receipt`,
    ok: 404,
  },
  { name: 'GET /v1/audit/queue', scope: 'audit:read', method: 'GET', path: '/v1/audit/queue' },
  { name: 'GET /v1/audit/facets', scope: 'audit:read', method: 'GET', path: '/v1/audit/facets' },
  {
    name: 'GET /v1/audit/policy-versions',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/policy-versions',
  },
  {
    name: 'GET /v1/audit/policy-versions/:version',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/policy-versions/0',
  },
  {
    name: 'GET /v1/audit/policy-versions/diff',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/policy-versions/diff?from=0&to=0',
  },
  { name: 'GET /v1/audit/verify', scope: 'audit:read', method: 'GET', path: '/v1/audit/verify' },
  {
    name: 'POST /v1/audit/verify',
    scope: 'audit:read',
    method: 'POST',
    path: '/v1/audit/verify',
    body: {},
  },
  { name: 'GET /v1/audit/export', scope: 'audit:read', method: 'GET', path: '/v1/audit/export' },
  {
    name: 'GET /v1/audit/stream',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/stream?after=0&follow=false',
  },
  { name: 'GET /v1/care/summary', scope: 'audit:read', method: 'GET', path: '/v1/care/summary' },
  {
    name: 'POST /v1/threads/:id/actions',
    scope: 'check',
    method: 'POST',
    path: '/v1/threads/thread-1/actions',
    body: { action: 'post_hidden' },
    ok: 201,
  },
  {
    name: 'GET /v1/audit/export/manifest',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/export/manifest',
  },
  { name: 'GET /v1/audit/summary', scope: 'audit:read', method: 'GET', path: '/v1/audit/summary' },
  {
    name: 'GET /v1/audit/checkpoints',
    scope: 'audit:read',
    method: 'GET',
    path: '/v1/audit/checkpoints',
  },
  {
    name: 'POST /v1/audit/fingerprints',
    scope: 'audit:read',
    method: 'POST',
    path: '/v1/audit/fingerprints',
    body: { customerId: 'fb:1' },
  },
  {
    name: 'POST /v1/audit/purge',
    scope: 'audit:admin',
    method: 'POST',
    path: '/v1/audit/purge',
    body: { olderThanDays: 365 },
  },
  { name: 'GET /v1/audit/sinks', scope: 'audit:admin', method: 'GET', path: '/v1/audit/sinks' },
  {
    name: 'POST /v1/audit/sinks/:name/replay',
    scope: 'audit:admin',
    method: 'POST',
    path: '/v1/audit/sinks/webhook/replay',
    body: { after: 0 },
    // the test service configures no sink
    ok: 404,
  },
  { name: 'GET /v1/policy', scope: 'policy:admin', method: 'GET', path: '/v1/policy' },
  {
    name: 'PUT /v1/policy',
    scope: 'policy:admin',
    method: 'PUT',
    path: '/v1/policy',
    body: { mode: 'monitor' },
    ok: 201,
  },
  {
    name: 'POST /v1/policy/simulate',
    scope: 'policy:admin',
    method: 'POST',
    path: '/v1/policy/simulate',
    body: { policy: { mode: 'monitor' } },
  },
  {
    name: 'GET /v1/policy/versions',
    scope: 'policy:admin',
    method: 'GET',
    path: '/v1/policy/versions',
  },
  {
    name: 'GET /v1/policy/versions/:version',
    scope: 'policy:admin',
    method: 'GET',
    path: '/v1/policy/versions/0',
  },
  {
    name: 'GET /v1/policy/versions/:version/diff/:other',
    scope: 'policy:admin',
    method: 'GET',
    path: '/v1/policy/versions/0/diff/0',
  },
  {
    name: 'POST /v1/policy/rollback',
    scope: 'policy:admin',
    method: 'POST',
    path: '/v1/policy/rollback',
    body: { version: 1 },
    ok: 201,
  },
  {
    name: 'POST /v1/policy/validate',
    scope: 'policy:admin',
    method: 'POST',
    path: '/v1/policy/validate',
    body: { mode: 'monitor' },
  },
] as const;

/** Routes anyone may call: probes, metrics, the public keys, the console's static page, the API's document and reference page. */
export const PUBLIC = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /.well-known/jwks.json',
  'GET /console',
  'GET /console/console.css',
  'GET /console/console.js',
  'GET /console/fields.json',
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/init.js',
  'GET /docs/swagger-ui-bundle.js',
  'GET /docs/swagger-ui.css',
  'GET /console/chart.js',
  'GET /console/texts.json',
  // the console's sign-in: each checks what it needs itself (test/console-session.test.ts)
  'GET /console/session',
  'GET /console/login',
  'GET /console/callback',
  'POST /console/token',
  'POST /console/logout',
];
