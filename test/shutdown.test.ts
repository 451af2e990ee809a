import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { shutdownGracefully } from '../src/shutdown.ts';
import { BACKENDS, createTestDatabase } from './support/database.ts';
import { createTestService } from './support/service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// SIGTERM under load: not ready first, the listener closes, every check in flight is
// answered (its audit commit awaited), idle keep-alive connections are closed, then the
// database. The checks are held in flight by another transaction holding what the append
// needs (PostgreSQL: the tenant's head row; PGlite: its one connection).
describe.each(BACKENDS)('graceful shutdown on %s', (backend) => {
  it('answers every check in flight, says not ready meanwhile, and closes idle keep-alive connections', async () => {
    const db = await createTestDatabase(backend);
    const svc = await createTestService(db.handle, { checkDeadlineMs: 10_000 });
    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: svc.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(s as Server),
      );
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const agent = new Agent({ keepAliveTimeout: 60_000, connections: 64 });
    const token = await svc.token('drain', ['check']);
    const check = (thread: string) =>
      request(`${base}/v1/check`, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          direction: 'inbound',
          text: 'Dzień dobry',
          channel: { platform: 'x', visibility: 'public' },
          thread: { id: thread },
        }),
      }).then(async (r) => ({
        status: r.statusCode,
        connection: r.headers.connection,
        body: await r.body.json(),
      }));
    try {
      expect((await check('warm-up')).status).toBe(200);
      // keep-alive connections that stay idle, held open by the client
      await Promise.all(Array.from({ length: 8 }, (_, i) => check(`idle-${i}`)));
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const holding = db.handle.transaction(async (q) => {
        if (backend === 'postgres')
          await q("SELECT 1 FROM audit_chain_heads WHERE tenant = 'drain' FOR UPDATE");
        await held;
      });
      const inFlight = Array.from({ length: 32 }, (_, i) => check(`in-flight-${i}`));
      await sleep(200);
      const stopping = shutdownGracefully(
        server,
        { ...svc.deps, availability: svc.deps.availability!, lifecycle: svc.deps.lifecycle! },
        { delayMs: 300, timeoutMs: 8000 },
        pino({ level: 'silent' }),
      );
      // not ready first, while the checks are still held
      const ready = await request(`${base}/readyz`, { dispatcher: agent });
      expect(ready.statusCode).toBe(503);
      expect(await ready.body.json()).toMatchObject({
        status: 'not_ready',
        reason: 'shutting down',
      });
      await sleep(500);
      release();
      await holding;
      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => a.status)).toEqual(Array(32).fill(200));
      expect(answers.every((a) => a.connection === 'close')).toBe(true);
      expect(await stopping).toBe(true); // everything closed before the time-out, idle keep-alives included
      expect(server.listening).toBe(false);
      await expect(check('after')).rejects.toThrow();
    } finally {
      await agent.close();
      if (server.listening) server.close();
      svc.deps.availability?.close();
      if (backend === 'postgres') await db.drop();
    }
  });
});
