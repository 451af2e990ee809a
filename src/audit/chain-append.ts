import { inArray } from 'drizzle-orm';
import type { SigningKey } from '../auth/keys.ts';
import type { Clock } from '../clock.ts';
import type { DatabaseHandle, RawQuery } from '../db/client.ts';
import { auditEvents, type AuditEventRow } from '../db/schema/index.ts';
import { StoreUnavailable } from '../db/unavailable.ts';
import { DeadlineExceeded } from './append-errors.ts';
import {
  CAS_APPEND, CAS_APPEND_WITH_CHECKPOINT, columns, ENSURE_HEAD, FIND_KEYS, INSERT_AND_ADVANCE, INSERT_CHECKPOINT, LOCK_HEAD, READ_HEAD,
} from './append-sql.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';
import { signCheckpoint } from './checkpoint.ts';
import { storedForm } from './stored-form.ts';
import type { Appended, EventDraft } from './writer.ts';

interface Head {
  seq: number;
  hash: string;
}
/** One draft's outcome: committed (or an earlier event replayed), or refused on its own. */
export type Outcome = Appended | { error: unknown };
type Sealed = Outcome | { replayOf: string };

/**
 * How long after a statement's own timeout the client stops waiting for the server's answer.
 * PostgreSQL cancels the statement at its timeout; an answer that has not come by then plus
 * this margin is lost with its connection, and the outcome is unknown (docs/audit.md).
 */
const ANSWER_GRACE_MS = 1000;

/**
 * Appends one tenant's batch to its hash chain, all or nothing. First optimistically: the
 * head moves only if it is still where this process last left it (compare-and-set, one
 * statement); when another replica moved it, the head is re-read and the batch re-sealed;
 * after a few lost races the head row is locked FOR UPDATE instead. Every attempt runs
 * under the batch's deadline (see DatabaseHandle.transaction).
 */
