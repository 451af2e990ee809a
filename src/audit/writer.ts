import { inArray } from 'drizzle-orm';
import type { SigningKey } from '../auth/keys.ts';
import type { Clock } from '../clock.ts';
import type { DatabaseHandle, RawQuery } from '../db/client.ts';
import { auditEvents, type AuditEventRow } from '../db/schema/index.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';
import { signCheckpoint } from './checkpoint.ts';

/** An event before the chain gives it its place: everything but seq and hashes. */
export type EventDraft = Omit<AuditEventRow, 'seq' | 'prevHash' | 'hash'>;

/** A committed event; `replayed` when an earlier event with the same idempotency key was returned instead. */
export interface Appended {
  row: AuditEventRow;
  replayed: boolean;
}

interface Pending {
  draft: EventDraft;
  resolve(result: Appended): void;
  reject(err: unknown): void;
}

/** Counters for /metrics. */
export interface WriterStats {
  batches: number;
  events: number;
  failures: number;
  /** Appends refused because the queue was full. */
  rejected: number;
}

/** Called after each committed batch with its size and how long its transaction took. */
export type CommitObserver = (events: number, seconds: number) => void;

// The statements are constant (batches travel as one array per column), so the driver
// prepares each once per connection.
// Takes the tenant's head row lock (creating the row on first use) in one round trip.
const LOCK_HEAD = `INSERT INTO audit_chain_heads (tenant, seq, hash, updated_at) VALUES ($1, 0, $2, $3)
  ON CONFLICT (tenant) DO UPDATE SET tenant = EXCLUDED.tenant RETURNING seq, hash`;
const FIND_KEYS = `SELECT id, idempotency_key FROM audit_events WHERE tenant = $1 AND idempotency_key = ANY($2::text[])`;
const INSERT_CHECKPOINT = `INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`;
const ENSURE_HEAD = `INSERT INTO audit_chain_heads (tenant, seq, hash, updated_at) VALUES ($1, 0, $2, $3) ON CONFLICT (tenant) DO NOTHING`;
const READ_HEAD = `SELECT seq, hash FROM audit_chain_heads WHERE tenant = $1`;
const EVENT_COLUMNS = `id, tenant, seq, created_at, type, direction, visibility, platform, decision, would_block, mode,
    policy_version, rules, kinds, findings, actions, locale, agent_id, customer_fp, thread_id, post_id, identity, details,
    linked_event_id, idempotency_key, request_fp, hmac_key_id, prev_hash, hash`;
const UNNEST = `unnest($1::text[], $2::text[], $3::text[]::bigint[], $4::text[]::timestamptz[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::text[]::boolean[], $11::text[], $12::text[], $13::text[]::jsonb[], $14::text[]::jsonb[],
    $15::text[]::jsonb[], $16::text[]::jsonb[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[],
    $22::text[]::jsonb[], $23::text[]::jsonb[], $24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[])`;
// Compare-and-set: the head moves, and the batch is inserted, only if the head is still at
// ($34, $35). One autocommitted statement: all of it or none of it.
const CAS_HEAD = `head AS (UPDATE audit_chain_heads SET seq = $30, hash = $31, updated_at = $32
    WHERE tenant = $33 AND seq = $34 AND hash = $35 RETURNING 1),
  inserted AS (INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT * FROM ${UNNEST} WHERE EXISTS (SELECT 1 FROM head) RETURNING 1)`;
const CAS_APPEND = `WITH ${CAS_HEAD} SELECT count(*)::int AS n FROM inserted`;
const CAS_APPEND_WITH_CHECKPOINT = `WITH ${CAS_HEAD},
  checkpoint AS (INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws)
    SELECT $36, $37::text::bigint, $38, $39::text::timestamptz, $40 WHERE EXISTS (SELECT 1 FROM head) ON CONFLICT DO NOTHING RETURNING 1)
  SELECT count(*)::int AS n FROM inserted`;

interface Head {
  seq: number;
  hash: string;
}
type SealedResult = Appended | { replayOf: string };
// The locked path's insert: the whole batch and the head in one statement.
const INSERT_AND_ADVANCE = `WITH inserted AS (INSERT INTO audit_events (${EVENT_COLUMNS}) SELECT * FROM ${UNNEST} RETURNING 1)
UPDATE audit_chain_heads SET seq = $30, hash = $31, updated_at = $32 WHERE tenant = $33`;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The batch as one array per column, in INSERT_AND_ADVANCE's order. */
function columns(rows: readonly AuditEventRow[]): Array<Array<string | null>> {
  const pick: Array<(r: AuditEventRow) => string | null> = [
    (r) => r.id, (r) => r.tenant, (r) => String(r.seq), (r) => r.createdAt.toISOString(), (r) => r.type, (r) => r.direction,
    (r) => r.visibility, (r) => r.platform, (r) => r.decision, (r) => String(r.wouldBlock), (r) => r.mode, (r) => r.policyVersion,
    (r) => json(r.rules), (r) => json(r.kinds), (r) => json(r.findings), (r) => json(r.actions), (r) => r.locale, (r) => r.agentId,
    (r) => r.customerFp, (r) => r.threadId, (r) => r.postId, (r) => json(r.identity), (r) => json(r.details), (r) => r.linkedEventId,
    (r) => r.idempotencyKey, (r) => r.requestFp, (r) => r.hmacKeyId, (r) => r.prevHash, (r) => r.hash,
  ];
  return pick.map((f) => rows.map(f));
}

