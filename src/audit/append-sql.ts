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

// The event's columns and their types, read from the table (event-fields.ts): a column
// added to the table is written without touching these statements. $1 is the batch as one
// JSON array of rows keyed by column (batchJson); the head's parameters follow. One JSON text
// instead of an array per column: the driver escaped every cell of ~40 arrays (jsonb cells
// twice encoded), and its Bind carried 48 parameters. Typed text, so that no driver encodes
// the JSON text once more.
const SQL_TYPE: Record<StoredColumn['type'], string> = {
  text: 'text',
  bigint: 'bigint',
  timestamptz: 'timestamptz',
  boolean: 'boolean',
  jsonb: 'jsonb',
  integer: 'integer',
};
const EVENT_COLUMNS = STORED_COLUMNS.map((c) => c.column).join(', ');
const RECORDS = `json_to_recordset($1::text::json) AS batch(${STORED_COLUMNS.map((c) => `${c.column} ${SQL_TYPE[c.type]}`).join(', ')})`;
const N = 1;
const p = (k: number) => `$${N + k}`;
// The head's new position (seq, hash, time), tree (compact range, from).
const ADVANCE = `seq = ${p(1)}, hash = ${p(2)}, updated_at = ${p(3)}, frontier = ${p(7)}, tree_from = ${p(8)}::text::bigint`;
// Compare-and-set: the head moves, and the batch is inserted, only if the head of the tenant
// is still where this process left it. All of it or none of it.
const CAS_HEAD = `head AS (UPDATE audit_chain_heads SET ${ADVANCE}
    WHERE tenant = ${p(4)} AND seq = ${p(5)} AND hash = ${p(6)} RETURNING 1),
  inserted AS (INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM ${RECORDS} WHERE EXISTS (SELECT 1 FROM head) RETURNING 1)`;
export const CAS_APPEND = `WITH ${CAS_HEAD} SELECT count(*)::int AS n FROM inserted`;
/** The same, and the batch's tree head kept as a checkpoint (six more parameters). */
export const CAS_APPEND_WITH_CHECKPOINT = `WITH ${CAS_HEAD},
  checkpoint AS (INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws, root)
    SELECT ${p(9)}, ${p(10)}::text::bigint, ${p(11)}, ${p(12)}::text::timestamptz, ${p(13)}, ${p(14)} WHERE EXISTS (SELECT 1 FROM head) ON CONFLICT DO NOTHING RETURNING 1)
  SELECT count(*)::int AS n FROM inserted`;
/** The locked path's insert: the whole batch and the head in one statement (the same parameters; the head row is locked). */
export const INSERT_AND_ADVANCE = `WITH inserted AS (INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM ${RECORDS} RETURNING 1)
UPDATE audit_chain_heads SET ${ADVANCE} WHERE tenant = ${p(4)} AND seq = ${p(5)} AND hash = ${p(6)}`;

// each column's name as a JSON key, once
const KEYS = STORED_COLUMNS.map((c, i) => `${i === 0 ? '' : ','}${JSON.stringify(c.column)}:`);

/**
 * The batch as the statements' $1: a JSON array of rows keyed by column, written straight
 * from the rows (dates as ISO strings, jsonb columns as nested JSON, absent as null).
 */
export function batchJson(rows: readonly AuditEventRow[]): string {
  let out = '[';
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    out += r === 0 ? '{' : ',{';
    for (let i = 0; i < STORED_COLUMNS.length; i++)
      out += KEYS[i] + (JSON.stringify(row[STORED_COLUMNS[i]!.field]) ?? 'null');
    out += '}';
  }
  return `${out}]`;
}
