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
}

/** Called after each committed batch with its size and how long its transaction took. */
export type CommitObserver = (events: number, seconds: number) => void;

// Takes the tenant's head row lock (creating the row on first use) in one round trip.
const LOCK_HEAD = `INSERT INTO audit_chain_heads (tenant, seq, hash, updated_at) VALUES ($1, 0, $2, $3)
  ON CONFLICT (tenant) DO UPDATE SET tenant = EXCLUDED.tenant RETURNING seq, hash`;
const FIND_KEYS = `SELECT id, idempotency_key FROM audit_events WHERE tenant = $1 AND idempotency_key = ANY($2::text[])`;
// Inserts the whole batch and moves the head in one statement; arrays keep the text constant.
const INSERT_AND_ADVANCE = `WITH inserted AS (
  INSERT INTO audit_events (id, tenant, seq, created_at, type, direction, visibility, platform, decision, would_block, mode,
    policy_version, rules, kinds, findings, actions, locale, agent_id, customer_fp, thread_id, post_id, identity, details,
    linked_event_id, idempotency_key, request_fp, hmac_key_id, prev_hash, hash)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[]::bigint[], $4::text[]::timestamptz[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::text[]::boolean[], $11::text[], $12::text[], $13::text[]::jsonb[], $14::text[]::jsonb[],
    $15::text[]::jsonb[], $16::text[]::jsonb[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[],
    $22::text[]::jsonb[], $23::text[]::jsonb[], $24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[])
  RETURNING 1)
UPDATE audit_chain_heads SET seq = $30, hash = $31, updated_at = $32 WHERE tenant = $33`;
const INSERT_CHECKPOINT = `INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`;

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
 * while a transaction is running wait and go together in the next one, so a busy
 * service makes a few round trips per batch, not per check. Each caller's promise
 * settles only after its batch has committed; if the commit fails, every caller in the
 * batch gets the error (and answers 503), and nothing of the batch is stored.
 */
export class AuditWriter {
  readonly stats: WriterStats = { batches: 0, events: 0, failures: 0 };
  private queue: Pending[] = [];
  private inflight = 0;
  private scheduled = false;
  private observers: CommitObserver[] = [];

  constructor(
    private readonly database: DatabaseHandle,
    private readonly clock: Clock,
    private readonly options: {
      maxBatch?: number;
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
      void this.run(batch).finally(() => {
        this.inflight--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const started = performance.now();
      const results = await this.commit(batch.map((p) => p.draft));
      this.stats.batches++;
      this.stats.events += batch.length;
      const seconds = (performance.now() - started) / 1000;
      for (const observe of this.observers) observe(batch.length, seconds);
      batch.forEach((p, i) => p.resolve(results[i] as Appended));
    } catch (err) {
      this.stats.failures++;
      for (const p of batch) p.reject(err);
    }
  }

  private async commit(drafts: EventDraft[]): Promise<Appended[]> {
    const results = new Array<Appended>(drafts.length);
    const replays = new Map<number, string>(); // draft index -> id of the earlier event
    const byTenant = new Map<string, number[]>();
    drafts.forEach((d, i) => {
      const list = byTenant.get(d.tenant);
      if (list) list.push(i);
      else byTenant.set(d.tenant, [i]);
    });
    // tenants in a fixed order, so two replicas locking several heads cannot deadlock
    const tenants = [...byTenant.keys()].sort();
    await this.database.transaction(async (query) => {
      for (const tenant of tenants) await this.appendTenant(query, tenant, byTenant.get(tenant) as number[], drafts, results, replays);
    });
    if (replays.size > 0) {
      // earlier events are committed and immutable: read them whole after the transaction
      const rows = await this.database.db.select().from(auditEvents).where(inArray(auditEvents.id, [...new Set(replays.values())]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const [i, id] of replays) results[i] = { row: byId.get(id) as AuditEventRow, replayed: true };
    }
    return results;
  }

  private async appendTenant(query: RawQuery, tenant: string, indexes: number[], drafts: EventDraft[], results: Appended[], replays: Map<number, string>): Promise<void> {
    const now = this.clock.now();
    const [head] = await query<{ seq: string | number; hash: string }>(LOCK_HEAD, [tenant, GENESIS_HASH, now.toISOString()]);
    if (!head) throw new Error('audit chain head not returned');
    const keys = indexes.map((i) => drafts[i]!.idempotencyKey).filter((k): k is string => !!k);
    const existing = new Map<string, string>();
    if (keys.length > 0) {
      for (const r of await query<{ id: string; idempotency_key: string }>(FIND_KEYS, [tenant, keys])) existing.set(r.idempotency_key, r.id);
    }
    const startSeq = Number(head.seq);
    let seq = startSeq;
    let prevHash = head.hash;
    const rows: AuditEventRow[] = [];
    const fresh = new Map<string, number>(); // idempotency key -> index in this batch
    for (const i of indexes) {
      const draft = drafts[i]!;
      const key = draft.idempotencyKey;
      const earlier = key ? existing.get(key) : undefined;
      if (earlier) {
        replays.set(i, earlier);
        continue;
      }
      const sameBatch = key ? fresh.get(key) : undefined;
      if (sameBatch !== undefined) {
        results[i] = { row: results[sameBatch]!.row, replayed: true };
        continue;
      }
      seq += 1;
      const unsealed = { ...draft, seq, prevHash };
      const row: AuditEventRow = { ...unsealed, hash: eventHash(unsealed) };
      prevHash = row.hash;
      rows.push(row);
      if (key) fresh.set(key, i);
      results[i] = { row, replayed: false };
    }
    if (rows.length === 0) return;
    await query(INSERT_AND_ADVANCE, [...columns(rows), seq, prevHash, now.toISOString(), tenant]);
    // a signed checkpoint each time the chain passes a multiple of `every`, in the same transaction
    const cp = this.options.checkpoint;
    if (cp && Math.floor(seq / cp.every) > Math.floor(startSeq / cp.every)) {
      const claim = { tenant, seq, hash: prevHash, createdAt: now.toISOString() };
      await query(INSERT_CHECKPOINT, [tenant, seq, prevHash, now.toISOString(), await signCheckpoint(cp.key, claim)]);
    }
  }
}
