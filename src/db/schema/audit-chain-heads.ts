import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per tenant holding its chain's head. The appending transaction takes it
 * FOR UPDATE, so every replica appends to one ordered, gapless chain.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  tenant: text('tenant').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  /** After a retention purge: the last purged seq and its hash (a signed checkpoint); the chain is verified from here. */
  baseSeq: bigint('base_seq', { mode: 'number' }).notNull().default(0),
  baseHash: text('base_hash')
    .notNull()
    .default('0000000000000000000000000000000000000000000000000000000000000000'),
  /**
   * The tenant's Merkle tree covers the events after this seq (0; for a tenant purged before
   * the tree existed, the purge boundary then): leaf i is event treeFrom + i + 1.
   */
  treeFrom: bigint('tree_from', { mode: 'number' }).notNull().default(0),
  /** The tree's compact range at `seq`: its perfect subtrees' roots, hex, largest first. */
  frontier: text('frontier').notNull().default(''),
  /** The compact range at `baseSeq`, kept by a retention purge: the tree goes on from it. */
  baseFrontier: text('base_frontier').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
