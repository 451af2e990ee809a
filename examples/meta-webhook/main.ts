import { serve } from '@hono/node-server';
import { SargasClient } from '../../src/client/index.ts';
import { graphApi, webhookApp } from './webhook.ts';

// npx tsx examples/meta-webhook/main.ts — the webhook on PORT (default 3000). Set
// SARGAS_URL, SARGAS_TOKEN (scope check), META_APP_SECRET, META_VERIFY_TOKEN, PAGE_TOKEN.
const need = (name: string) => {
  const v = process.env[name];
  if (!v) {
    console.error(`set ${name}`);
    process.exit(2);
  }
  return v;
};
const app = webhookApp({
  appSecret: need('META_APP_SECRET'),
  verifyToken: need('META_VERIFY_TOKEN'),
  sargas: new SargasClient({
    baseUrl: process.env.SARGAS_URL ?? 'http://localhost:8080',
    token: need('SARGAS_TOKEN'),
  }),
  graph: graphApi(need('PAGE_TOKEN')),
  onHandled: (h) => console.log(JSON.stringify(h)),
});
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000) }, (i) =>
  console.log(`Meta webhook on http://localhost:${i.port}/webhook`),
);
