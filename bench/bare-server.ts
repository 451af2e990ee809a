// The baseline for bench/server.ts: a bare Hono endpoint that reads a JSON body and answers JSON.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/bare', async (c) => {
  const body = (await c.req.json()) as { text?: string };
  return c.json({ decision: 'allow', length: body.text?.length ?? 0 });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) =>
  console.log(`listening on http://localhost:${info.port}`),
);
