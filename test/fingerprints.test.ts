import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from './support/database.ts';
import { createTestService, useTestService, type TestService } from './support/service.ts';

const IBAN = 'PL61 1090 1014 0000 0712 1981 2874';

// "The same IBAN in three threads" as a query, and the values of a data subject's access
// request found through fingerprints under the current and the rotated-out keys.
describe.each(BACKENDS)('finding events by fingerprint on %s', (backend) => {
  const env = useTestService(backend);
  let rotated: TestService; // the same database after the fingerprint key was rotated
  let agentToken: string;
  let officer: string;
  const json = (res: Response | Promise<Response>) => Promise.resolve(res).then((r) => r.json());
  const events = async (svc: TestService, token: string, query: string) =>
    (await json(
      svc.app.request(`/v1/audit/events?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    )) as {
      events: Array<{
        threadId: string;
        type: string;
        findings: Array<{ kind: string; fp: string | null }>;
        customerFingerprint: string | null;
      }>;
    };
  const lookup = (svc: TestService, token: string, body: unknown) =>
    svc.app.request('/v1/audit/fingerprints', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const check = (
    svc: TestService,
    token: string,
    thread: string,
    text: string,
    customer = 'fb:7',
  ) =>
    svc.check(token, {
      direction: 'inbound',
      text,
      channel: { platform: 'facebook', visibility: 'public' },
      customer: { id: customer },
      thread: { id: thread },
    });

  beforeAll(async () => {
    agentToken = await env.svc.token('bank-f', ['check']);
    officer = await env.svc.token('bank-f', ['audit:read']);
    expect(
      (await check(env.svc, agentToken, 't1', `Mój numer konta ${IBAN}, proszę o zwrot.`, 'fb:42'))
        .status,
    ).toBe(200);
    expect(
      (await check(env.svc, agentToken, 't2', `Przelew na ${IBAN.replace(/ /g, '')} nie doszedł`))
        .status,
    ).toBe(200);
    expect(
      (await check(env.svc, agentToken, 't3', 'Mój telefon +48 600 123 456, proszę oddzwonić'))
        .status,
    ).toBe(200);
    rotated = await createTestService(env.db.handle);
    rotated.keys.hmacPrevious = [env.svc.keys.hmac];
  });

  it('lists the events where a fingerprint appears, in findings or as the customer', async () => {
    const all = await events(env.svc, officer, 'type=check');
    const fp = all.events.find((e) => e.threadId === 't1')!.findings.find((f) => f.kind === 'iban')!
      .fp!;
    expect(fp).toMatch(/^[\w-]{22}$/);
    expect(
      (await events(env.svc, officer, `fingerprint=${fp}`)).events.map((e) => e.threadId).sort(),
    ).toEqual(['t1', 't2']);
    const customer = all.events.find((e) => e.threadId === 't1')!.customerFingerprint!;
    expect(
      (await events(env.svc, officer, `fingerprint=${customer}`)).events.map((e) => e.threadId),
    ).toEqual(['t1']);
    expect((await events(env.svc, officer, `fingerprint=${fp},${customer}`)).events).toHaveLength(
      2,
    );
  });

  it('fingerprints the values an officer holds, written any way, and logs the lookup without them', async () => {
    const res = await lookup(env.svc, officer, {
      text: '61 1090 1014 0000 0712 1981 2874',
      customerId: 'fb:42',
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.findings).toEqual([
      {
        kind: 'iban',
        masked: expect.not.stringContaining('1090'),
        fingerprints: [{ keyId: env.svc.keys.hmac.id, fingerprint: expect.any(String) }],
      },
    ]);
    expect(body.customer).toHaveLength(1);
    expect(
      (
        await events(env.svc, officer, `type=check&fingerprint=${body.fingerprint.join(',')}`)
      ).events
        .map((e) => e.threadId)
        .sort(),
    ).toEqual(['t1', 't2']);

    const logged = (await events(env.svc, officer, 'type=lookup')).events;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      type: 'lookup',
      agentId: expect.any(String),
      details: { kinds: ['iban'], customer: true, fingerprint: body.fingerprint },
    });
    expect(JSON.stringify(logged[0])).not.toMatch(/1090|0712|fb:42/);
    expect(
      await json(
        env.svc.app.request('/v1/audit/verify', {
          headers: { authorization: `Bearer ${officer}` },
        }),
      ),
    ).toMatchObject({ ok: true, events: 4 });
  });

  it('after the key is rotated, finds old and new events through fingerprints under both keys', async () => {
    const token = await rotated.token('bank-f', ['check', 'audit:read']);
    expect(rotated.keys.hmac.id).not.toBe(env.svc.keys.hmac.id);
    expect((await check(rotated, token, 't4', `Numer konta: ${IBAN}`)).status).toBe(200);
    const newest = (await events(rotated, token, 'type=check')).events.find(
      (e) => e.threadId === 't4',
    )!;
    const body = await json(lookup(rotated, token, { text: IBAN }));
    const keyIds = body.findings[0].fingerprints.map((f: { keyId: string }) => f.keyId);
    expect(keyIds).toEqual([rotated.keys.hmac.id, env.svc.keys.hmac.id]);
    expect(body.fingerprint).toContain(newest.findings[0]!.fp);
    expect(
      (await events(rotated, token, `type=check&fingerprint=${body.fingerprint.join(',')}`)).events
        .map((e) => e.threadId)
        .sort(),
    ).toEqual(['t1', 't2', 't4']);
    // without the earlier key, only the new event is found
    const alone = await createTestService(env.db.handle);
    alone.keys.hmac = rotated.keys.hmac;
    const aloneToken = await alone.token('bank-f', ['audit:read']);
    const onlyNew = await json(lookup(alone, aloneToken, { text: IBAN }));
    expect(
      (
        await events(alone, aloneToken, `type=check&fingerprint=${onlyNew.fingerprint.join(',')}`)
      ).events.map((e) => e.threadId),
    ).toEqual(['t4']);

    // a policy simulation matches the allow-list under the event's own key
    const simulate = async (svc: TestService) =>
      json(
        svc.app.request('/v1/policy/simulate', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${await svc.token('bank-f', ['policy:admin'])}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ policy: { allowList: { ibans: [IBAN] } } }),
        }),
      );
    expect(await simulate(rotated)).toMatchObject({ evaluated: 4, changed: 3, olderKeyEvents: 0 }); // t1, t2, t4: the IBAN is the bank's own
    expect(await simulate(alone)).toMatchObject({ evaluated: 4, changed: 1, olderKeyEvents: 3 }); // only t4; t1-t3 reported as not simulable
  });

  it('refuses lookups without values and malformed fingerprint filters, naming the field', async () => {
    const empty = await lookup(env.svc, officer, {});
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.details[0].field).toBe('text');
    const pin = await json(lookup(env.svc, officer, { text: 'PIN 4821' }));
    expect(pin).toEqual({ findings: [], customer: null, fingerprint: [] }); // never fingerprinted
    const bad = await env.svc.app.request('/v1/audit/events?fingerprint=abc', {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe('fingerprint');
    const other = await env.svc.token(`bank-${randomBytes(3).toString('hex')}`, ['audit:read']);
    const fp = (await json(lookup(env.svc, other, { text: IBAN }))).fingerprint[0];
    expect((await events(env.svc, other, `type=check&fingerprint=${fp}`)).events).toEqual([]); // other tenant: nothing
  });
});

describe('a lookup the audit store cannot record', () => {
  it('answers 503 and gives no fingerprints', async () => {
    const db = await createTestDatabase('pglite');
    const svc = await createTestService(db.handle);
    const token = await svc.token('bank-f', ['audit:read']);
    await db.handle.close();
    const res = await svc.app.request('/v1/audit/fingerprints', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: IBAN }),
    });
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(body).toContain('audit_unavailable');
    expect(body).not.toMatch(/fingerprint"|1090/);
  });
});
