import type { AuditEventRow } from '../db/schema/index.ts';

// The audit append's statements. They are constant (batches travel as one array per
// column), so the driver prepares each once per connection (docs/performance.md).

/** Takes the tenant's head row lock, creating the row on first use, in one round trip. */
export const LOCK_HEAD = `INSERT INTO audit_chain_heads (tenant, seq, hash, updated_at) VALUES ($1, 0, $2, $3)
  ON CONFLICT (tenant) DO UPDATE SET tenant = EXCLUDED.tenant RETURNING seq, hash, tree_from, frontier, base_seq, base_frontier`;
export const FIND_KEYS = `SELECT id, idempotency_key FROM audit_events WHERE tenant = $1 AND idempotency_key = ANY($2::text[])`;
export const INSERT_CHECKPOINT = `INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws, root) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`;
export const ENSURE_HEAD = `INSERT INTO audit_chain_heads (tenant, seq, hash, updated_at) VALUES ($1, 0, $2, $3) ON CONFLICT (tenant) DO NOTHING`;
export const HEAD_COLUMNS = 'seq, hash, tree_from, frontier, base_seq, base_frontier';
export const READ_HEAD = `SELECT ${HEAD_COLUMNS} FROM audit_chain_heads WHERE tenant = $1`;
/** The event hashes of a stretch of a tenant's chain, in order (to rebuild a compact range the head does not hold yet). */
export const READ_LEAVES = `SELECT hash FROM audit_events WHERE tenant = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`;

const EVENT_COLUMNS = `id, tenant, seq, created_at, type, direction, visibility, platform, decision, would_block, mode,
    policy_version, rules, kinds, findings, actions, locale, agent_id, customer_fp, thread_id, post_id, identity, details,
    linked_event_id, idempotency_key, request_fp, hmac_key_id, prev_hash, hash, seal`;
const UNNEST = `unnest($1::text[], $2::text[], $3::text[]::bigint[], $4::text[]::timestamptz[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::text[]::boolean[], $11::text[], $12::text[], $13::text[]::jsonb[], $14::text[]::jsonb[],
    $15::text[]::jsonb[], $16::text[]::jsonb[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[],
    $22::text[]::jsonb[], $23::text[]::jsonb[], $24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[], $30::text[])`;
// The head's new position ($31 seq, $32 hash, $33 time), tree ($37 compact range, $38 from).
const ADVANCE = `seq = $31, hash = $32, updated_at = $33, frontier = $37, tree_from = $38::text::bigint`;
// Compare-and-set: the head moves, and the batch is inserted, only if the head of $34 is
// still at ($35, $36). All of it or none of it.
const CAS_HEAD = `head AS (UPDATE audit_chain_heads SET ${ADVANCE}
    WHERE tenant = $34 AND seq = $35 AND hash = $36 RETURNING 1),
  inserted AS (INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT * FROM ${UNNEST} WHERE EXISTS (SELECT 1 FROM head) RETURNING 1)`;
export const CAS_APPEND = `WITH ${CAS_HEAD} SELECT count(*)::int AS n FROM inserted`;
/** The same, and the batch's tree head kept as a checkpoint ($39–$44). */
export const CAS_APPEND_WITH_CHECKPOINT = `WITH ${CAS_HEAD},
  checkpoint AS (INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws, root)
    SELECT $39, $40::text::bigint, $41, $42::text::timestamptz, $43, $44 WHERE EXISTS (SELECT 1 FROM head) ON CONFLICT DO NOTHING RETURNING 1)
  SELECT count(*)::int AS n FROM inserted`;
/** The locked path's insert: the whole batch and the head in one statement (the same parameters; the head row is locked). */
export const INSERT_AND_ADVANCE = `WITH inserted AS (INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT * FROM ${UNNEST} RETURNING 1)
UPDATE audit_chain_heads SET ${ADVANCE} WHERE tenant = $34 AND seq = $35 AND hash = $36`;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The batch as one array per column, in the statements' order ($1–$30). */
export function columns(rows: readonly AuditEventRow[]): Array<Array<string | null>> {
  const pick: Array<(r: AuditEventRow) => string | null> = [
    (r) => r.id, (r) => r.tenant, (r) => String(r.seq), (r) => r.createdAt.toISOString(), (r) => r.type, (r) => r.direction,
    (r) => r.visibility, (r) => r.platform, (r) => r.decision, (r) => String(r.wouldBlock), (r) => r.mode, (r) => r.policyVersion,
    (r) => json(r.rules), (r) => json(r.kinds), (r) => json(r.findings), (r) => json(r.actions), (r) => r.locale, (r) => r.agentId,
    (r) => r.customerFp, (r) => r.threadId, (r) => r.postId, (r) => json(r.identity), (r) => json(r.details), (r) => r.linkedEventId,
    (r) => r.idempotencyKey, (r) => r.requestFp, (r) => r.hmacKeyId, (r) => r.prevHash, (r) => r.hash, (r) => r.seal,
  ];
  return pick.map((f) => rows.map(f));
}
