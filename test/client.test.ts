import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { SargasClient, SargasError } from '../src/client/index.ts';
import { generateClientTypes } from '../scripts/client-types.ts';
import { BACKENDS } from './support/database.ts';
import { useHttpServer } from './support/http-server.ts';
import { realisticRequests } from './support/realistic-requests.ts';
import { useTestService } from './support/service.ts';

describe('the client', () => {
  it("is typed by the service's current OpenAPI document", async () => {
    const committed = readFileSync(
      new URL('../src/client/openapi-types.ts', import.meta.url),
      'utf8',
    );
    // out of date: run `npm run client:generate`
    expect(committed).toBe(await generateClientTypes());
  });
});

// The client over HTTP against the running service: no mocks of the service.
describe.each(BACKENDS)('the client against the service on %s', (backend) => {
  const env = useTestService(backend);
  const http = useHttpServer(() => env.svc.app.fetch);
  // the same service with a tight rate limit (made on its first request)
  let limited: ReturnType<typeof createApp> | undefined;
  const limitedHttp = useHttpServer(() => {
    limited ??= createApp({ ...env.svc.deps, rateLimit: { perSecond: 2, burst: 1 } });
    return limited.fetch;
  });
  const client = async (
    tenant: string,
    scopes: string[],
    extra: Partial<ConstructorParameters<typeof SargasClient>[0]> = {},
  ) =>
    new SargasClient({ baseUrl: http.url, token: await env.svc.token(tenant, scopes), ...extra });

  it('checks one message and a batch larger than one call takes, in order', async () => {
    const c = await client('cl-check', ['check', 'audit:read']);
    const one = await c.check({
      direction: 'outbound',
      text: 'Saldo Pana konta wynosi 2 500,00 zł.',
      channel: { platform: 'facebook', visibility: 'public' },
      agent: { id: 'agent-1' },
    });
    expect(one.decision).toBe('block');
    expect(one.findings[0]?.kind).toBe('balance');
    const items = realisticRequests(1200).map((r) => r.body) as never[];
    const results = await c.checkBatch(items);
    expect(results).toHaveLength(1200);
    expect(results.every((r) => 'decision' in r)).toBe(true);
    expect((await c.verify()).events).toBe(1201);
  });

  it('iterates over every event page after page, and streams the export', async () => {
    const c = await client('cl-audit', ['check', 'audit:read', 'audit:review']);
    await c.checkBatch(
      Array.from({ length: 7 }, (_, i) => ({
        direction: 'inbound' as const,
        text: `Mój numer to 600 700 80${i}`,
        channel: { platform: 'x', visibility: 'public' as const },
      })),
    );
    const seen: number[] = [];
    for await (const e of c.events({ limit: 3 })) seen.push(e.seq);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const lines: string[] = [];
    for await (const line of c.exportLines({ format: 'jsonl' })) lines.push(line);
    expect(lines).toHaveLength(8); // seven events and the signed manifest
    expect(JSON.parse(lines[7]!)).toHaveProperty('manifest');
    const first = (await c.event(lines[0] ? JSON.parse(lines[0]).id : '')) as {
      reviews: unknown[];
    };
    expect(first.reviews).toEqual([]);
    const review = await c.review(JSON.parse(lines[0]!).id, {
      verdict: 'confirmed',
      note: 'a phone in public',
    });
    expect(review.verdict).toBe('confirmed');
  });

  it('reads and changes the policy, and says why a change is refused', async () => {
    const c = await client('cl-policy', ['policy:admin']);
    expect((await c.getPolicy()).version).toBe(0);
    expect((await c.putPolicy({ mode: 'monitor' })).version).toBe(1);
    const refused = await c.putPolicy({ mode: 'sometimes' } as never).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SargasError);
    expect(refused).toMatchObject({ status: 400, code: 'invalid_request' });
    expect((refused as SargasError).details).toEqual([
      { field: 'mode', message: expect.any(String) },
    ]);
  });

  it('waits as Retry-After says on 429, and tries again', async () => {
    const waits: number[] = [];
    const c = await client('cl-rate', ['check'], {
      baseUrl: limitedHttp.url,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((r) => setTimeout(r, ms));
      },
    });
    const body = {
      direction: 'inbound' as const,
      text: 'Dzień dobry',
      channel: { platform: 'x', visibility: 'public' as const },
    };
    await c.check(body);
    expect((await c.check(body)).decision).toBe('allow');
    expect(waits).toEqual([1000]);
  });

  it('retries a 503 with the same Idempotency-Key, so the check is recorded once', async () => {
    // a load balancer in front that loses the first answer: the service recorded the check,
    // the client saw 503 and tried again with the key it had sent
    const keys: Array<string | null> = [];
    let lost = false;
    const c = await client('cl-retry', ['check', 'audit:read'], {
      sleep: async () => {},
      fetch: async (input, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key'));
        const res = await fetch(input, init);
        if (lost || !String(input).endsWith('/v1/check')) return res;
        lost = true;
        return new Response(
          JSON.stringify({ error: { code: 'audit_unavailable', message: 'lost' } }),
          {
            status: 503,
            headers: { 'retry-after': '0', 'content-type': 'application/json' },
          },
        );
      },
    });
    const answer = await c.check({
      direction: 'outbound',
      text: 'Proszę podać PIN.',
      channel: { platform: 'x', visibility: 'public' },
      agent: { id: 'a' },
    });
    expect(answer.replayed).toBe(true);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect((await c.verify()).events).toBe(1);
  });
});
