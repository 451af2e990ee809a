import { bigint, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Signed checkpoints of a tenant's chain: (seq, hash) signed with the service's Ed25519
 * key. Anyone with /.well-known/jwks.json can check that the chain up to `seq` ended in
 * `hash`; after a retention purge the remaining chain is verified from the checkpoint.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    tenant: text('tenant').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    jws: text('jws').notNull(),
    /** The Merkle tree's root at `seq` (null for checkpoints signed before the tree existed). */
    root: text('root'),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.seq] })],
);
