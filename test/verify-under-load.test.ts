import { describe, expect, it } from 'vitest';
import { BACKENDS } from './support/database.ts';
import { useTestService } from './support/service.ts';

// Verify reads one snapshot: appends committing while it walks are not half seen (it read
// the head and the events in separate statements, and 13 of 14 calls under load said broken).
describe.each(BACKENDS)('verify under concurrent appends on %s', (backend) => {
  const env = useTestService(backend);

  it('reports an intact chain every time while checks keep committing', async () => {
    const token = await env.svc.token('busy', ['check', 'audit:read']);
    let running = true;
    const load = Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; running; i++)
          await env.svc.check(token, {
            direction: 'inbound',
            text: `msg ${w}-${i}`,
            channel: { platform: 'x', visibility: 'public' },
          });
      }),
    );
    const reports = [];
    for (let i = 0; i < 15; i++) {
      reports.push(
        await (
          await env.svc.app.request('/v1/audit/verify', {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json(),
      );
      await new Promise((r) => setTimeout(r, 20)); // PGlite's one connection: let the appends have it
    }
    running = false;
    await load;
    const events = reports.map((r) => r.events);
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    expect(events[events.length - 1]).toBeGreaterThan(events[0]); // appends did commit meanwhile
  });
});
