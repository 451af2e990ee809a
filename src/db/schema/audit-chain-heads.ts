import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per tenant holding its chain's head. The appending transaction takes it
 * FOR UPDATE, so every replica appends to one ordered, gapless chain.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  tenant: text('tenant').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