export class ChainAppender {
  /** Where this process last left each tenant's head (the optimistic append's expectation). */
  private heads = new Map<string, Head>();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly clock: Clock,
    private readonly checkpoint: { key: SigningKey; every: number } | undefined,
  ) {}

  /** Forgets a tenant's head (after a failure: the next append reads it again). */
  forget(tenant: string): void {
    this.heads.delete(tenant);
  }

  /** Appends `drafts` of `tenant` before `deadline` (performance.now() milliseconds). */
  async append(tenant: string, drafts: EventDraft[], deadline: number): Promise<Outcome[]> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const done = await this.within(deadline, async (query) => {
        const head = this.heads.get(tenant) ?? (await this.readHead(query, tenant));
        const sealed = this.seal(tenant, drafts, head, await this.existingKeys(query, tenant, drafts));
        if (sealed.rows.length === 0) return { sealed, head: null };
        const now = this.clock.now();
        const cp = this.checkpointFor(tenant, head.seq, sealed.seq, sealed.hash, now);
        const params = [...columns(sealed.rows), sealed.seq, sealed.hash, now.toISOString(), tenant, head.seq, head.hash, ...(cp ?? [])];
        const [r] = await query<{ n: number | string }>(cp ? CAS_APPEND_WITH_CHECKPOINT : CAS_APPEND, params);
        return Number(r?.n ?? 0) === sealed.rows.length ? { sealed, head: { seq: sealed.seq, hash: sealed.hash } } : null;
      });
      if (done) {
        if (done.head) this.heads.set(tenant, done.head);
        return this.withReplays(done.sealed.results);
      }
      this.heads.delete(tenant); // another replica appended first
    }
    const done = await this.within(deadline, (query) => this.appendLocked(query, tenant, drafts));
    this.heads.set(tenant, done.head);
    return this.withReplays(done.results);
  }

  /** The head row locked FOR UPDATE, the batch inserted and the head moved in one transaction. */
  private async appendLocked(query: RawQuery, tenant: string, drafts: EventDraft[]) {
    const now = this.clock.now();
    const [row] = await query<{ seq: string | number; hash: string }>(LOCK_HEAD, [tenant, GENESIS_HASH, now.toISOString()]);
    if (!row) throw new Error('audit chain head not returned');
    const head = { seq: Number(row.seq), hash: row.hash };
    const sealed = this.seal(tenant, drafts, head, await this.existingKeys(query, tenant, drafts));
    if (sealed.rows.length === 0) return { results: sealed.results, head };
    await query(INSERT_AND_ADVANCE, [...columns(sealed.rows), sealed.seq, sealed.hash, now.toISOString(), tenant]);
    const cp = this.checkpointFor(tenant, head.seq, sealed.seq, sealed.hash, now);
    if (cp) await query(INSERT_CHECKPOINT, cp);
    return { results: sealed.results, head: { seq: sealed.seq, hash: sealed.hash } };
  }

  /**
   * Runs `fn` in a transaction that does not outlive `deadline`. If the transaction has not
   * started by then (a pool connection still busy, say), the caller is answered at once and
   * the transaction, when it starts, stops before writing anything. Once started, on
   * PostgreSQL the server cancels its statements at the deadline (so nothing commits after
   * the caller was answered 503), and the client stops waiting a grace period later (the
   * connection was lost: the outcome is unknown). PGlite runs in-process and commits or not
   * within moments: its answer is awaited.
   */
  private within<T>(deadline: number, fn: (query: RawQuery) => Promise<T>): Promise<T> {
    if (deadline <= performance.now()) return Promise.reject(new DeadlineExceeded());
    let started = false;
    let abandoned = false;
    const work = this.database.transaction(
      (query) => {
        if (abandoned || deadline <= performance.now()) throw new DeadlineExceeded();
        started = true;
        return fn(query);
      },
      { deadline },
    );
    return new Promise<T>((resolve, reject) => {
      let grace: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        if (!started) {
          abandoned = true;
          reject(new DeadlineExceeded());
        } else if (this.database.driver === 'postgres') {
          grace = setTimeout(() => reject(new StoreUnavailable('no answer from the database: the outcome is unknown', 'outcome_unknown')), ANSWER_GRACE_MS);
        }
      }, deadline - performance.now());
      work.then(resolve, reject).finally(() => {
        clearTimeout(timer);
        clearTimeout(grace);
      });
    });
  }

  /** The tenant's head as stored, creating it on first use. */
  private async readHead(query: RawQuery, tenant: string): Promise<Head> {
    await query(ENSURE_HEAD, [tenant, GENESIS_HASH, this.clock.now().toISOString()]);
    const [row] = await query<{ seq: string | number; hash: string }>(READ_HEAD, [tenant]);
    if (!row) throw new Error('audit chain head missing');
    return { seq: Number(row.seq), hash: row.hash };
  }

  private async existingKeys(query: RawQuery, tenant: string, drafts: EventDraft[]): Promise<Map<string, string>> {
    const keys = drafts.map((d) => d.idempotencyKey).filter((k): k is string => !!k);
    const existing = new Map<string, string>();
    if (keys.length > 0) for (const r of await query<{ id: string; idempotency_key: string }>(FIND_KEYS, [tenant, keys])) existing.set(r.idempotency_key, r.id);
    return existing;
  }

  /**
   * Gives each new event its place after `head`, hashed in the form the database will give
   * back (storedForm); a draft that could not be stored as it is fails alone, before the
   * database sees it. Retries of stored or same-batch keys point at the earlier event.
   */
  private seal(tenant: string, drafts: EventDraft[], head: Head, existing: Map<string, string>) {
    let seq = head.seq;
    let hash = head.hash;
    const rows: AuditEventRow[] = [];
    const results: Sealed[] = [];
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
      let stored: EventDraft;
      try {
        stored = storedForm(draft);
      } catch (error) {
        results.push({ error });
        continue;
      }
      seq += 1;
      const unsealed = { ...stored, seq, prevHash: hash };
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
    const cp = this.checkpoint;
    if (!cp || Math.floor(seq / cp.every) <= Math.floor(from / cp.every)) return null;
    return [tenant, seq, hash, now.toISOString(), signCheckpoint(cp.key, { tenant, seq, hash, createdAt: now.toISOString() })];
  }

  /** Earlier events returned for retried keys are committed and immutable: read them whole. */
  private async withReplays(results: Sealed[]): Promise<Outcome[]> {
    const ids = results.flatMap((r) => ('replayOf' in r ? [r.replayOf] : []));
    if (ids.length === 0) return results as Outcome[];
    const rows = await this.database.db.select().from(auditEvents).where(inArray(auditEvents.id, [...new Set(ids)]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return results.map((r) => ('replayOf' in r ? { row: byId.get(r.replayOf) as AuditEventRow, replayed: true } : r));
  }
}
