import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { DatabaseHandle, RawQuery } from '../../db/client.ts';
import { auditEvents, type AuditEventRow } from '../../db/schema/index.ts';
import { checkpointRow, type CheckpointRow, type RawCheckpointRow } from '../checkpoint.ts';

export type { CheckpointRow };

// The chain is the outbox (docs/sinks.md): a tenant's events are committed in seq order
// under its head's lock, gaplessly, with the head moved in the same statement. So whatever
// a reader sees of a tenant's chain is a prefix of it, and a cursor (the last seq a sink
// acknowledged) names exactly what is left to deliver: nothing committed can be skipped.

/** Tenants whose head is past the sink's cursor, with the time of their oldest undelivered event. */
const BEHIND = `SELECT h.tenant, h.seq AS head, COALESCE(c.seq, 0) AS cursor, h.base_seq,
    (SELECT e.created_at FROM audit_events e WHERE e.tenant = h.tenant AND e.seq > COALESCE(c.seq, 0) ORDER BY e.seq LIMIT 1) AS oldest
  FROM audit_chain_heads h LEFT JOIN audit_sink_cursors c ON c.sink = $1 AND c.tenant = h.tenant
  WHERE h.seq > COALESCE(c.seq, 0) ORDER BY h.tenant`;
const CHECKPOINTS = `SELECT tenant, seq, hash, root, created_at, jws FROM audit_checkpoints
  WHERE tenant = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`;
/** Compare-and-set: the cursor moves from where this deliverer read it, or not at all. */
const ADVANCE = `INSERT INTO audit_sink_cursors (sink, tenant, seq, updated_at) VALUES ($1, $2, $4, now())
  ON CONFLICT (sink, tenant) DO UPDATE SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
  WHERE audit_sink_cursors.seq = $3 RETURNING 1`;
const SET_CURSOR = `INSERT INTO audit_sink_cursors (sink, tenant, seq, updated_at) VALUES ($1, $2, $3, now())
  ON CONFLICT (sink, tenant) DO UPDATE SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at`;
/** One tenant's position for the sink, behind or not (the operators' status). */
const POSITION = `SELECT h.seq AS head, COALESCE(c.seq, 0) AS cursor, h.base_seq,
    (SELECT e.created_at FROM audit_events e WHERE e.tenant = h.tenant AND e.seq > GREATEST(COALESCE(c.seq, 0), h.base_seq) ORDER BY e.seq LIMIT 1) AS oldest
  FROM audit_chain_heads h LEFT JOIN audit_sink_cursors c ON c.sink = $1 AND c.tenant = h.tenant
  WHERE h.tenant = $2`;
/** The cursor, locked until the transaction ends (a replay moves it in the same transaction as its event). */
const CURSOR_FOR_UPDATE = `SELECT seq FROM audit_sink_cursors WHERE sink = $1 AND tenant = $2 FOR UPDATE`;
/** One deliverer per sink: the lease is taken when free or expired, renewed by its holder (database time). */
const LEASE = `INSERT INTO audit_sink_leases (sink, holder, until) VALUES ($1, $2, now() + $3::int * interval '1 millisecond')
  ON CONFLICT (sink) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
  WHERE audit_sink_leases.holder = EXCLUDED.holder OR audit_sink_leases.until < now() RETURNING holder`;
const RELEASE = `UPDATE audit_sink_leases SET until = now() WHERE sink = $1 AND holder = $2`;

/** A tenant the sink has not caught up with. */
export interface Behind {
  tenant: string;
  head: number;
  cursor: number;
  /** Events before this seq were removed by retention: delivery goes on after it. */
  baseSeq: number;
  /** When its oldest undelivered event was committed. */
  oldest: Date | null;
}

/** Where a sink stands in one tenant's chain. */
export interface SinkPosition {
  /** The last seq the sink acknowledged (0: nothing yet). */
  cursor: number;
  head: number;
  /** Events committed and not yet acknowledged. */
  lagEvents: number;
  /** When the oldest of them was committed; null when none is waiting. */
  oldest: Date | null;
}

/**
 * Reads a tenant's cursor for `sink` under a row lock, inside `query`'s transaction (0 when
 * the sink never delivered any of its events).
 */
export async function lockedCursor(query: RawQuery, sink: string, tenant: string): Promise<number> {
  const [row] = await query<{ seq: string | number }>(CURSOR_FOR_UPDATE, [sink, tenant]);
  return row ? Number(row.seq) : 0;
}

/** Sets a tenant's cursor for `sink` inside `query`'s transaction (a replay: the sink gets every event after it again). */
export async function setCursor(
  query: RawQuery,
  sink: string,
  tenant: string,
  seq: number,
): Promise<void> {
  await query(SET_CURSOR, [sink, tenant, seq]);
}

/** Reads and moves one sink's position in the chain. */
export class Outbox {
  constructor(
    private readonly database: DatabaseHandle,
    readonly sink: string,
  ) {}

  async behind(): Promise<Behind[]> {
    const rows = await this.database.query<{
      tenant: string;
      head: string | number;
      cursor: string | number;
      base_seq: string | number;
      oldest: Date | string | null;
    }>(BEHIND, [this.sink]);
    return rows.map((r) => ({
      tenant: r.tenant,
      head: Number(r.head),
      cursor: Number(r.cursor),
      baseSeq: Number(r.base_seq),
      oldest: r.oldest === null ? null : new Date(r.oldest),
    }));
  }

  /** Where the sink stands in a tenant's chain (a tenant without events: all zero). */
  async position(tenant: string): Promise<SinkPosition> {
    const [row] = await this.database.query<{
      head: string | number;
      cursor: string | number;
      base_seq: string | number;
      oldest: Date | string | null;
    }>(POSITION, [this.sink, tenant]);
    if (!row) return { cursor: 0, head: 0, lagEvents: 0, oldest: null };
    const head = Number(row.head);
    const cursor = Number(row.cursor);
    return {
      cursor,
      head,
      lagEvents: Math.max(0, head - Math.max(cursor, Number(row.base_seq))),
      oldest: row.oldest === null ? null : new Date(row.oldest),
    };
  }

  /** Events of a tenant after `after`, at most `limit`, in chain order. */
  events(tenant: string, after: number, through: number, limit: number): Promise<AuditEventRow[]> {
    return this.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenant, tenant),
          gt(auditEvents.seq, after),
          lte(auditEvents.seq, through),
        ),
      )
      .orderBy(asc(auditEvents.seq))
      .limit(limit);
  }

  async checkpoints(tenant: string, after: number, through: number): Promise<CheckpointRow[]> {
    const rows = await this.database.query<RawCheckpointRow>(CHECKPOINTS, [tenant, after, through]);
    return rows.map(checkpointRow);
  }

  /** Moves the tenant's cursor from `from` to `to`; false if someone else moved it first. */
  async advance(tenant: string, from: number, to: number): Promise<boolean> {
    const rows = await this.database.query(ADVANCE, [this.sink, tenant, from, to]);
    return rows.length > 0;
  }

  /** Takes or renews the sink's lease for `ms`; false while another replica holds it. */
  async lease(holder: string, ms: number): Promise<boolean> {
    const rows = await this.database.query(LEASE, [this.sink, holder, Math.round(ms)]);
    return rows.length > 0;
  }

  async release(holder: string): Promise<void> {
    await this.database.query(RELEASE, [this.sink, holder]);
  }
}
