import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../src/auth/access-token.ts';
import { loadKeys } from '../src/auth/keys.ts';
import { loadConfig } from '../src/config.ts';
import { startService } from './support/process.ts';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/database.ts';
import { selfSignedCertificate, startReceiver } from './support/https-receiver.ts';

// The service as `npm start` runs it, with both sinks configured from the environment,
// stopped in the middle of a load while the webhook is down, and started again.

const SECRET = 'sink-signing-secret-0123456789abcdef';
const TENANTS = ['restart-a', 'restart-b'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const start = (env: Record<string, string>) => startService({ LOG_LEVEL: 'error', ...env });

type Line = { record: string; tenant: string; seq: number; id?: string };
const lines = (text: string): Line[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

describe.skipIf(spawnSync('openssl', ['version']).status !== 0).each(BACKENDS)(
  'the service with sinks, stopped under load and started again, on %s',
  (backend) => {
    it('delivers every committed event to both sinks, in order per tenant', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sargas-sink-restart-'));
      dirs.push(dataDir);
      const sinkDir = join(dataDir, 'sink');
      const tls = selfSignedCertificate(dataDir);
      writeFileSync(join(dataDir, 'ca.pem'), tls.cert);
      let up = false;
      const receiver = await startReceiver(tls, SECRET, () =>
        up ? { status: 200 } : { status: 503, retryAfter: '0' },
      );
      let db: TestDatabase | null = null;
      const env: Record<string, string> = {
        DATA_DIR: dataDir,
        SINK_WEBHOOK_URL: receiver.url,
        SINK_WEBHOOK_SECRET: SECRET,
        SINK_WEBHOOK_PRIVATE_NETWORKS: '127.0.0.0/8',
        SINK_WEBHOOK_CA_FILE: join(dataDir, 'ca.pem'),
        SINK_DIR: sinkDir,
        SINK_DIR_MAX_BYTES: '8192',
        SINK_POLL_MS: '100',
        SINK_LEASE_MS: '1000',
        RATE_LIMIT_PER_SECOND: '0',
        CHECKPOINT_EVERY: '5',
      };
      if (backend === 'postgres') {
        db = await createTestDatabase('postgres');
        env.DATABASE_URL = db.url!;
      }
      const config = loadConfig({ DATA_DIR: dataDir });
      let service = await start(env);
      try {
        const keys = await loadKeys(config);
        const auth = { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
        const token = (tenant: string, scopes: string[]) =>
          signAccessToken(keys.dev!, { tenant, scopes }, auth);
        const checkTokens = await Promise.all(TENANTS.map((t) => token(t, ['check'])));
        let sent = 0;
        let ok = 0;
        /** Checks from 8 clients until `stop` says so; failures (the process killed) are expected. */
        const load = (port: number, stop: () => boolean) =>
          Promise.all(
            Array.from({ length: 8 }, async () => {
              while (!stop()) {
                const i = sent++;
                const res = await fetch(`http://127.0.0.1:${port}/v1/check`, {
                  method: 'POST',
                  headers: {
                    authorization: `Bearer ${checkTokens[i % 2]}`,
                    'content-type': 'application/json',
                  },
                  body: JSON.stringify({
                    direction: 'inbound',
                    text: `wiadomość ${i}`,
                    channel: { platform: 'x', visibility: 'public' },
                  }),
                }).catch(() => null);
                if (res?.status === 200) ok++;
                await res?.body?.cancel();
              }
            }),
          );
        // the webhook is down: the first process is stopped (kill -9 on PostgreSQL, SIGTERM
        // on embedded PGlite, whose files a kill could leave unusable) with a backlog
        let stopFirst = false;
        const first = load(service.port, () => stopFirst);
        await sleep(1500);
        const exited = new Promise((r) => service.child.on('exit', r));
        service.child.kill(backend === 'postgres' ? 'SIGKILL' : 'SIGTERM');
        stopFirst = true;
        await first;
        await exited;
        const beforeRestart = ok;
        service = await start(env);
        let stopSecond = false;
        const second = load(service.port, () => stopSecond);
        await sleep(800);
        up = true;
        await sleep(700);
        stopSecond = true;
        await second;
        // every tenant's chain, through the API (follow=false: what is committed, then close)
        const chains = new Map<string, Line[]>();
        for (const tenant of TENANTS) {
          const res = await fetch(
            `http://127.0.0.1:${service.port}/v1/audit/stream?after=0&follow=false`,
            { headers: { authorization: `Bearer ${await token(tenant, ['audit:read'])}` } },
          );
          chains.set(tenant, lines(await res.text()));
        }
        const committed = [...chains.values()].reduce((n, c) => n + c.length, 0);
        expect(committed).toBeGreaterThanOrEqual(ok);
        expect(beforeRestart).toBeGreaterThan(0);
        expect(ok).toBeGreaterThan(beforeRestart);
        const received = () => ({
          webhook: lines(
            receiver.received
              .filter((r) => r.status === 200)
              .map((r) => r.body)
              .join(''),
          ),
          dir: lines(
            readdirSync(sinkDir)
              .sort()
              .map((f) => readFileSync(join(sinkDir, f), 'utf8'))
              .join(''),
          ),
        });
        const ids = (l: Line[]) => new Set(l.filter((x) => x.record === 'event').map((x) => x.id));
        for (let i = 0; i < 800; i++) {
          const r = received();
          if (ids(r.webhook).size >= committed && ids(r.dir).size >= committed) break;
          await sleep(50);
        }
        const r = received();
        for (const got of [r.webhook, r.dir]) {
          // after de-duplication: each tenant's chain exactly, in order
          for (const tenant of TENANTS) {
            const seen = new Set<string>();
            const order = got
              .filter((l) => l.record === 'event' && l.tenant === tenant)
              .filter((l) => {
                if (seen.has(l.id!)) return false;
                seen.add(l.id!);
                return true;
              })
              .map((l) => l.id);
            expect(order).toEqual(chains.get(tenant)!.map((l) => l.id));
          }
          // the checkpoints are in the stream too (every 5 events per tenant)
          expect(got.some((l) => l.record === 'checkpoint')).toBe(true);
        }
        expect(readdirSync(sinkDir).length).toBeGreaterThan(2);
        expect(receiver.received.some((x) => x.status === 503)).toBe(true);
        expect(receiver.received.every((x) => x.signed)).toBe(true);
        console.info(
          `[sink restart ${backend}] ${ok} checks answered 200 of ${sent} sent, ${committed} events committed, all delivered to both sinks after the restart`,
        );
      } finally {
        if (service.child.exitCode === null) {
          const exited = new Promise((r) => service.child.on('exit', r));
          service.child.kill('SIGTERM');
          await exited;
        }
        await receiver.close();
        await db?.drop();
      }
    }, 120_000);
  },
);
