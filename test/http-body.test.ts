import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestService } from './support/service.ts';

// Bodies over a real socket: the service reads them from Node's request stream, not
// through a WHATWG Request as in-process app.request does (src/api/body.ts).
describe('request bodies over HTTP', () => {
  const env = useTestService('pglite');
  let server: ServerType;
  let port: number;
  let token: string;

  beforeAll(async () => {
    token = await env.svc.token('bank-h', ['check']);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: env.svc.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** POSTs the body in the given chunks; without a content-length it goes chunked. */
  function post(
    chunks: Array<string | Buffer>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/check',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            ...headers,
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      // each chunk on its own, a little apart, so the server reads them separately
      void (async () => {
        for (const c of chunks) {
          req.write(c);
          await new Promise((r) => setTimeout(r, 10));
        }
        req.end();
      })();
    });
  }

  const check = (text: string) =>
    JSON.stringify({
      direction: 'outbound',
      text,
      channel: { platform: 'facebook', visibility: 'public' },
      agent: { id: 'agent-1' },
    });

  it('reads a chunked body whose multi-byte letters are split between chunks', async () => {
    const bytes = Buffer.from(check('Saldo Pańskiego konta wynosi 2 500,00 zł. Ačiū.'));
    const cut = bytes.indexOf(Buffer.from('ń')) + 1; // inside the two bytes of ń
    const res = await post([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.decision).toBe('block');
    expect(body.findings).toEqual([expect.objectContaining({ kind: 'balance' })]);
    expect(body.suggestion.redactedText).toMatch(/^Saldo Pańskiego konta wynosi .+\. Ačiū\.$/);
  });

  it('accepts a body that starts with a byte order mark', async () => {
    const res = await post([`\ufeff${check('Dzień dobry')}`]);
    expect(res.status).toBe(200);
  });

  it('refuses an oversized body with 413, declared or chunked, and stores nothing of it', async () => {
    const before = env.svc.writer.stats.events;
    const big = check('x'.repeat(300_000));
    const declared = await post([big], { 'content-length': String(Buffer.byteLength(big)) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.code).toBe('payload_too_large');
    const chunked = await post([
      big.slice(0, 100_000),
      big.slice(100_000, 200_000),
      big.slice(200_000),
    ]);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('payload_too_large');
    expect(env.svc.writer.stats.events).toBe(before);
    // the connection handling survived: the next check is answered
    expect((await post([check('Dziękujemy')])).status).toBe(200);
  });

  it('answers 400 on a truncated body', async () => {
    const res = await post([check('Dzień dobry').slice(0, 30)]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid_request');
  });
});
