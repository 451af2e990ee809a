import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDraft as adminEvent } from './support/drafts.ts';
import { eventHash } from '../src/audit/chain.ts';
import { UnstorableEvent } from '../src/audit/stored-form.ts';
import { BACKENDS } from './support/database.ts';
import { hostileString, mostlyStorable } from './support/arbitrary-text.ts';
import { useTestService } from './support/service.ts';

const RUNS = Number(process.env.FC_RUNS ?? 200);

// "Hash exactly what is stored": whatever a client sends, an event the service accepts
// verifies after its round trip through the database; what it cannot store as it is, it
// refuses (400 from the API, UnstorableEvent from the writer) — never stores altered.
describe.each(BACKENDS)(
  'every accepted event verifies after a round trip through %s',
  (backend) => {
    const env = useTestService(backend, { checkDeadlineMs: 20_000 });
    // the tenant's chain as /v1/audit/verify reports it, and an event as the database gives it back
    const verify = async (token: string) =>
      (
        await env.svc.app.request('/v1/audit/verify', {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json();
    const readBack = async (id: string) =>
      (
        await env.db.handle.db.query.auditEvents.findMany({
          where: (e, { eq }) => eq(e.id, id),
        })
      )[0];

    const FIELDS = [
      'text',
      'channel.platform',
      'customer.id',
      'agent.id',
      'thread.id',
      'thread.postId',
    ] as const;
    const base = {
      direction: 'outbound',
      text: 'Dziękujemy.',
      channel: { platform: 'facebook', visibility: 'public' },
      customer: { id: 'fb:1' },
      agent: { id: 'a-1' },
      thread: { id: 't', postId: 'p' },
    };
    const withField = (field: (typeof FIELDS)[number], value: string) => {
      const body = structuredClone(base) as Record<string, Record<string, unknown> | unknown>;
      const [outer, inner] = field.split('.') as [string, string | undefined];
      if (inner) (body[outer] as Record<string, unknown>)[inner] = value;
      else body[outer] = value;
      return body;
    };

    it('through the API: each text field of the check body, any string', async () => {
      const token = await env.svc.token('roundtrip-api', ['check', 'audit:read']);
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...FIELDS), hostileString(60), async (field, value) => {
          const res = await env.svc.check(token, withField(field, value));
          expect([200, 400, 413]).toContain(res.status);
          if (res.status === 200) accepted++;
          // accepted exactly when the value is storable as it is (and within its bounds)
          const storable =
            value.isWellFormed() &&
            !value.includes('\u0000') &&
            (field === 'text' || !value.startsWith('\ufeff'));
          if (!storable) expect(res.status).toBe(400);
        }),
        { numRuns: RUNS },
      );
      const report = await verify(token);
      expect(report).toMatchObject({ ok: true, events: accepted, breakCount: 0 });
      expect(accepted).toBeGreaterThan(RUNS / 10);
    });

    it('through the writer: values that read differently each time, or encode themselves, are stored as hashed', async () => {
      const tenant = 'roundtrip-odd';
      let reads = 0;
      const drafts = [
        adminEvent(tenant, 'override', new Date(), 'a', {
          list: Object.assign([1, 2], { toJSON: () => 'replaced' }),
        }),
        adminEvent(tenant, 'override', new Date(), 'a', {
          get n() {
            return ++reads;
          },
        }),
        adminEvent(
          tenant,
          'override',
          new Date(),
          'a',
          {},
          {
            findings: Object.assign([], { toJSON: () => [{ x: 1 }] }) as never,
          },
        ),
        adminEvent(
          tenant,
          'override',
          Object.assign(new Date('2026-01-01T00:00:00Z'), { toJSON: () => '2000-01-01T00:00:00Z' }),
          'a',
          {},
        ),
      ];
      for (const draft of drafts) {
        const { row } = await env.svc.writer.append(draft);
        const back = await readBack(row.id);
        const { hash, ...rest } = back!;
        expect(eventHash(rest)).toBe(hash);
        expect(hash).toBe(row.hash);
      }
      const token = await env.svc.token(tenant, ['audit:read']);
      expect(await verify(token)).toMatchObject({ ok: true, events: drafts.length });
    });

    it('through the writer: any string in any column, stored as hashed or refused', async () => {
      const tenant = 'roundtrip-writer';
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(
          mostlyStorable(),
          mostlyStorable(),
          mostlyStorable(),
          mostlyStorable(),
          fc.dictionary(mostlyStorable(8), mostlyStorable(), { maxKeys: 2 }),
          async (agent, thread, platform, masked, details) => {
            const draft = adminEvent(tenant, 'override', new Date(), agent, details, {
              threadId: thread,
              platform,
              findings: [{ kind: 'phone', masked, start: 0, end: 1, confidence: 0.5, fp: null }],
            });
            try {
              const { row } = await env.svc.writer.append(draft);
              stored++;
              const back = await readBack(row.id);
              expect(back).toBeDefined();
              const { hash, ...rest } = back!;
              expect(eventHash(rest)).toBe(hash);
              expect(back!.agentId).toBe(agent);
              expect(back!.details).toEqual(JSON.parse(JSON.stringify(details)));
            } catch (err) {
              expect(err).toBeInstanceOf(UnstorableEvent);
              const bad = (v: string) => !v.isWellFormed() || v.includes('\u0000');
              expect(
                [masked, ...Object.keys(details), ...Object.values(details)].some(bad) ||
                  [agent, thread, platform].some((v) => bad(v) || v.startsWith('\ufeff')),
              ).toBe(true);
            }
          },
        ),
        { numRuns: RUNS },
      );
      const token = await env.svc.token(tenant, ['audit:read']);
      expect(await verify(token)).toMatchObject({ ok: true, events: stored });
      expect(stored).toBeGreaterThan(RUNS / 20);
    });
  },
);
