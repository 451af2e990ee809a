import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DatabaseHandle } from '../db/client.ts';
import { testDraft as adminEvent } from '../../test/support/drafts.ts';
import { AuditWriter } from './writer.ts';

describe('AuditWriter', () => {
  let db: DatabaseHandle;
  beforeAll(async () => {
    db = await openPglite();
    await db.migrate();
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses appends at once when too many are waiting, and stores the accepted ones', async () => {
    const writer = new AuditWriter(db, { now: () => new Date() }, { maxQueue: 2 });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        writer.append(adminEvent('q', 'policy_change', new Date(), 'test', {})),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(writer.stats).toMatchObject({ events: 2, rejected: 3 });
    const rows = await db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM audit_events WHERE tenant = 'q'`,
    );
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it('gives one batch many events that arrive together, in order, gapless', async () => {
    const writer = new AuditWriter(db, { now: () => new Date() });
    const appended = await Promise.all(
      Array.from({ length: 30 }, () =>
        writer.append(adminEvent('g', 'policy_change', new Date(), 'test', {})),
      ),
    );
    expect(appended.map((a) => a.row.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(writer.stats.batches).toBe(1);
  });
});
