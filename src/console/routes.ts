import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { CONSOLE_FIELDS } from '../audit/event-fields.ts';

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
const PAGE = read('page.html');
const SCRIPT = read('console.js');
const STYLE = read('console.css');

// The page holds no data; it calls the API with the token the person pastes.
const SECURITY = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** GET /console: the audit console for compliance officers (static files, and the event fields it shows). */
export function consoleRoutes() {
  const app = new Hono();
  app.get('/', (c) => c.html(PAGE, 200, SECURITY));
  app.get('/console.js', (c) =>
    c.body(SCRIPT, 200, { ...SECURITY, 'content-type': 'text/javascript; charset=utf-8' }),
  );
  // what the page shows of an event, from the one declaration of the audit event's fields
  app.get('/fields.json', (c) =>
    c.json(CONSOLE_FIELDS, 200, { ...SECURITY, 'cache-control': 'no-cache' }),
  );
  app.get('/console.css', (c) =>
    c.body(STYLE, 200, { ...SECURITY, 'content-type': 'text/css; charset=utf-8' }),
  );
  return app;
}
