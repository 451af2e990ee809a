import type { AuditEventRow } from '../db/schema/index.ts';
import { STORED_COLUMNS, type StoredColumn } from './event-fields.ts';

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

// The event's columns and their array casts, read from the table (event-fields.ts): a column
// added to the table is written without touching these statements. $1…$N are the columns;
// the head's parameters follow.
const N = STORED_COLUMNS.length;
const CAST: Record<StoredColumn['type'], string> = {
  text: 'text[]',
  bigint: 'text[]::bigint[]',
  timestamptz: 'text[]::timestamptz[]',
  boolean: 'text[]::boolean[]',
  jsonb: 'text[]::jsonb[]',
  integer: 'text[]::integer[]',
};
const EVENT_COLUMNS = STORED_COLUMNS.map((c) => c.column).join(', ');
const UNNEST = `unnest(${STORED_COLUMNS.map((c, i) => `$${i + 1}::${CAST[c.type]}`).join(', ')})`;
const p = (k: number) => `$${N + k}`;
// The head's new position (seq, hash, time), tree (compact range, from).
const ADVANCE = `seq = ${p(1)}, hash = ${p(2)}, updated_at = ${p(3)}, frontier = ${p(7)}, tree_from = ${p(8)}::text::bigint`;
// Compare-and-set: the head moves, and the batch is inserted, only if the head of the tenant
// is still where this process left it. All of it or none of it.
const CAS_HEAD = `head AS (UPDATE audit_chain_heads SET ${ADVANCE}
    WHERE tenant = ${p(4)} AND seq = ${p(5)} AND hash = ${p(6)} RETURNING 1),
  inserted AS (INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT * FROM ${UNNEST} WHERE EXISTS (SELECT 1 FROM head) RETURNING 1)`;
export const CAS_APPEND = `WITH ${CAS_HEAD} SELECT count(*)::int AS n FROM inserted`;
/** The same, and the batch's tree head kept as a checkpoint (six more parameters). */
export const CAS_APPEND_WITH_CHECKPOINT = `WITH ${CAS_HEAD},
  checkpoint AS (INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws, root)
    SELECT ${p(9)}, ${p(10)}::text::bigint, ${p(11)}, ${p(12)}::text::timestamptz, ${p(13)}, ${p(14)} WHERE EXISTS (SELECT 1 FROM head) ON CONFLICT DO NOTHING RETURNING 1)
  SELECT count(*)::int AS n FROM inserted`;
/** The locked path's insert: the whole batch and the head in one statement (the same parameters; the head row is locked). */
export const INSERT_AND_ADVANCE = `WITH inserted AS (INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT * FROM ${UNNEST} RETURNING 1)
UPDATE audit_chain_heads SET ${ADVANCE} WHERE tenant = ${p(4)} AND seq = ${p(5)} AND hash = ${p(6)}`;

function cell(value: unknown, type: StoredColumn['type']): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  if (type === 'timestamptz') return (value as Date).toISOString();
  return String(value);
}

/** The batch as one array per column, in the statements' order ($1…$N). */
export function columns(rows: readonly AuditEventRow[]): Array<Array<string | null>> {
  return STORED_COLUMNS.map((c) => rows.map((r) => cell(r[c.field], c.type)));
}
