import { bigint, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * How far each configured sink has been delivered, per tenant: the tenant's chain is the
 * outbox (docs/sinks.md), so a cursor is the last seq the sink acknowledged. It only moves
 * forward, by compare-and-set, after the sink acknowledged everything up to it.
 */
export const auditSinkCursors = pgTable(
  'audit_sink_cursors',
  {
    sink: text('sink').notNull(),
    tenant: text('tenant').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sink, t.tenant] })],
);

/** Which replica delivers a sink, until when: one deliverer per sink at a time. */
export const auditSinkLeases = pgTable('audit_sink_leases', {
  sink: text('sink').primaryKey(),
  holder: text('holder').notNull(),
  until: timestamp('until', { withTimezone: true, mode: 'date' }).notNull(),
});
