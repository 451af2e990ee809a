import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { BACKENDS } from './support/database.ts';
import { carrying, encodeParam, headerValue, hostileString } from './support/arbitrary-text.ts';
import { useTestService } from './support/service.ts';

const RUNS = Number(process.env.FC_RUNS ?? 200);
// every fuzzed value carries it: it must never show in a log line or an error body
const CANARY = 'Qx7canaryZ';
const ALLOWED = new Set([200, 201, 400, 403, 404, 409, 413, 415]);

// Hostile input against the check body, its headers, every query parameter and path id of
// the audit endpoints: never a 500, never the value in the logs or in an error body, never a
// broken chain afterwards.
describe.each(BACKENDS)('fuzzing the API on %s', (backend) => {
  const env = useTestService(backend, { checkDeadlineMs: 20_000 });
  const lines: string[] = [];
  let app: App;
  let token: string;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = createApp({ ...env.svc.deps, logger: pino({ level: 'trace' }, sink) });
    token = await env.svc.token('fuzz', [
      'check',
      'audit:read',
      'audit:review',
      'check:override',
      'policy:admin',
    ]);
  });

  async function send(path: string, init: RequestInit) {
    const res = await app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
    const text = await res.text();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    expect(
      ALLOWED.has(res.status),
      `${res.status} for ${path.slice(0, 80)}: ${text.slice(0, 200)}`,
    ).toBe(true);
    if (res.status >= 400)
      expect(text.includes(CANARY), `an error body repeats the input: ${text.slice(0, 200)}`).toBe(
        false,
      );
    return res.status;
  }

  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  // printable strings that pass (astral letters, U+FEFF, U+202E…), hostile ones that do not
  const printable = fc.string({
    unit: fc.oneof(
      fc.constantFrom('a', 'ł', ' ', '-', '\ufeff', '\u202e', '\u2028', '"', '\\', '='),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    ),
    maxLength: 12,
  });
  const text = fc.oneof(
    carrying(CANARY),
    printable.map((s) => `Saldo ${s}${CANARY} 2 500,00 zł.`),
    fc.constant(''),
  );
  const id = fc.oneof(
    carrying(CANARY, 12),
    printable.map((s) => `${s}${CANARY}`),
    fc.constantFrom('agent-1', 't-9', 'fb:123'),
  );
  const body = fc.record(
    {
      direction: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom('inbound', 'outbound') },
        { weight: 1, arbitrary: carrying(CANARY, 5) },
      ),
      text,
      channel: fc.record(
        {
          platform: id,
          visibility: fc.oneof(
            { weight: 9, arbitrary: fc.constantFrom('public', 'private') },
            { weight: 1, arbitrary: carrying(CANARY, 5) },
          ),
        },
        { requiredKeys: ['visibility'] },
      ),
      customer: fc.record({ id, identityToken: id, [CANARY]: fc.boolean() }, { requiredKeys: [] }),
      agent: fc.record({ id }, { requiredKeys: [] }),
      thread: fc.record({ id, postId: id }, { requiredKeys: [] }),
      locale: fc.oneof(fc.constantFrom('pl', 'lt', 'en'), carrying(CANARY, 5)),
      [`extra${CANARY}`]: fc.anything({ maxDepth: 2 }),
    },
    { requiredKeys: ['direction', 'text', 'channel'] },
  );

  it('the check: any body and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 8, arbitrary: body.map((b) => JSON.stringify(b)) },
          { weight: 1, arbitrary: carrying(CANARY) },
        ),
        maybe(headerValue(CANARY)),
        maybe(headerValue(CANARY)),
        async (raw, requestId, idempotencyKey) => {
          await send('/v1/check', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(requestId ? { 'x-request-id': requestId } : {}),
              ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
            },
            body: raw,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  const PARAMS = [
    'from',
    'to',
    'decision',
    'kind',
    'direction',
    'visibility',
    'agent',
    'rule',
    'platform',
    'thread',
    'type',
    'fingerprint',
    'cursor',
    'limit',
    'format',
    'through',
    'checkpoint',
    'receipt',
  ];
  const PATHS = [
    '/v1/audit/events',
    '/v1/audit/summary',
    '/v1/audit/export',
    '/v1/audit/export/manifest',
    '/v1/audit/verify',
    '/v1/audit/checkpoints',
  ];

  it('every query parameter of the audit reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.array(
          fc.tuple(
            fc.constantFrom(...PARAMS),
            fc.oneof(
              carrying(CANARY),
              fc.constantFrom(
                '2026-11-23',
                '1e30',
                '-1',
                '+275760-09-13T00:00:00Z',
                'csv',
                'block',
              ),
            ),
            fc.boolean(),
          ),
          { maxLength: 5 },
        ),
        async (path, params) => {
          const query = params.map(([k, v, broken]) => `${k}=${encodeParam(v, broken)}`).join('&');
          await send(`${path}?${query}`, {});
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('path ids and the bodies of reviews, overrides, lookups, policies and verify', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(carrying(CANARY, 20), fc.constant('01KAB0000000000000000000000')),
        fc.constantFrom('', '/reviews', '/override'),
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              'verdict',
              'note',
              'justification',
              'text',
              'customerId',
              'mode',
              'brand',
              'checkpoint',
              'receipt',
            ),
            carrying(CANARY, 4),
          ),
          fc.oneof(carrying(CANARY), fc.constant('confirmed')),
          { maxKeys: 4 },
        ),
        fc.boolean(),
        async (rawId, tail, fields, broken) => {
          const path = `/v1/audit/events/${encodeParam(rawId, broken)}${tail}`;
          await send(
            path,
            tail
              ? {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify(fields),
                }
              : {},
          );
          for (const p of ['/v1/audit/fingerprints', '/v1/audit/verify', '/v1/policy/simulate'])
            await send(p, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(fields),
            });
          await send('/v1/policy', {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(fields),
          });
        },
      ),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('left no value in any log line, nothing answered 500, and the chain whole', async () => {
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(RUNS);
    expect(log.includes(CANARY)).toBe(false);
    expect(log).not.toContain('unhandled error');
    const report = await (
      await env.svc.app.request('/v1/audit/verify', {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(report).toMatchObject({ ok: true, breakCount: 0 });
    expect(statuses.get(200)).toBeGreaterThan(0);
    console.info(
      `fuzz on ${backend}: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests, by status ${JSON.stringify(Object.fromEntries(statuses))}, ${report.events} events verified`,
    );
  });
});

describe('hostile strings', () => {
  it('include what they are meant to', () => {
    const samples = fc.sample(hostileString(), 2000).join('');
    expect(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(samples),
    ).toBe(true);
    expect(samples).toContain('\u0000');
    expect(/[\u{10000}-\u{10ffff}]/u.test(samples)).toBe(true);
  });
});
