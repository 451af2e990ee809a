import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every public key the service has signed receipts, checkpoints and manifests with, kept
 * for good: after the signing key is rotated, what the old key signed must still verify
 * (the chain walk and /.well-known/jwks.json read them from here). Public halves only.
 */
export const serviceKeys = pgTable('service_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').notNull(),
  firstUsedAt: timestamp('first_used_at', { withTimezone: true, mode: 'date' }).notNull(),
});
