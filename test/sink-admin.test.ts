import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { SinkDeliverer } from '../src/audit/sinks/deliverer.ts';
import type { SinkStatus } from '../src/service/sink-admin.ts';
import { WebhookSink } from '../src/audit/sinks/webhook-sink.ts';
import { AddressPolicy } from '../src/net/address-policy.ts';
import { safeDispatcher } from '../src/net/safe-fetch.ts';
import { BACKENDS } from './support/database.ts';
import { selfSignedCertificate, startReceiver } from './support/https-receiver.ts';
import { useTestService } from './support/service.ts';

const SECRET = 'sink-admin-signing-secret-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ready()` holds (the deliverer works in the background), at most 10 s. */
async function until(ready: () => boolean | Promise<boolean>, what: string) {
  const end = Date.now() + 10_000;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

type Line = { record: string; tenant: string; seq: number; id: string; type: string };
const linesOf = (bodies: string[], tenant: string): Line[] =>
  bodies.flatMap((b) =>
    b
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => l.record === 'event' && l.tenant === tenant),
  );

describe.each(BACKENDS)('the sinks’ operator API on %s', (backend) => {
  const env = useTestService(backend);
  const dir = mkdtempSync(join(tmpdir(), 'sargas-sink-admin-'));
  let answer = 204;
  /** A receiver's body limit, in lines: past it 413. */
  let maxLines = Number.POSITIVE_INFINITY;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const logged: Array<{
    level: number;
    msg: string;
    status?: number;
    sink?: string;
    retryInMs?: number;
  }> = [];
  const deliverers: SinkDeliverer[] = [];
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const tls = selfSignedCertificate(dir);
    receiver = await startReceiver(tls, SECRET, (body) => ({
      status: body.split('\n').filter(Boolean).length > maxLines ? 413 : answer,
    }));
    const dispatcher = safeDispatcher(AddressPolicy.fromList('127.0.0.0/8'), { ca: tls.cert });
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void logged.push(JSON.parse(line)) },
    );
    const deliverer = new SinkDeliverer(
      env.db.handle,
      // a token in the URL's query, as some receivers want: never shown
      new WebhookSink(`${receiver.url}?token=receiver-token-123`, SECRET, dispatcher, 2000),
      logger,
      { pollMs: 50, backoffMs: 20, maxBackoffMs: 150, maxBatch: 100 },
    );
    deliverers.push(deliverer);
    env.svc.writer.onAnyCommit(() => deliverer.notify());
    app = createApp({ ...env.svc.deps, sinks: deliverers });
    deliverer.start();
  });
  afterAll(async () => {
    await Promise.all(deliverers.map((d) => d.stop()));
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (tenant: string, method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${await env.svc.token(tenant, ['audit:admin', 'audit:read'])}`,
        'content-type': 'application/json',
      },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    return { status: res.status, body: await res.json() };
  };
  const status = async (tenant: string) => {
    const { status: code, body } = await call(tenant, 'GET', '/v1/audit/sinks');
    expect(code).toBe(200);
    return body.sinks[0] as SinkStatus;
  };
  const checks = async (tenant: string, n: number) => {
    const token = await env.svc.token(tenant, ['check']);
    for (let i = 0; i < n; i++) {
      const res = await env.svc.check(token, {
        direction: 'inbound',
        text: `wiadomość ${i}`,
        channel: { platform: 'fb', visibility: 'private' },
      });
      expect(res.status).toBe(200);
    }
  };

  it('shows the lag while the receiver is down, and none once it caught up; no secret or path', async () => {
    const tenant = 'sa-lag';
    answer = 503;
    const failuresBefore = deliverers[0]!.stats.failures;
    await checks(tenant, 6);
    await until(() => deliverers[0]!.stats.failures > failuresBefore, 'a failed delivery');
    const down = await status(tenant);
    expect(down).toMatchObject({
      name: 'webhook',
      kind: 'webhook',
      origin: new URL(receiver.url).origin,
      cursor: 0,
      head: 6,
      lagEvents: 6,
    });
    expect(down.lagSeconds).toBeGreaterThan(0);
    expect(down.failures.count).toBeGreaterThan(0);
    expect(Date.parse(down.failures.lastAt ?? '')).not.toBeNaN();
    const raw = JSON.stringify(down);
    for (const secret of [SECRET, 'receiver-token-123', '/sargas'])
      expect(raw).not.toContain(secret);

    answer = 204;
    await until(async () => (await status(tenant)).lagEvents === 0, 'the catch-up');
    expect(await status(tenant)).toMatchObject({ cursor: 6, head: 6, lagEvents: 0, lagSeconds: 0 });
    const kept = receiver.received.filter((r) => r.status === 204).map((r) => r.body);
    expect(linesOf(kept, tenant).map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('replays from a position: the receiver gets those events again, in order, and the replay is in the chain', async () => {
    const tenant = 'sa-replay';
    answer = 204;
    await checks(tenant, 5);
    await until(async () => (await status(tenant)).cursor === 5, 'the delivery');
    const seen = receiver.received.length;

    const replay = await call(tenant, 'POST', '/v1/audit/sinks/webhook/replay', { after: 2 });
    expect(replay).toMatchObject({
      status: 200,
      body: { sink: 'webhook', after: 2, previousCursor: 5, seq: 6 },
    });
    await until(async () => (await status(tenant)).cursor === 6, 'the redelivery');
    const again = linesOf(
      receiver.received.slice(seen).map((r) => r.body),
      tenant,
    );
    // at least once: what arrives first after the replay is 3, 4, 5 and the replay's own event
    const firsts = again.filter((l, i) => again.findIndex((o) => o.id === l.id) === i);
    expect(firsts.map((l) => l.seq)).toEqual([3, 4, 5, 6]);
    expect(firsts[3]).toMatchObject({ type: 'sink_replay', id: replay.body.eventId });

    const events = await call(tenant, 'GET', '/v1/audit/events?type=sink_replay');
    expect(events.body.events).toHaveLength(1);
    expect(events.body.events[0]).toMatchObject({
      id: replay.body.eventId,
      seq: 6,
      details: { sink: 'webhook', after: 2, previousCursor: 5 },
    });
    const verify = await call(tenant, 'GET', '/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
  });

  it('refuses a position past what was delivered, an unknown sink and a bad body, changing nothing', async () => {
    const tenant = 'sa-refuse';
    answer = 204;
    await checks(tenant, 3);
    await until(async () => (await status(tenant)).cursor === 3, 'the delivery');

    const ahead = await call(tenant, 'POST', '/v1/audit/sinks/webhook/replay', { after: 4 });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error.details).toEqual([expect.objectContaining({ field: 'after' })]);
    for (const body of [{ after: -1 }, { after: 1.5 }, { after: '1' }, {}]) {
      const bad = await call(tenant, 'POST', '/v1/audit/sinks/webhook/replay', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('after');
    }
    for (const body of [{ after: 1, to: 2 }, 'not json']) {
      const bad = await call(tenant, 'POST', '/v1/audit/sinks/webhook/replay', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await call(tenant, 'POST', '/v1/audit/sinks/siem/replay', { after: 0 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    // nothing moved, nothing recorded
    expect(await status(tenant)).toMatchObject({ cursor: 3, head: 3 });
    const events = await call(tenant, 'GET', '/v1/audit/events?type=sink_replay');
    expect(events.body.events).toHaveLength(0);
  });

  it('retries a permanent refusal at the longest backoff, counts it by status and logs it once per status', async () => {
    const tenant = 'sa-401';
    const d = deliverers[0]!;
    answer = 401;
    await checks(tenant, 2);
    await until(() => (d.stats.refusals.get(401) ?? 0) >= 3, 'three refusals');
    answer = 422;
    await until(() => (d.stats.refusals.get(422) ?? 0) >= 2, 'two more refusals');
    const during = await status(tenant);
    expect(during.lagEvents).toBe(2);
    expect(during.refusals).toEqual(
      expect.arrayContaining([
        { status: 401, count: expect.any(Number) },
        { status: 422, count: expect.any(Number) },
      ]),
    );
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(/^sargas_sink_refusals_total\{sink="webhook",status="401"\} [3-9]/m);
    expect(metrics).toMatch(/^sargas_sink_refusals_total\{sink="webhook",status="422"\} \d/m);
    const errors = logged.filter((l) => l.level === 50 && l.sink === 'webhook');
    expect(errors.map((l) => l.status)).toEqual([401, 422]);
    // at once at the longest backoff (maxBackoffMs), not doubling up from the first
    expect(errors.map((l) => l.retryInMs)).toEqual([150, 150]);
    // refused batches are not also logged as ordinary failures at every retry
    expect(logged.filter((l) => l.level === 40 && (l.status === 401 || l.status === 422))).toEqual(
      [],
    );

    answer = 204;
    await until(async () => (await status(tenant)).lagEvents === 0, 'the delivery');
    expect(
      linesOf(
        receiver.received.filter((r) => r.status === 204).map((r) => r.body),
        tenant,
      ).map((l) => l.seq),
    ).toEqual([1, 2]);
    expect(logged.filter((l) => l.level === 50)).toHaveLength(2);
  });

  it('delivers in smaller batches to a receiver whose limit the batch passes (413), losing nothing', async () => {
    const tenant = 'sa-413';
    const d = deliverers[0]!;
    try {
      // twelve events held while the receiver is down, then a receiver that takes 3 lines a POST
      answer = 503;
      await checks(tenant, 12);
      await until(async () => (await status(tenant)).lagEvents === 12, 'the events held');
      maxLines = 3;
      answer = 204;
      await until(async () => (await status(tenant)).lagEvents === 0, 'the delivery');
      const delivered = receiver.received.filter((r) => r.status === 204).map((r) => r.body);
      expect(linesOf(delivered, tenant).map((l) => l.seq)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      expect(receiver.received.some((r) => r.status === 413)).toBe(true);
      expect(d.stats.refusals.get(413) ?? 0).toBe(0); // halved, not parked at the longest backoff
    } finally {
      maxLines = Number.POSITIVE_INFINITY;
      answer = 204;
    }
  });
});
