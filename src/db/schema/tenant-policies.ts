import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Immutable versions of each tenant's policy; the highest version is in force. */
export const tenantPolicies = pgTable(
  'tenant_policies',
  {
    tenant: text('tenant').notNull(),
    version: integer('version').notNull(),
    policy: jsonb('policy').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.version] })],
);
