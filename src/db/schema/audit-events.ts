import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The append-only audit log: one row per decision (and per override, review, policy
 * change, purge, lookup). What each column is for — hashed, shown, exported — is in
 * src/audit/event-fields.ts. Holds what was decided and why — kinds, spans, masked
 * previews, keyed fingerprints — never the raw text or values. Rows form a per-tenant
 * hash chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    tenant: text('tenant').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    type: text('type').notNull(),
    direction: text('direction'),
    visibility: text('visibility'),
    platform: text('platform'),
    decision: text('decision'),
    wouldBlock: boolean('would_block').notNull().default(false),
    mode: text('mode'),
    policyVersion: text('policy_version'),
    rules: jsonb('rules').$type<string[]>().notNull(),
    kinds: jsonb('kinds').$type<string[]>().notNull(),
    findings: jsonb('findings').$type<unknown[]>().notNull(),
    actions: jsonb('actions').$type<string[]>().notNull(),
    locale: text('locale'),
    agentId: text('agent_id'),
    customerFp: text('customer_fp'),
    threadId: text('thread_id'),
    postId: text('post_id'),
    identity: jsonb('identity').$type<Record<string, unknown>>(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    linkedEventId: text('linked_event_id'),
    idempotencyKey: text('idempotency_key'),
    requestFp: text('request_fp'),
    hmacKeyId: text('hmac_key_id').notNull(),
    /** Which fields the hash covers (src/audit/event-fields.ts): events written before a field was added keep their version. */
    hashVersion: integer('hash_version').notNull().default(1),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * On the last event of each committed batch: the signed tree head at this event (a
     * compact JWS, see src/audit/tree-head.ts). It signs the hash, so the hash cannot cover it.
     */
    seal: text('seal'),
  },
  (t) => [
    uniqueIndex('audit_events_tenant_seq').on(t.tenant, t.seq),
    uniqueIndex('audit_events_tenant_idempotency').on(t.tenant, t.idempotencyKey),
    index('audit_events_tenant_created').on(t.tenant, t.createdAt),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
