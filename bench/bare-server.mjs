// The baseline for bench/server.ts: a bare Hono endpoint that reads a JSON body and answers
// JSON, run by plain node (no tsx loader), as a user measuring "a bare endpoint" would.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/bare', async (c) => {
  const body = await c.req.json();
  return c.json({ decision: 'allow', length: body.text?.length ?? 0 });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) =>
  console.log(`listening on http://localhost:${info.port}`),
);
