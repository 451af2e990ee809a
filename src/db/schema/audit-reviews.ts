import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A compliance reviewer's verdict on an audit event; append-only like the events. */
export const auditReviews = pgTable(
  'audit_reviews',
  {
    id: text('id').primaryKey(),
    tenant: text('tenant').notNull(),
    eventId: text('event_id').notNull(),
    verdict: text('verdict').notNull(),
    note: text('note').notNull(),
    reviewer: text('reviewer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('audit_reviews_event').on(t.tenant, t.eventId)],
);
