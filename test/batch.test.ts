import { describe, expect, it } from 'vitest';
import { BACKENDS } from './support/database.ts';
import { realisticRequests } from './support/realistic-requests.ts';
import { useTestService } from './support/service.ts';

// POST /v1/check/batch: each item decided and audited exactly as a single check.
describe.each(BACKENDS)('batch check on %s', (backend) => {
  const env = useTestService(backend, { checkDeadlineMs: 20_000 });
  const batch = async (token: string, body: unknown) =>
    env.svc.app.request('/v1/check/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const events = async (tenant: string) =>
    Number(
      (
        await env.db.handle.query<{ n: string }>(
          "SELECT count(*) AS n FROM audit_events WHERE tenant = $1 AND type = 'check'",
          [tenant],
        )
      )[0]?.n,
    );
  // an identity assertion verifies for the tenant it was minted for only (its development key)
  const withIdentity =
    (tenant: string) => async (r: { body: Record<string, unknown>; identified: boolean }) =>
      r.identified
        ? {
            ...r.body,
            customer: {
              ...(r.body.customer as object),
              identityToken: await env.svc.identity(tenant, (r.body.customer as { id: string }).id),
            },
          }
        : r.body;
  const shape = (r: Record<string, unknown>) => ({
    decision: r.decision,
    findings: r.findings,
    violations: r.violations,
    actions: r.actions,
    suggestion: r.suggestion,
    identity: r.identity,
  });

  it('decides 1,000 realistic messages exactly as 1,000 single checks, in a few transactions', async () => {
    const raw = realisticRequests(1000);
    const requests = await Promise.all(raw.map(withIdentity('batch-many')));
    const singleRequests = await Promise.all(raw.map(withIdentity('batch-single')));
    expect(requests).toHaveLength(1000);
    const single = await env.svc.token('batch-single', ['check']);
    const singles: Array<Record<string, unknown>> = [];
    for (let i = 0; i < singleRequests.length; i += 100)
      singles.push(
        ...(await Promise.all(
          singleRequests
            .slice(i, i + 100)
            .map(async (b) => (await env.svc.check(single, b)).json()),
        )),
      );
    const token = await env.svc.token('batch-many', ['check']);
    const batchesBefore = env.svc.writer.stats.batches;
    const res = await batch(token, { items: requests });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Array<Record<string, unknown>> };
    const transactions = env.svc.writer.stats.batches - batchesBefore;
    expect(results).toHaveLength(1000);
    expect(results.map(shape)).toEqual(singles.map(shape));
    const decisions = results.map((r) => r.decision);
    expect(new Set(decisions)).toEqual(new Set(['allow', 'warn', 'block']));
    // every item has its own event and receipt, in the tenant's chain
    expect(new Set(results.map((r) => (r.audit as { id: string }).id)).size).toBe(1000);
    expect(results.every((r) => typeof r.receipt === 'string')).toBe(true);
    expect(await events('batch-many')).toBe(1000);
    // items are decided in slices of 100, each slice's events committed together (the
    // other requests get the event loop in between): about one transaction per slice
    expect(transactions).toBeLessThanOrEqual(15);
    console.info(`batch on ${backend}: 1,000 items committed in ${transactions} transactions`);
    const verify = await env.svc.app.request('/v1/audit/verify', {
      headers: { authorization: `Bearer ${await env.svc.token('batch-many', ['audit:read'])}` },
    });
    expect(await verify.json()).toMatchObject({ ok: true, events: 1000 });
  });

  it('answers an invalid item with its error in its place, and decides the others', async () => {
    const token = await env.svc.token('batch-mixed', ['check']);
    const good = {
      direction: 'inbound',
      text: 'Mój numer to 600 700 800, oddzwońcie.',
      channel: { platform: 'facebook', visibility: 'public' },
    };
    const res = await batch(token, {
      items: [
        good,
        { ...good, channel: { platform: 'facebook', visibility: 'everyone' } },
        { ...good, direction: 'outbound' },
        'not an object',
        { ...good, idempotencyKey: 'ż' },
        good,
      ],
    });
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(
      results.map(
        (r: { decision?: string; error?: { code: string } }) => r.decision ?? r.error?.code,
      ),
    ).toEqual([
      'warn',
      'invalid_request',
      'invalid_request',
      'invalid_request',
      'invalid_request',
      'warn',
    ]);
    expect(results[1].error.details).toEqual([
      { field: 'channel.visibility', message: expect.any(String) },
    ]);
    expect(results[2].error.details[0].field).toBe('agent');
    expect(results[4].error.details[0].field).toBe('idempotencyKey');
    // the values of an invalid item are never echoed
    expect(JSON.stringify(results)).not.toContain('600 700 800');
    expect(await events('batch-mixed')).toBe(2);
  });

  it('is idempotent per item: a replayed key returns the first decision and writes nothing', async () => {
    const token = await env.svc.token('batch-idem', ['check']);
    const item = (key: string, text: string) => ({
      direction: 'outbound',
      text,
      channel: { platform: 'x', visibility: 'public' },
      agent: { id: 'a-1' },
      idempotencyKey: key,
    });
    const first = await (
      await batch(token, {
        items: [item('k-1', 'Proszę podać PIN.'), item('k-2', 'Dziękujemy za cierpliwość.')],
      })
    ).json();
    const again = await (
      await batch(token, {
        items: [
          item('k-1', 'Proszę podać PIN.'),
          item('k-2', 'Something else entirely.'),
          item('k-3', 'Dziękujemy.'),
        ],
      })
    ).json();
    expect(again.results[0]).toMatchObject({
      decision: first.results[0].decision,
      replayed: true,
      audit: { id: first.results[0].audit.id },
    });
    expect(again.results[1].error.code).toBe('idempotency_conflict');
    expect(again.results[2].decision).toBe('allow');
    expect(await events('batch-idem')).toBe(3);
  });

  it('treats an item key as the header: a single check and a batch item under one key are one check', async () => {
    const token = await env.svc.token('batch-key', ['check']);
    const body = {
      direction: 'outbound',
      text: 'Proszę podać PIN.',
      channel: { platform: 'x', visibility: 'public' },
      agent: { id: 'a-1' },
    };
    const single = await (await env.svc.check(token, body, { 'idempotency-key': 'same-1' })).json();
    const { results } = await (
      await batch(token, { items: [{ ...body, idempotencyKey: 'same-1' }] })
    ).json();
    expect(results[0]).toMatchObject({ replayed: true, audit: { id: single.audit.id } });
    // a key for the whole batch would hide which items it covers
    const res = await env.svc.app.request('/v1/check/batch', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'whole',
      },
      body: JSON.stringify({ items: [body] }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].field).toBe('Idempotency-Key');
    expect(await events('batch-key')).toBe(1);
  });

  it('refuses an envelope that is not a batch, naming the field, and changes nothing', async () => {
    const token = await env.svc.token('batch-bad', ['check']);
    const one = {
      direction: 'inbound',
      text: 'hi',
      channel: { platform: 'x', visibility: 'public' },
    };
    for (const [body, field] of [
      [{}, 'items'],
      [{ items: [] }, 'items'],
      [{ items: Array.from({ length: 1001 }, () => one) }, 'items'],
      [{ items: [one], extra: 1 }, '(body)'],
    ] as const) {
      const res = await batch(token, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].field).toBe(field);
    }
    expect(await events('batch-bad')).toBe(0);
  });

  it('takes a body larger than a single check may be', async () => {
    const token = await env.svc.token('batch-big', ['check']);
    const text = 'Dzień dobry, proszę o informację o statusie reklamacji. '.repeat(80);
    const items = Array.from({ length: 200 }, () => ({
      direction: 'inbound',
      text,
      channel: { platform: 'x', visibility: 'public' },
    }));
    expect(JSON.stringify({ items }).length).toBeGreaterThan(256 * 1024);
    const res = await batch(token, { items });
    expect(res.status).toBe(200);
    expect(await events('batch-big')).toBe(200);
  });
});
