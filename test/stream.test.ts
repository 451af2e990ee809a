import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { BACKENDS } from './support/database.ts';
import { createTestService, useTestService } from './support/service.ts';

const inbound = (i: number) => ({
  direction: 'inbound',
  text: `wiadomość ${i}`,
  channel: { platform: 'fb', visibility: 'public' },
});

/** Reads NDJSON lines from a streaming body as they come. */
function lineReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let done = false;
  return {
    /** The next `n` lines (waiting for them), or fewer if the stream ends. */
    async take(n: number): Promise<Array<Record<string, unknown>>> {
      const out: Array<Record<string, unknown>> = [];
      while (out.length < n) {
        const nl = buffer.indexOf('\n');
        if (nl >= 0) {
          out.push(JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>);
          buffer = buffer.slice(nl + 1);
          continue;
        }
        if (done) break;
        const r = await reader.read();
        if (r.done) done = true;
        else buffer += decoder.decode(r.value, { stream: true });
      }
      return out;
    },
    cancel: () => reader.cancel(),
  };
}

describe.each(BACKENDS)('the audit stream on %s', (backend) => {
  const env = useTestService(backend);

  it('sends the chain from after=, then each new event as it is committed, in the events’ shape; resumes from after=', async () => {
    const svc = env.svc;
    const check = await svc.token('st-a', ['check']);
    const other = await svc.token('st-b', ['check']);
    const read = await svc.token('st-a', ['audit:read']);
    for (let i = 0; i < 5; i++) expect((await svc.check(check, inbound(i))).status).toBe(200);
    expect((await svc.check(other, inbound(99))).status).toBe(200);
    const app = createApp({ ...svc.deps, stream: { pollMs: 50, heartbeatMs: 60_000 } });
    const res = await app.request('/v1/audit/stream?after=0', {
      headers: { authorization: `Bearer ${read}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = lineReader(res.body!);
    const firstFive = await lines.take(5);
    expect(firstFive.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5]);
    // new events arrive on the open stream, the other tenant's never
    for (let i = 5; i < 8; i++) expect((await svc.check(check, inbound(i))).status).toBe(200);
    expect((await svc.check(other, inbound(100))).status).toBe(200);
    // … also those another replica commits (found by the poll: no local commit wakes it)
    const replica = await createTestService(env.db.handle);
    const replicaToken = await replica.token('st-a', ['check']);
    expect((await replica.check(replicaToken, inbound(8))).status).toBe(200);
    replica.deps.availability?.close();
    const next = await lines.take(4);
    await lines.cancel();
    expect(next.map((l) => l.seq)).toEqual([6, 7, 8, 9]);
    // the shape of GET /v1/audit/events, line for line (but the list's count of reviews so
    // far, which is not part of the event)
    const listed = (await (
      await svc.app.request('/v1/audit/events?limit=100', {
        headers: { authorization: `Bearer ${read}` },
      })
    ).json()) as { events: Array<Record<string, unknown>> };
    expect([...firstFive, ...next]).toEqual(
      [...listed.events].reverse().map(({ reviewCount: _, ...event }) => event),
    );

    // resumed after the 6th: the rest, and (follow=false) the stream closes
    const resumed = await app.request('/v1/audit/stream?after=6&follow=false', {
      headers: { authorization: `Bearer ${read}` },
    });
    const rest = await lineReader(resumed.body!).take(100);
    expect(rest.map((l) => l.seq)).toEqual([7, 8, 9]);
  });

  it('sends heartbeats while nothing happens', async () => {
    const read = await env.svc.token('st-quiet', ['audit:read']);
    const app = createApp({ ...env.svc.deps, stream: { pollMs: 20, heartbeatMs: 40 } });
    const res = await app.request('/v1/audit/stream', {
      headers: { authorization: `Bearer ${read}` },
    });
    const lines = lineReader(res.body!);
    const [beat] = await lines.take(1);
    await lines.cancel();
    expect(beat).toMatchObject({ after: 0 });
    expect(beat).not.toHaveProperty('id');
    expect(typeof beat!.heartbeat).toBe('string');
  });

  it('ends when the token it was opened with expires, saying so', async () => {
    const svc = env.svc;
    const app = createApp({ ...svc.deps, stream: { pollMs: 50, heartbeatMs: 60_000 } });
    const read = await svc.token('st-exp', ['audit:read'], { ttlSeconds: 2 });
    const res = await app.request('/v1/audit/stream?after=0', {
      headers: { authorization: `Bearer ${read}` },
    });
    expect(res.status).toBe(200);
    const started = Date.now();
    const lines = await lineReader(res.body!).take(10);
    // the stream closed by itself (take returned early) once the token had expired
    expect(lines.at(-1)).toMatchObject({ end: 'credentials_expired' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps at most four follow streams per tenant open; a fifth waits (429) until one closes', async () => {
    const svc = env.svc;
    const app = createApp({ ...svc.deps, stream: { pollMs: 50, heartbeatMs: 60_000 } });
    const read = await svc.token('st-cap', ['audit:read']);
    const open = () =>
      app.request('/v1/audit/stream?after=0', { headers: { authorization: `Bearer ${read}` } });
    const streams = await Promise.all([open(), open(), open(), open()]);
    expect(streams.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const fifth = await open();
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('5');
    // another tenant is not held back by this one's streams
    const other = await app.request('/v1/audit/stream?after=0&follow=false', {
      headers: { authorization: `Bearer ${await svc.token('st-cap-2', ['audit:read'])}` },
    });
    expect(other.status).toBe(200);
    await other.body?.cancel();
    await streams[0]!.body!.cancel();
    // the closed stream's loop notices at its next turn
    await new Promise((r) => setTimeout(r, 300));
    const again = await open();
    expect(again.status).toBe(200);
    await Promise.all([again, ...streams.slice(1)].map((r) => r.body?.cancel()));
  });

  it('answers 400 naming after for a position that is not one', async () => {
    const read = await env.svc.token('st-a', ['audit:read']);
    for (const after of ['-1', 'x', '1.5', '99999999999999999999']) {
      const res = await env.svc.app.request(`/v1/audit/stream?after=${after}`, {
        headers: { authorization: `Bearer ${read}` },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].field).toBe('after');
    }
  });
});
