import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { buildDocument } from './openapi/document.ts';
import { OPERATIONS, SHARED_SCHEMAS } from './openapi/operations.ts';

// Swagger UI's files, served from the installed package (no CDN): the page works offline
// and under a strict content security policy.
const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const asset = (name: string) => readFileSync(join(SWAGGER_DIR, name));
const ASSETS = [
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['swagger-ui.css', 'text/css; charset=utf-8'],
] as const;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sargas API reference</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
  validatorUrl: 'none',
  tryItOutEnabled: false,
});`;

// Swagger UI sets inline styles; everything else comes from this origin only
const SECURITY = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The OpenAPI document, built once per process from the operations' zod schemas. */
let document: Record<string, unknown> | undefined;
export function openApiDocument(version: string): Record<string, unknown> {
  document ??= buildDocument(
    OPERATIONS,
    {
      title: 'Sargas',
      version,
      description:
        "Guards social-media customer care against personal-data breaches: the pre-send and on-receive check, the tenant's policy and the tamper-evident audit log. Errors share one shape (`Error`); 503 on a check means nothing may be sent.",
    },
    SHARED_SCHEMAS,
  );
  return document;
}

/** GET /openapi.json and the reference page at /docs. */
export function docsRoutes(version: string) {
  const app = new Hono();
  app.get('/openapi.json', (c) =>
    c.json(openApiDocument(version), 200, { 'cache-control': 'no-cache' }),
  );
  app.get('/docs', (c) => c.html(PAGE, 200, SECURITY));
  app.get('/docs/init.js', (c) =>
    c.body(INIT, 200, { ...SECURITY, 'content-type': 'text/javascript; charset=utf-8' }),
  );
  // the package's files, read on first request and kept
  for (const [name, type] of ASSETS) {
    let bytes: Buffer | undefined;
    app.get(`/docs/${name}`, (c) => {
      bytes ??= asset(name);
      return c.body(new Uint8Array(bytes), 200, {
        ...SECURITY,
        'content-type': type,
        'cache-control': 'public, max-age=86400',
      });
    });
  }
  return app;
}
