import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../src/audit/export.ts';
import { encodeCursor } from '../src/audit/query.ts';
import { BACKENDS } from './support/database.ts';
import { AUTH, useTestService } from './support/service.ts';

const IBAN = 'PL61109010140000071219812874';
const body = (extra: Record<string, unknown> = {}) => ({
  direction: 'outbound',
  text: 'Dziękujemy za wiadomość.',
  channel: { platform: 'facebook', visibility: 'public' },
  agent: { id: 'agent-1' },
  ...extra,
});

// Odd but harmless input gets a 400 that names the field and repeats nothing of it; nothing
// of it reaches the audit store, so nothing can break a tenant's chain.
describe.each(BACKENDS)('hostile input on %s', (backend) => {
  const env = useTestService(backend);
  let token: string;
  const get = (path: string, headers: Record<string, string> = {}) =>
    env.svc.app.request(path, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const post = (path: string, json: unknown) =>
    env.svc.app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
  const events = async () =>
    Number(
      (await env.db.handle.query<{ n: string }>('SELECT count(*) AS n FROM audit_events'))[0]?.n,
    );

  beforeAll(async () => {
    token = await env.svc.token('bank-in', [
      'check',
      'audit:read',
      'audit:review',
      'check:override',
    ]);
  });

  it.each([
    ['agent.id', { agent: { id: `a\ud800${IBAN}` } }],
    ['thread.id', { thread: { id: `t\udc00${IBAN}` } }],
    ['thread.postId', { thread: { postId: `p\ud83d${IBAN}` } }],
    [
      'channel.platform',
      { channel: { platform: `fb\udfff${IBAN}`.slice(0, 60), visibility: 'public' } },
    ],
    ['customer.id', { customer: { id: `fb:\u0000${IBAN}` } }],
    ['agent.id', { agent: { id: `a\u0000b${IBAN}` } }],
    ['agent.id', { agent: { id: `a\nb${IBAN}` } }],
    ['thread.id', { thread: { id: `t\u0085${IBAN}` } }],
    ['text', { text: `Saldo\u0000 ${IBAN}` }],
    ['text', { text: `Saldo \ud800 ${IBAN}` }],
  ])(
    'refuses %s that could not be stored as sent, naming it, storing nothing',
    async (field, extra) => {
      const before = await events();
      const res = await env.svc.check(token, body(extra));
      expect(res.status).toBe(400);
      const raw = await res.text();
      expect(JSON.parse(raw).error.details[0].field).toBe(field);
      expect(raw).not.toContain(IBAN);
      expect(await events()).toBe(before);
    },
  );

  it('accepts line breaks and tabs in the text, astral letters anywhere, and the chain verifies', async () => {
    const res = await env.svc.check(
      token,
      body({
        text: 'Dzień dobry,\r\n\tdziękujemy 🙂',
        agent: { id: 'agent-𝒜' },
        thread: { id: '' },
      }),
    );
    expect(res.status).toBe(200);
    expect(await (await get('/v1/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('never repeats an unknown member of a body, which may be a value', async () => {
    const res = await post('/v1/audit/fingerprints', { customerId: 'fb:1', [IBAN]: true });
    expect(res.status).toBe(400);
    const raw = await res.text();
    expect(raw).not.toContain(IBAN);
    expect(JSON.parse(raw).error.details[0]).toEqual({
      field: '(body)',
      message: 'holds a member that is not accepted',
    });
  });

  it.each([
    ['agent', `/v1/audit/events?agent=a%00${IBAN}`],
    ['agent', `/v1/audit/events?agent=a%C2%85${IBAN}`],
    ['thread', `/v1/audit/summary?thread=a%0A${IBAN}`],
    ['from', '/v1/audit/events?from=%2B275760-09-13T00:00:00Z'],
    ['to', '/v1/audit/events?to=-000001-01-01T00:00:00Z'],
    ['from', '/v1/audit/export?from=2026-13-45'],
    ['from', `/v1/audit/events?from=${IBAN}`],
    [
      'cursor',
      `/v1/audit/events?cursor=${Buffer.from('s:1000000000000000000000000000000').toString('base64url')}`,
    ],
    ['cursor', '/v1/audit/events?cursor=%00'],
    ['through', '/v1/audit/export?through=1e30'],
    ['through', '/v1/audit/export/manifest?through=-1'],
    ['limit', '/v1/audit/events?limit=1e30'],
    ['id', '/v1/audit/events/%00'],
    ['id', `/v1/audit/events/${IBAN}`],
  ])('answers 400 naming %s for %s', async (field, path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const raw = await res.text();
    expect(JSON.parse(raw).error.message.startsWith(`${field}:`)).toBe(true);
    expect(raw).not.toContain(IBAN);
  });

  it('reads a cursor it issued and takes ISO dates with or without a zone', async () => {
    expect((await get(`/v1/audit/events?cursor=${encodeCursor(5)}`)).status).toBe(200);
    for (const d of [
      '2026-11-23',
      '2026-11-23T09:00',
      '2026-11-23T09:00:00.123Z',
      '2026-11-23 09:00:00+02:00',
    ])
      expect((await get(`/v1/audit/events?from=${encodeURIComponent(d)}`)).status, d).toBe(200);
  });

  it('refuses NUL in a review note and a justification, naming the field', async () => {
    const { audit } = await (
      await env.svc.check(token, {
        direction: 'inbound',
        text: 'Mój numer 600 123 456',
        channel: { platform: 'fb', visibility: 'public' },
      })
    ).json();
    const review = await post(`/v1/audit/events/${audit.id}/reviews`, {
      verdict: 'confirmed',
      note: `ok\u0000${IBAN}`,
    });
    expect(review.status).toBe(400);
    expect((await review.json()).error.details[0].field).toBe('note');
    const multiline = await post(`/v1/audit/events/${audit.id}/reviews`, {
      verdict: 'confirmed',
      note: 'first line\nsecond line',
    });
    expect(multiline.status).toBe(201);
    const override = await post(`/v1/audit/events/${audit.id}/override`, {
      justification: `Klient prosi\u0000 ${IBAN}`,
    });
    expect(override.status).toBe(400);
    expect(await override.text()).not.toContain(IBAN);
  });

  it('exports for a tenant whose name is not ASCII, naming the file both ways', async () => {
    const t = await env.svc.token('bank-ąę žš', ['check', 'audit:read']);
    expect((await env.svc.check(t, body())).status).toBe(200);
    const res = await env.svc.app.request('/v1/audit/export?format=csv', {
      headers: { authorization: `Bearer ${t}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="sargas-audit-bank-_____-1.csv"; filename*=UTF-8''sargas-audit-bank-%C4%85%C4%99%20%C5%BE%C5%A1-1.csv`,
    );
    await res.text();
  });

  it('takes an Idempotency-Key of printable ASCII only (it is stored with the event)', async () => {
    expect((await env.svc.check(token, body(), { 'idempotency-key': 'retry-é-1' })).status).toBe(
      400,
    );
    expect(
      (await env.svc.check(token, body(), { 'idempotency-key': 'x'.repeat(201) })).status,
    ).toBe(400);
    const ok = await env.svc.check(token, body(), { 'idempotency-key': 'order 42 / retry #1' });
    expect(ok.status).toBe(200);
  });

  it("refuses an Idempotency-Key the service keeps for its own events (a check could take an override's or a care alert's)", async () => {
    const first = await (await env.svc.check(token, body())).json();
    for (const key of [`override:${first.audit.id}`, `care-alert:${first.audit.id}`]) {
      const res = await env.svc.check(token, body(), { 'idempotency-key': key });
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].field).toBe('Idempotency-Key');
    }
    expect((await env.svc.check(token, body(), { 'idempotency-key': 'overrides:1' })).status).toBe(
      200,
    );
  });

  it('marks audit answers no-store', async () => {
    for (const path of [
      '/v1/audit/events',
      '/v1/audit/verify',
      '/v1/audit/checkpoints',
      '/v1/audit/events/%00',
    ]) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-store');
    }
    // refused before any route runs (the body limit): still an answer of /v1
    const big = JSON.stringify({ text: 'x'.repeat(300_000) });
    const tooLarge = await env.svc.app.request('/v1/check', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(big.length),
      },
      body: big,
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps a UUID request id and replaces anything else', async () => {
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(
      (await get('/v1/audit/events', { 'x-request-id': uuid })).headers.get('x-request-id'),
    ).toBe(uuid);
    const other = await get('/v1/audit/events', { 'x-request-id': IBAN });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(other.headers.get('x-request-id')).not.toBe(IBAN);
  });

  it('refuses access tokens without an expiry, and tenant claims that could not be stored', async () => {
    const sign = (claims: Record<string, unknown>, exp = true) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid: env.svc.keys.dev!.kid })
        .setIssuer(AUTH.issuer)
        .setAudience(AUTH.audience);
      return (exp ? jwt.setExpirationTime('5m') : jwt).sign(env.svc.keys.dev!.privateKey);
    };
    const noExp = await get('/v1/audit/events', {
      authorization: `Bearer ${await sign({ tenant: 'bank-in', scope: 'audit:read' }, false)}`,
    });
    expect(noExp.status).toBe(401);
    expect((await noExp.json()).error.message).toMatch(/exp/);
    for (const tenant of ['a\u0000b', 'x'.repeat(129), '', 7]) {
      expect(
        (
          await get('/v1/audit/events', {
            authorization: `Bearer ${await sign({ tenant, scope: 'audit:read' })}`,
          })
        ).status,
      ).toBe(401);
    }
  });
});

describe('CSV cells', () => {
  it.each([
    ['=SUM(A1)', `"'=SUM(A1)"`],
    ['+48 600', `"'+48 600"`],
    ['-1', `"'-1"`],
    ['@cmd', `"'@cmd"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    [['a', 'b'], 'a;b'],
    // Polish and Lithuanian Excel split a CSV file on ";" (their list separator), quotes or not
    ['a;=1+1', `"a;'=1+1"`],
    [['confirmed', '=HYPERLINK(1)'], `"confirmed;'=HYPERLINK(1)"`],
    ['a;b', 'a;b'],
    ['plain', 'plain'],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
