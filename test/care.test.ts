import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { chainTenants, sweepCareAlerts } from '../src/service/care-alerts.ts';
import { BACKENDS } from './support/database.ts';
import { useTestService } from './support/service.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const IBAN = 'PL61 1090 1014 0000 0712 1981 2874';
const PHONE = '+48 600 123 456';

/** The service's clock, set by the script: every event is committed at the minute it says. */
let minute = 0;
const clock = { now: () => new Date(T0 + minute * 60_000) };
const at = (m: number) => new Date(T0 + m * 60_000).toISOString();

type Step =
  | {
      m: number;
      thread: string | null;
      platform: string;
      dir: 'in' | 'out';
      vis: 'public' | 'private';
      text: string;
      expect?: string;
    }
  | { m: number; thread: string; action: 'post_hidden' | 'customer_contacted'; at?: number };

// A scripted day of care, hand-computed below. The follow-up deadline is 60 minutes; the
// summary is asked at minute 300.
const SCRIPT: Step[] = [
  // fb-1: answered after 10 min; its second post is never answered
  {
    m: 0,
    thread: 'fb-1',
    platform: 'fb',
    dir: 'in',
    vis: 'public',
    text: 'Dzień dobry, mam pytanie o kartę',
  },
  {
    m: 10,
    thread: 'fb-1',
    platform: 'fb',
    dir: 'out',
    vis: 'public',
    text: 'Dzień dobry, chętnie pomożemy.',
  },
  {
    m: 20,
    thread: 'fb-1',
    platform: 'fb',
    dir: 'in',
    vis: 'public',
    text: 'A jeszcze jedno pytanie',
  },
  // fb-2: a public disclosure followed up by a private reply after 20 min (in time)
  {
    m: 30,
    thread: 'fb-2',
    platform: 'fb',
    dir: 'in',
    vis: 'public',
    text: `Mój numer konta ${IBAN}`,
  },
  {
    m: 40,
    thread: 'fb-2',
    platform: 'fb',
    dir: 'out',
    vis: 'public',
    text: 'Prosimy o kontakt w wiadomości prywatnej.',
  },
  {
    m: 50,
    thread: 'fb-2',
    platform: 'fb',
    dir: 'out',
    vis: 'private',
    text: 'Dzień dobry, piszemy w sprawie Pana wpisu.',
  },
  // fb-3: a disclosure; the only reply was blocked (never sent); the post hidden 90 min later (late)
  {
    m: 60,
    thread: 'fb-3',
    platform: 'fb',
    dir: 'in',
    vis: 'public',
    text: `Proszę zadzwonić ${PHONE}`,
  },
  {
    m: 70,
    thread: 'fb-3',
    platform: 'fb',
    dir: 'out',
    vis: 'public',
    text: 'Aby odblokować kartę, prosimy o podanie numeru PIN.',
    expect: 'block',
  },
  { m: 160, thread: 'fb-3', action: 'post_hidden', at: 150 },
  // x-1: a disclosure answered in public only: never followed up, past its deadline
  {
    m: 100,
    thread: 'x-1',
    platform: 'x',
    dir: 'in',
    vis: 'public',
    text: `Przelew na ${IBAN} nie doszedł`,
  },
  // x-2: private from the start (not a public disclosure), answered after 2 min
  {
    m: 110,
    thread: 'x-2',
    platform: 'x',
    dir: 'in',
    vis: 'private',
    text: `Moje konto to ${IBAN}`,
  },
  {
    m: 112,
    thread: 'x-2',
    platform: 'x',
    dir: 'out',
    vis: 'private',
    text: 'Dziękujemy, sprawdzamy.',
  },
  {
    m: 130,
    thread: 'x-1',
    platform: 'x',
    dir: 'out',
    vis: 'public',
    text: 'Przepraszamy, sprawdzimy to.',
  },
  // fb-4: a disclosure; the helpdesk reports the customer contacted 20 min later (no `at`: now)
  {
    m: 200,
    thread: 'fb-4',
    platform: 'fb',
    dir: 'in',
    vis: 'public',
    text: `Konto ${IBAN} zablokowane?`,
  },
  { m: 220, thread: 'fb-4', action: 'customer_contacted' },
  // x-3: a disclosure 50 min before the summary: open, not yet overdue
  { m: 250, thread: 'x-3', platform: 'x', dir: 'in', vis: 'public', text: `Numer ${IBAN}` },
  // not in a thread: not measured
  { m: 260, thread: null, platform: 'fb', dir: 'in', vis: 'public', text: `Konto ${IBAN}` },
];