/**
 * Appends events to the per-tenant hash chains with group commit: events that arrive
 * while an append is running wait and go together in the next one. A tenant's batch is
 * normally one statement (compare-and-set on the chain head, see appendTenant), so a busy
 * service makes one round trip per batch. Each caller's promise settles only after its
 * events are committed; if the append fails, every caller of that tenant's batch gets the
 * error (and answers 503), and nothing of it is stored.
 */
export class AuditWriter {
  readonly stats: WriterStats = { batches: 0, events: 0, failures: 0, rejected: 0 };
  private queue: Pending[] = [];
  /** Where this process last left each tenant's head (the optimistic append's expectation). */
  private heads = new Map<string, Head>();
  private inflight = 0;
  private scheduled = false;
  private observers: CommitObserver[] = [];

  constructor(
    private readonly database: DatabaseHandle,
    private readonly clock: Clock,
    private readonly options: {
      maxBatch?: number;
      /**
       * Events allowed to wait at once. Past it an append fails at once (the check answers
       * 503) instead of queueing without bound while the database is slow or down.
       */
      maxQueue?: number;
      /**
       * Transactions in flight at once. A second one prepares its batch and waits on the
       * tenant's head lock while the first commits, so the lock is handed over at once.
       * Order and gaplessness still come from the lock (PGlite has one connection anyway).
       */
      concurrency?: number;
      checkpoint?: { key: SigningKey; every: number };
    } = {},
  ) {}

  /** Events waiting for a transaction. */
  get pending(): number {
    return this.queue.length;
  }

  /** Whether a transaction is running. */
  get busy(): boolean {
    return this.inflight > 0;
  }

  /** Registers a callback for committed batches (metrics). */
  onCommit(observer: CommitObserver): void {
    this.observers.push(observer);
  }

  /** Appends one event; resolves once it is durably committed. */
  append(draft: EventDraft): Promise<Appended> {
    return new Promise((resolve, reject) => {
      if (this.queue.length >= (this.options.maxQueue ?? 10_000)) {
        this.stats.rejected++;
        reject(new Error('audit queue full'));
        return;
      }
      this.queue.push({ draft, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // let the checks that arrive in the same turn of the event loop join the batch
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inflight < (this.options.concurrency ?? 1)) {
      const batch = this.queue.splice(0, this.options.maxBatch ?? 500);
      this.inflight++;
      void this.run(batch);
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    const started = performance.now();
    const outcomes = await this.commit(batch.map((p) => p.draft)).catch((error: unknown) => batch.map(() => ({ error })));
    // the next batch goes to the database before this one's checks are answered, so its
    // commit overlaps their responses instead of waiting for them
    this.inflight--;
    this.pump();
    const seconds = (performance.now() - started) / 1000;
    let failed = false;
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if ('error' in o) {
        failed = true;
        p.reject(o.error);
      } else p.resolve(o);
    });
    if (failed) this.stats.failures++;
    else {
      this.stats.batches++;
      this.stats.events += batch.length;
      for (const observe of this.observers) observe(batch.length, seconds);
    }
  }

  /**
   * Appends a batch, tenant by tenant; each tenant's events are stored atomically or not at
   * all, and each caller learns the outcome of its own tenant's append.
   */
  private async commit(drafts: EventDraft[]): Promise<Array<Appended | { error: unknown }>> {
    const outcomes = new Array<Appended | { error: unknown }>(drafts.length);
    const byTenant = new Map<string, number[]>();
    drafts.forEach((d, i) => {
      const list = byTenant.get(d.tenant);
      if (list) list.push(i);
      else byTenant.set(d.tenant, [i]);
    });
    for (const tenant of [...byTenant.keys()].sort()) {
      const indexes = byTenant.get(tenant) as number[];
      try {
        const sealed = await this.appendTenant(tenant, indexes.map((i) => drafts[i]!));
        for (const [k, i] of indexes.entries()) outcomes[i] = sealed[k]!;
      } catch (error) {
        this.heads.delete(tenant);
        for (const i of indexes) outcomes[i] = { error };
      }
    }
    return outcomes;
  }

  /**
   * One tenant's events. First optimistically, in a single statement that moves the head
   * only if it is still where this process last left it (compare-and-set; one round trip,
   * no explicit transaction); when another replica moved it, the head is re-read and the
   * batch re-sealed; after a few lost races, the head row is locked FOR UPDATE instead.
   */
  private async appendTenant(tenant: string, drafts: EventDraft[]): Promise<Appended[]> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const head = this.heads.get(tenant) ?? (await this.readHead(tenant));
      const existing = await this.existingKeys(this.database.query, tenant, drafts);
      const sealed = this.seal(tenant, drafts, head, existing);
      if (sealed.rows.length === 0) return this.withReplays(sealed.results);
      const now = this.clock.now();
      const cp = this.checkpointFor(tenant, head.seq, sealed.seq, sealed.hash, now);
      const params = [...columns(sealed.rows), sealed.seq, sealed.hash, now.toISOString(), tenant, head.seq, head.hash, ...(cp ?? [])];
      const [r] = await this.database.query<{ n: number | string }>(cp ? CAS_APPEND_WITH_CHECKPOINT : CAS_APPEND, params);
      if (Number(r?.n ?? 0) === sealed.rows.length) {
        this.heads.set(tenant, { seq: sealed.seq, hash: sealed.hash });
        return this.withReplays(sealed.results);
      }
      this.heads.delete(tenant); // another replica appended first
    }
    let results: SealedResult[] = [];
    await this.database.transaction(async (query) => {
      const now = this.clock.now();
      const [row] = await query<{ seq: string | number; hash: string }>(LOCK_HEAD, [tenant, GENESIS_HASH, now.toISOString()]);
      if (!row) throw new Error('audit chain head not returned');
      const head = { seq: Number(row.seq), hash: row.hash };
      const sealed = this.seal(tenant, drafts, head, await this.existingKeys(query, tenant, drafts));
      results = sealed.results;
      if (sealed.rows.length === 0) return;
      await query(INSERT_AND_ADVANCE, [...columns(sealed.rows), sealed.seq, sealed.hash, now.toISOString(), tenant]);
      const cp = this.checkpointFor(tenant, head.seq, sealed.seq, sealed.hash, now);
      if (cp) await query(INSERT_CHECKPOINT, cp);
      this.heads.set(tenant, { seq: sealed.seq, hash: sealed.hash });
    });
    return this.withReplays(results);
  }

