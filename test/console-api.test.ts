import { describe, expect, it } from 'vitest';
import { BACKENDS } from './support/database.ts';
import { useTestService } from './support/service.ts';

const IBAN = 'PL61 1090 1014 0000 0712 1981 2874';

/**
 * What the console reads beyond the events list: lists in the filters, the review queue,
 * the facets, the policy's history with its diff, receipts, the false-positive rate by
 * events, and the exports' findings, identity and reviews.
 */
describe.each(BACKENDS)('the console’s API on %s', (backend) => {
  const env = useTestService(backend);
  const auth = (token: string, more: Record<string, string> = {}) => ({
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...more },
  });
  const get = async (token: string, path: string) => {
    const res = await env.svc.app.request(path, auth(token));
    return { status: res.status, body: await res.json() };
  };

  /** A tenant with two policy versions (monitor, then enforce) and checks under both. */
  async function seed(tenant: string) {
    const admin = await env.svc.token(tenant, ['policy:admin']);
    const put = (policy: unknown) =>
      env.svc.app.request('/v1/policy', {
        method: 'PUT',
        ...auth(admin),
        body: JSON.stringify(policy),
      });
    const t = await env.svc.token(tenant, ['check']);
    const reply = async (text: string, agent: string, platform = 'facebook') =>
      (
        await (
          await env.svc.check(t, {
            direction: 'outbound',
            text,
            agent: { id: agent },
            channel: { platform, visibility: 'public' },
          })
        ).json()
      ).audit.id as string;
    expect((await put({ mode: 'monitor' })).status).toBe(201);
    const monitored = await reply(`Rachunek: ${IBAN}`, 'agent-1');
    expect(
      (await put({ mode: 'enforce', allowList: { phones: ['+48 22 123 45 67'] } })).status,
    ).toBe(201);
    const blocked = await reply(`Rachunek: ${IBAN}`, 'agent-2', 'x');
    const phone = await reply('Zadzwoń: 600 700 800', 'agent-2');
    const allowed = await reply('Dzień dobry', 'agent-1');
    return {
      monitored,
      blocked,
      phone,
      allowed,
      read: await env.svc.token(tenant, ['audit:read', 'audit:review']),
    };
  }

  it('takes several values per filter (the parameter repeated) and one as before', async () => {
    const s = await seed('multi');
    const ids = async (q: string) =>
      (await get(s.read, `/v1/audit/events?type=check&${q}`)).body.events.map(
        (e: { id: string }) => e.id,
      );
    expect(await ids('kind=iban')).toEqual([s.blocked, s.monitored]);
    expect(await ids('kind=iban&kind=phone')).toEqual([s.phone, s.blocked, s.monitored]);
    expect(await ids('platform=x&platform=facebook&agent=agent-2')).toEqual([s.phone, s.blocked]);
    expect(await ids('decision=allow&decision=warn')).toEqual([s.allowed, s.monitored]);
    const bad = await get(s.read, '/v1/audit/events?kind=iban&kind=Not-a-kind');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toMatch(/^kind/);
    // the summary and the export take the same lists
    const summary = (await get(s.read, '/v1/audit/summary?kind=iban&kind=phone')).body;
    expect(summary.checks).toBe(3);
  });

  it('queues unreviewed blocks, warnings and would-blocks oldest first, with counts', async () => {
    const s = await seed('queue');
    const q = (await get(s.read, '/v1/audit/queue')).body;
    expect(q.events.map((e: { id: string }) => e.id)).toEqual([s.monitored, s.blocked, s.phone]);
    expect(q.counts.total).toBe(3);
    expect(q.counts.byAgent).toEqual([
      { agent: 'agent-2', count: 2 },
      { agent: 'agent-1', count: 1 },
    ]);
    expect(q.counts.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'iban', count: 2 },
        { kind: 'phone', count: 1 },
      ]),
    );
    const review = await env.svc.app.request(`/v1/audit/events/${s.monitored}/reviews`, {
      method: 'POST',
      ...auth(s.read),
      body: JSON.stringify({ verdict: 'confirmed', note: 'seen' }),
    });
    expect(review.status).toBe(201);
    const page1 = (await get(s.read, '/v1/audit/queue?limit=1')).body;
    expect(page1.events.map((e: { id: string }) => e.id)).toEqual([s.blocked]);
    expect(page1.counts.total).toBe(2);
    const page2 = (await get(s.read, `/v1/audit/queue?limit=1&cursor=${page1.nextCursor}`)).body;
    expect(page2.events.map((e: { id: string }) => e.id)).toEqual([s.phone]);
    expect((await get(s.read, '/v1/audit/queue?agent=agent-1')).body.counts.total).toBe(0);
    // the list says which events were reviewed
    const list = (await get(s.read, '/v1/audit/events?type=check')).body.events;
    expect(list.find((e: { id: string }) => e.id === s.monitored).reviewCount).toBe(1);
    expect(list.find((e: { id: string }) => e.id === s.blocked).reviewCount).toBe(0);
    const facets = (await get(s.read, '/v1/audit/facets')).body;
    expect(facets.agents).toEqual([
      { value: 'agent-1', count: 2 },
      { value: 'agent-2', count: 2 },
    ]);
    expect(facets.platforms).toEqual([
      { value: 'facebook', count: 3 },
      { value: 'x', count: 1 },
    ]);
    // the kinds found, as the filters offer them (a tenant's custom kinds among them)
    expect(facets.kinds.map((k: { value: string }) => k.value).sort()).toEqual(
      Object.keys(
        Object.fromEntries(
          list.flatMap((e: { kinds: string[] }) => e.kinds).map((k: string) => [k, 1]),
        ),
      ).sort(),
    );
    expect(facets.kinds.length).toBeGreaterThan(0);
  });

  it('shows officers the policy versions, what was decided under each, and a diff', async () => {
    const s = await seed('history');
    const { versions } = (await get(s.read, '/v1/audit/policy-versions')).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toMatchObject({
      policyVersion: 'history@1',
      createdBy: 'dev:history',
      mode: 'monitor',
      checks: 1,
      wouldBlock: 1,
      warned: 1,
    });
    expect(versions[0].changed).toContain('mode');
    expect(versions[0].eventId).toMatch(/^[0-7][0-9A-Z]{25}$/);
    expect(versions[1]).toMatchObject({ mode: 'enforce', checks: 3, blocked: 2, wouldBlock: 0 });
    const diff = (await get(s.read, '/v1/audit/policy-versions/diff?from=1&to=2')).body;
    // the diff of /v1/policy: lists of words by what was added and removed
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { path: 'mode', before: 'monitor', after: 'enforce' },
        { path: 'allowList.phones', added: ['+48221234567'], removed: [] },
      ]),
    );
    const v0 = (await get(s.read, '/v1/audit/policy-versions/0')).body;
    expect(v0).toMatchObject({
      version: 0,
      policyVersion: 'history@0',
      policy: { mode: 'enforce' },
    });
    expect((await get(s.read, '/v1/audit/policy-versions/9')).status).toBe(404);
    const bad = await get(s.read, '/v1/audit/policy-versions/x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('version');
    // another tenant sees none of it
    const other = await env.svc.token('someone-else', ['audit:read']);
    expect((await get(other, '/v1/audit/policy-versions/1')).status).toBe(404);
  });

  it('gives a receipt for any event that verifies against the log', async () => {
    const s = await seed('receipt');
    const { body } = await get(s.read, `/v1/audit/events/${s.blocked}/receipt`);
    expect(body.sealed).toBe(true);
    const report = await (
      await env.svc.app.request('/v1/audit/verify', {
        method: 'POST',
        ...auth(s.read),
        body: JSON.stringify({ receipt: body.receipt }),
      })
    ).json();
    expect(report.held).toEqual([
      expect.objectContaining({ kind: 'receipt', verdict: 'contained' }),
    ]);
    expect((await get(s.read, `/v1/audit/events/${s.blocked}`)).body.overrides).toEqual([]);
  });

  it('counts the false-positive rate over events, not reviews, by the officer’s days', async () => {
    const s = await seed('fp-rate');
    const review = (id: string, verdict: string) =>
      env.svc.app.request(`/v1/audit/events/${id}/reviews`, {
        method: 'POST',
        ...auth(s.read),
        body: JSON.stringify({ verdict, note: 'looked' }),
      });
    // one event reviewed twice (confirmed, then false positive), another once
    await review(s.blocked, 'confirmed');
    await review(s.blocked, 'false_positive');
    await review(s.phone, 'confirmed');
    const summary = (await get(s.read, '/v1/audit/summary')).body;
    expect(summary.reviews).toMatchObject({ reviewed: 2, falsePositive: 1, confirmed: 2 });
    expect(summary.falsePositiveRate).toBe(0.5); // reviews would say 1/3
    expect(summary.byDay).toEqual([
      expect.objectContaining({
        day: '2026-11-23',
        reviewed: 2,
        falsePositive: 1,
        falsePositiveRate: 0.5,
        wouldBlock: 1,
      }),
    ]);
    // the test clock is at 09:00 UTC: still the day before in Honolulu
    const honolulu = (await get(s.read, '/v1/audit/summary?tz=Pacific/Honolulu')).body;
    expect(honolulu.byDay.map((d: { day: string }) => d.day)).toEqual(['2026-11-22']);
    expect((await get(s.read, '/v1/audit/summary?tz=Mars/Olympus')).status).toBe(400);
  });

  it('exports findings (masked), identity and reviews, in CSV and JSON Lines', async () => {
    const s = await seed('export-cols');
    const through = (await get(s.read, '/v1/audit/export/manifest?format=csv')).body.manifest
      .through;
    await env.svc.app.request(`/v1/audit/events/${s.blocked}/reviews`, {
      method: 'POST',
      ...auth(s.read),
      body: JSON.stringify({ verdict: 'false_positive', note: 'the bank’s own account' }),
    });
    const csv = await (
      await env.svc.app.request('/v1/audit/export?format=csv', auth(s.read))
    ).text();
    const [header, ...rows] = csv.trim().split('\n');
    const cols = (header as string).split(',');
    expect(cols).toEqual(expect.arrayContaining(['findings', 'identity', 'reviews']));
    const cell = (row: string, name: string) => {
      // no cell of these rows holds a comma inside quotes but the findings list: split carefully
      const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
      return cells[cols.indexOf(name)];
    };
    const blockedRow = rows.find((r) => r.startsWith(s.blocked)) as string;
    expect(cell(blockedRow, 'findings')).toMatch(/^iban:[* ]+2874$/);
    expect(cell(blockedRow, 'identity')).toBe('absent');
    expect(cell(blockedRow, 'reviews')).toMatch(/^false_positive by dev:export-cols at 2026-/);
    // never the value
    expect(csv).not.toContain('1090 1014');
    expect(csv).not.toContain('10901014');
    const jsonl = (await (await env.svc.app.request('/v1/audit/export', auth(s.read))).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const e = jsonl.find((x) => x.id === s.blocked);
    expect(e.findings[0]).toMatchObject({ kind: 'iban' });
    expect(e.identity).toEqual({ status: 'absent' });
    expect(e.reviews).toEqual([
      expect.objectContaining({
        verdict: 'false_positive',
        note: 'the bank’s own account',
        reviewer: 'dev:export-cols',
      }),
    ]);
    // an export pinned before the review does not change: the review is not in it
    const pinned = await (
      await env.svc.app.request(`/v1/audit/export?format=jsonl&through=${through}`, auth(s.read))
    ).text();
    expect(pinned).not.toContain('the bank’s own account');
    const lines = pinned.trim().split('\n');
    const { manifest } = JSON.parse(lines.at(-1) as string);
    const { createHash } = await import('node:crypto');
    expect(manifest.sha256).toBe(
      createHash('sha256')
        .update(`${lines.slice(0, -1).join('\n')}\n`)
        .digest('hex'),
    );
  });
});