const stats = (o: Record<string, unknown>) => expect.objectContaining(o);

describe.each(BACKENDS)('care metrics on %s', (backend) => {
  const env = useTestService(backend, { clock });

  async function play(tenant: string) {
    const check = await env.svc.token(tenant, ['check']);
    for (const step of SCRIPT) {
      minute = step.m;
      if ('action' in step) {
        const res = await env.svc.app.request(`/v1/threads/${step.thread}/actions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${check}`, 'content-type': 'application/json' },
          body: JSON.stringify({ action: step.action, ...(step.at ? { at: at(step.at) } : {}) }),
        });
        expect(res.status).toBe(201);
        continue;
      }
      const res = await env.svc.check(check, {
        direction: step.dir === 'in' ? 'inbound' : 'outbound',
        text: step.text,
        channel: { platform: step.platform, visibility: step.vis },
        ...(step.thread ? { thread: { id: step.thread, postId: `p-${step.m}` } } : {}),
        ...(step.dir === 'out' ? { agent: { id: 'agent-7' } } : {}),
      });
      expect(res.status).toBe(200);
      if (step.expect) expect((await res.json()).decision).toBe(step.expect);
    }
  }

  it('measures time to first reply, share answered and the follow-up of disclosures as computed by hand', async () => {
    await play('care-bank');
    // another tenant's threads of the same names do not count
    await play('care-other');
    minute = 300;
    const app = createApp({
      ...env.svc.deps,
      care: { followUpMinutes: 240, followUpMinutesByTenant: new Map([['care-bank', 60]]) },
    });
    const read = await env.svc.token('care-bank', ['audit:read']);
    const get = async (query: string) => {
      const res = await app.request(`/v1/care/summary${query}`, {
        headers: { authorization: `Bearer ${read}` },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    const summary = await get('');
    expect(summary.followUpMinutes).toBe(60);
    expect(summary.to).toBe(at(300));
    expect(summary.totals).toEqual({
      threads: 7,
      answeredThreads: 4,
      inboundPosts: 8,
      answeredPosts: 4,
      answeredShare: 0.5,
      // fb-1 600, fb-2 600, x-1 1800, x-2 120
      firstReplySeconds: { count: 4, mean: 780, median: 600, p90: 1800, max: 1800 },
      disclosures: { total: 5, inTime: 2, late: 1, open: 1, overdue: 1 },
    });
    expect(summary.groups).toEqual([
      stats({
        platform: 'fb',
        channel: 'public',
        threads: 4,
        answeredThreads: 2,
        inboundPosts: 5,
        answeredPosts: 2,
        answeredShare: 0.4,
        firstReplySeconds: { count: 2, mean: 600, median: 600, p90: 600, max: 600 },
        disclosures: { total: 3, inTime: 2, late: 1, open: 0, overdue: 0 },
      }),
      stats({
        platform: 'x',
        channel: 'private',
        threads: 1,
        answeredThreads: 1,
        inboundPosts: 1,
        answeredPosts: 1,
        answeredShare: 1,
        firstReplySeconds: { count: 1, mean: 120, median: 120, p90: 120, max: 120 },
        disclosures: { total: 0, inTime: 0, late: 0, open: 0, overdue: 0 },
      }),
      stats({
        platform: 'x',
        channel: 'public',
        threads: 2,
        answeredThreads: 1,
        inboundPosts: 2,
        answeredPosts: 1,
        answeredShare: 0.5,
        firstReplySeconds: { count: 1, mean: 1800, median: 1800, p90: 1800, max: 1800 },
        disclosures: { total: 2, inTime: 0, late: 0, open: 1, overdue: 1 },
      }),
    ]);
    expect(
      summary.disclosures.map((d: Record<string, unknown>) => [
        d.threadId,
        d.status,
        d.followUp,
        d.followUpMinutes,
      ]),
    ).toEqual([
      ['fb-2', 'in_time', 'private_reply', 20],
      ['fb-3', 'late', 'post_hidden', 90],
      ['x-1', 'overdue', null, null],
      ['fb-4', 'in_time', 'customer_contacted', 20],
      ['x-3', 'open', null, null],
    ]);
    expect(summary.overdue).toEqual([
      expect.objectContaining({
        threadId: 'x-1',
        postId: 'p-100',
        platform: 'x',
        kinds: ['iban'],
        disclosedAt: at(100),
        deadlineAt: at(160),
        followedUpAt: null,
        status: 'overdue',
      }),
    ]);
    expect(summary.disclosures[1]).toMatchObject({ kinds: ['phone'], followedUpAt: at(150) });
    // no text and no value in the answer: ids, times, kinds
    const text = JSON.stringify(summary);
    for (const value of [IBAN, IBAN.replace(/ /g, ''), PHONE, '600123456', 'pytanie'])
      expect(text).not.toContain(value);

    // one platform; a period ending at minute 105 (x-3, fb-4 and x-2 start later)
    const x = await get('?platform=x');
    expect(x.totals).toMatchObject({ threads: 3, inboundPosts: 3, answeredPosts: 2 });
    expect(x.groups.map((g: { channel: string }) => g.channel)).toEqual(['private', 'public']);
    const early = await get(`?from=${at(0)}&to=${at(105)}`);
    expect(early.totals).toMatchObject({
      threads: 4,
      answeredThreads: 3,
      inboundPosts: 5,
      answeredPosts: 3,
      disclosures: { total: 3, inTime: 1, late: 1, open: 0, overdue: 1 },
    });
    // the other tenant's deadline is the default one given (240 min): x-1 is late no more, but open
    const readOther = await env.svc.token('care-other', ['audit:read']);
    const other = await (
      await app.request('/v1/care/summary', { headers: { authorization: `Bearer ${readOther}` } })
    ).json();
    expect(other.followUpMinutes).toBe(240);
    expect(other.totals.disclosures).toEqual({ total: 5, inTime: 3, late: 0, open: 2, overdue: 0 });
  });

  it('records each disclosure left past its deadline as one care_alert event, whoever sweeps', async () => {
    // after the first test: care-bank at minute 300, x-1 overdue, x-3 due at minute 310
    minute = 300;
    const deps = { database: env.db.handle, writer: env.svc.writer, clock };
    expect(await chainTenants(env.db.handle)).toEqual(expect.arrayContaining(['care-bank']));
    expect(await sweepCareAlerts(deps, 'care-bank', 60)).toBe(1);
    // again, and two at once (two replicas): nothing new
    const again = await Promise.all([
      sweepCareAlerts(deps, 'care-bank', 60),
      sweepCareAlerts(deps, 'care-bank', 60),
    ]);
    expect(again).toEqual([0, 0]);
    minute = 311;
    expect(await sweepCareAlerts(deps, 'care-bank', 60)).toBe(1);
    const read = await env.svc.token('care-bank', ['audit:read']);
    const alerts = await (
      await env.svc.app.request('/v1/audit/events?type=care_alert', {
        headers: { authorization: `Bearer ${read}` },
      })
    ).json();
    expect(
      alerts.events.map((e: Record<string, unknown>) => [e.threadId, e.platform, e.kinds]),
    ).toEqual([
      ['x-3', 'x', ['iban']],
      ['x-1', 'x', ['iban']],
    ]);
    expect(alerts.events[1]).toMatchObject({
      type: 'care_alert',
      postId: 'p-100',
      details: { disclosedAt: at(100), deadlineAt: at(160), followUpMinutes: 60 },
    });
    expect(JSON.stringify(alerts)).not.toContain(IBAN.replace(/ /g, ''));
    // alerts are not care events: the summary is unchanged by them
    const summary = await (
      await env.svc.app.request(`/v1/care/summary?to=${at(300)}`, {
        headers: { authorization: `Bearer ${read}` },
      })
    ).json();
    expect(summary.totals.threads).toBe(7);
  });

  it('records thread actions as chain events, and refuses bad ones naming the field', async () => {
    minute = 400;
    const check = await env.svc.token('care-actions', ['check']);
    const read = await env.svc.token('care-actions', ['audit:read']);
    const post = (thread: string, body: unknown) =>
      env.svc.app.request(`/v1/threads/${encodeURIComponent(thread)}/actions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${check}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await post('thread 1', { action: 'post_hidden', at: at(390) });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      seq: 1,
      threadId: 'thread 1',
      action: 'post_hidden',
      at: at(390),
      createdAt: at(400),
    });
    for (const [body, field] of [
      [{ action: 'deleted' }, 'action'],
      [{ action: 'post_hidden', at: at(500) }, 'at'],
      [{ action: 'post_hidden', at: 'yesterday' }, 'at'],
      [{ action: 'post_hidden', note: 'x' }, ''],
    ] as const) {
      const res = await post('thread 1', body);
      expect(res.status).toBe(400);
      if (field) expect((await res.json()).error.details[0].field).toBe(field);
    }
    const events = await (
      await env.svc.app.request('/v1/audit/events?type=thread_action', {
        headers: { authorization: `Bearer ${read}` },
      })
    ).json();
    expect(events.events).toHaveLength(1);
    expect(events.events[0]).toMatchObject({
      type: 'thread_action',
      threadId: 'thread 1',
      agentId: 'dev:care-actions',
      details: { action: 'post_hidden', at: at(390) },
    });
    const verify = await (
      await env.svc.app.request('/v1/audit/verify', {
        headers: { authorization: `Bearer ${read}` },
      })
    ).json();
    expect(verify).toMatchObject({ ok: true, events: 1 });
  });

  it('counts a follow-up recorded late from 15 minutes before its recording, whatever time it reports', async () => {
    const check = await env.svc.token('care-backdated', ['check']);
    const read = await env.svc.token('care-backdated', ['audit:read']);
    const action = (thread: string, reported: number) =>
      env.svc.app.request(`/v1/threads/${thread}/actions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${check}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'customer_contacted', at: at(reported) }),
      });
    for (const thread of ['late-1', 'soon-1']) {
      minute = 600;
      const res = await env.svc.check(check, {
        direction: 'inbound',
        text: `Moje konto ${IBAN}`,
        channel: { platform: 'fb', visibility: 'public' },
        thread: { id: thread, postId: `${thread}-p` },
      });
      expect(res.status).toBe(200);
    }
    // recorded 3 h later, saying it was done 5 minutes after the post
    minute = 780;
    expect((await action('late-1', 605)).status).toBe(201);
    // recorded 40 minutes later, saying 30: within the 15 minutes' grace
    minute = 640;
    expect((await action('soon-1', 630)).status).toBe(201);
    minute = 800;
    const app = createApp({ ...env.svc.deps, care: { followUpMinutes: 60 } });
    const res = await app.request(`/v1/care/summary?from=${at(590)}`, {
      headers: { authorization: `Bearer ${read}` },
    });
    const summary = await res.json();
    const byThread = Object.fromEntries(
      summary.disclosures.map((d: Record<string, unknown>) => [d.threadId, d]),
    );
    expect(byThread['late-1']).toMatchObject({ status: 'late', followedUpAt: at(765) });
    expect(byThread['soon-1']).toMatchObject({ status: 'in_time', followedUpAt: at(630) });
  });

  it('answers 400 for a period that ends before it starts', async () => {
    const read = await env.svc.token('care-bank', ['audit:read']);
    const res = await env.svc.app.request(`/v1/care/summary?from=${at(10)}&to=${at(5)}`, {
      headers: { authorization: `Bearer ${read}` },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].field).toBe('from');
  });
});
