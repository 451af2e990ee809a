import { describe, expect, it } from 'vitest';
import { testDraft as adminEvent } from './support/drafts.ts';
import { UnstorableEvent } from '../src/audit/stored-form.ts';
import { BACKENDS } from './support/database.ts';
import { useTestService } from './support/service.ts';

// Whatever one check carries, the other checks of its batch commit: the event the database
// would refuse (or alter) fails alone, and the chain stays whole.
describe.each(BACKENDS)('a poison event among hundreds on %s', (backend) => {
  // isolation, not speed, is measured here: a deadline that a busy machine cannot reach
  const env = useTestService(backend, { checkDeadlineMs: 20_000 });
  const verify = async (tenant: string) =>
    (
      await env.svc.app.request('/v1/audit/verify', {
        headers: { authorization: `Bearer ${await env.svc.token(tenant, ['audit:read'])}` },
      })
    ).json();
  const count = async (tenant: string) =>
    Number(
      (
        await env.db.handle.query<{ n: string }>(
          'SELECT count(*) AS n FROM audit_events WHERE tenant = $1',
          [tenant],
        )
      )[0]?.n,
    );

  it('fails alone when it cannot be stored as it is (a NUL, a lone surrogate), refused before the database sees it', async () => {
    const drafts = Array.from({ length: 300 }, (_, i) =>
      adminEvent('poison-a', 'policy_change', new Date(), `agent-${i}`, { i }),
    );
    drafts[137] = { ...drafts[137]!, agentId: 'a\u0000b' };
    drafts[211] = { ...drafts[211]!, details: { note: 'x\ud800y' } };
    const results = await Promise.allSettled(drafts.map((d) => env.svc.writer.append(d)));
    const rejected = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(rejected).toEqual([137, 211]);
    expect((results[137] as PromiseRejectedResult).reason).toBeInstanceOf(UnstorableEvent);
    expect((results[137] as PromiseRejectedResult).reason.field).toBe('agentId');
    expect((results[211] as PromiseRejectedResult).reason.field).toBe('details');
    expect(await count('poison-a')).toBe(298);
    expect(await verify('poison-a')).toMatchObject({ ok: true, events: 298 });
  });

  it('fails alone when the database refuses it, among 500 concurrent checks of its tenant', async () => {
    // a refusal the service cannot foresee: the database's own rule against one agent
    await env.db.handle.query(
      "ALTER TABLE audit_events ADD CONSTRAINT poison_agent CHECK (agent_id IS DISTINCT FROM 'agent-poison') NOT VALID",
    );
    try {
      const token = await env.svc.token('poison-b', ['check']);
      const splitsBefore = env.svc.writer.stats.splits;
      const bodies = Array.from({ length: 500 }, (_, i) => ({
        direction: 'outbound',
        text: `Dziękujemy za wiadomość ${i}.`,
        channel: { platform: 'facebook', visibility: 'public' },
        agent: { id: i === 250 ? 'agent-poison' : `agent-${i}` },
        thread: { id: `t-${i}` },
      }));
      const statuses = await Promise.all(
        bodies.map((b) => env.svc.check(token, b).then((r) => r.status)),
      );
      const failed = statuses.flatMap((s, i) => (s === 200 ? [] : [[i, s]]));
      expect(failed).toEqual([[250, 503]]);
      expect(await count('poison-b')).toBe(499);
      // whether the poison shared a batch depends on timing (alone, it needs no split); the
      // split itself is asserted below, with appends that share one batch by construction
      const stored = await env.db.handle.query<{ thread_id: string }>(
        "SELECT thread_id FROM audit_events WHERE tenant = 'poison-b'",
      );
      expect(stored.map((r) => r.thread_id)).not.toContain('t-250');
      console.info(
        `poison on ${backend}: 500 concurrent checks, ${statuses.filter((s) => s === 200).length} answered 200, ${failed.length} answered 503, ${env.svc.writer.stats.splits - splitsBefore} batch splits`,
      );
      expect(await verify('poison-b')).toMatchObject({ ok: true, events: 499 });

      // appended in one turn of the event loop, these go to the database as one batch
      const splitsBeforeBatch = env.svc.writer.stats.splits;
      const drafts = Array.from({ length: 100 }, (_, i) =>
        adminEvent(
          'poison-c',
          'policy_change',
          new Date(),
          i === 40 ? 'agent-poison' : `agent-${i}`,
          {
            i,
          },
        ),
      );
      const results = await Promise.allSettled(drafts.map((d) => env.svc.writer.append(d)));
      expect(results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []))).toEqual([40]);
      expect(env.svc.writer.stats.splits).toBeGreaterThan(splitsBeforeBatch);
      expect(await verify('poison-c')).toMatchObject({ ok: true, events: 99 });
    } finally {
      await env.db.handle.query('ALTER TABLE audit_events DROP CONSTRAINT poison_agent');
    }
  });
});