  /** The tenant's head as stored, creating it on first use. */
  private async readHead(tenant: string): Promise<Head> {
    await this.database.query(ENSURE_HEAD, [tenant, GENESIS_HASH, this.clock.now().toISOString()]);
    const [row] = await this.database.query<{ seq: string | number; hash: string }>(READ_HEAD, [tenant]);
    if (!row) throw new Error('audit chain head missing');
    return { seq: Number(row.seq), hash: row.hash };
  }

  private async existingKeys(query: RawQuery, tenant: string, drafts: EventDraft[]): Promise<Map<string, string>> {
    const keys = drafts.map((d) => d.idempotencyKey).filter((k): k is string => !!k);
    const existing = new Map<string, string>();
    if (keys.length > 0) for (const r of await query<{ id: string; idempotency_key: string }>(FIND_KEYS, [tenant, keys])) existing.set(r.idempotency_key, r.id);
    return existing;
  }

  /** Gives each new event its place after `head`; retries of stored or same-batch keys point at the earlier event. */
  private seal(tenant: string, drafts: EventDraft[], head: Head, existing: Map<string, string>) {
    let seq = head.seq;
    let hash = head.hash;
    const rows: AuditEventRow[] = [];
    const results: SealedResult[] = [];
    const fresh = new Map<string, AuditEventRow>();
    for (const draft of drafts) {
      if (draft.tenant !== tenant) throw new Error('draft of another tenant');
      const key = draft.idempotencyKey;
      const earlier = key ? existing.get(key) : undefined;
      if (earlier) {
        results.push({ replayOf: earlier });
        continue;
      }
      const sameBatch = key ? fresh.get(key) : undefined;
      if (sameBatch) {
        results.push({ row: sameBatch, replayed: true });
        continue;
      }
      seq += 1;
      const unsealed = { ...draft, seq, prevHash: hash };
      const row: AuditEventRow = { ...unsealed, hash: eventHash(unsealed) };
      hash = row.hash;
      rows.push(row);
      if (key) fresh.set(key, row);
      results.push({ row, replayed: false });
    }
    return { rows, results, seq, hash };
  }

  /** Parameters of a signed checkpoint when the chain passes a multiple of `every`, else null. */
  private checkpointFor(tenant: string, from: number, seq: number, hash: string, now: Date): unknown[] | null {
    const cp = this.options.checkpoint;
    if (!cp || Math.floor(seq / cp.every) <= Math.floor(from / cp.every)) return null;
    return [tenant, seq, hash, now.toISOString(), signCheckpoint(cp.key, { tenant, seq, hash, createdAt: now.toISOString() })];
  }

  /** Earlier events returned for retried keys are committed and immutable: read them whole. */
  private async withReplays(results: SealedResult[]): Promise<Appended[]> {
    const ids = results.flatMap((r) => ('replayOf' in r ? [r.replayOf] : []));
    if (ids.length === 0) return results as Appended[];
    const rows = await this.database.db.select().from(auditEvents).where(inArray(auditEvents.id, [...new Set(ids)]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return results.map((r) => ('replayOf' in r ? { row: byId.get(r.replayOf) as AuditEventRow, replayed: true } : r));
  }
}
