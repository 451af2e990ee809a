import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import type { SigningKey } from '../auth/keys.ts';
import { auditChainHeads, auditCheckpoints, auditEvents, type AuditEventRow } from '../db/schema/index.ts';
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

/**
 * Appends events to the per-tenant hash chains with group commit: events that arrive
 * while a transaction is running wait and go together in the next one, so a busy
 * service makes one round trip per batch, not per check. Each caller's promise settles
 * only after its batch has committed; if the commit fails, every caller in the batch
 * gets the error (and answers 503), and nothing of the batch is stored.
 */
export class AuditWriter {
  readonly stats: WriterStats = { batches: 0, events: 0, failures: 0 };
  private queue: Pending[] = [];
  private running = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly options: { maxBatch?: number; checkpoint?: { key: SigningKey; every: number } } = {},
  ) {}

  /** Events waiting for a transaction. */
  get pending(): number {
    return this.queue.length;
  }

  /** Whether a transaction is running. */
  get busy(): boolean {
    return this.running;
  }

  /** Appends one event; resolves once it is durably committed. */
  append(draft: EventDraft): Promise<Appended> {
    return new Promise((resolve, reject) => {
      this.queue.push({ draft, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch ?? 500);
      try {
        const results = await this.commit(batch.map((p) => p.draft));
        this.stats.batches++;
        this.stats.events += batch.length;
        batch.forEach((p, i) => p.resolve(results[i] as Appended));
      } catch (err) {
        this.stats.failures++;
        for (const p of batch) p.reject(err);
      }
    }
    this.running = false;
  }

  private async commit(drafts: EventDraft[]): Promise<Appended[]> {
    const results = new Array<Appended>(drafts.length);
    const byTenant = new Map<string, number[]>();
    drafts.forEach((d, i) => {
      const list = byTenant.get(d.tenant);
      if (list) list.push(i);
      else byTenant.set(d.tenant, [i]);
    });
    // tenants in a fixed order, so two replicas locking several heads cannot deadlock
    const tenants = [...byTenant.keys()].sort();
    await this.db.transaction(async (tx) => {
      for (const tenant of tenants) {
        const indexes = byTenant.get(tenant) as number[];
        const now = this.clock.now();
        await tx.insert(auditChainHeads).values({ tenant, seq: 0, hash: GENESIS_HASH, updatedAt: now }).onConflictDoNothing();
        const [head] = await tx.select().from(auditChainHeads).where(eq(auditChainHeads.tenant, tenant)).for('update');
        if (!head) throw new Error('audit chain head missing after insert');
        const keys = indexes.map((i) => drafts[i]!.idempotencyKey).filter((k): k is string => !!k);
        const existing = new Map<string, AuditEventRow>();
        if (keys.length > 0) {
          const rows = await tx.select().from(auditEvents).where(and(eq(auditEvents.tenant, tenant), inArray(auditEvents.idempotencyKey, keys)));
          for (const r of rows) existing.set(r.idempotencyKey as string, r);
        }
        let seq = head.seq;
        let prevHash = head.hash;
        const rows: AuditEventRow[] = [];
        for (const i of indexes) {
          const draft = drafts[i]!;
          const earlier = draft.idempotencyKey ? existing.get(draft.idempotencyKey) : undefined;
          if (earlier) {
            results[i] = { row: earlier, replayed: true };
            continue;
          }
          seq += 1;
          const unsealed = { ...draft, seq, prevHash };
          const row: AuditEventRow = { ...unsealed, hash: eventHash(unsealed) };
          prevHash = row.hash;
          rows.push(row);
          if (draft.idempotencyKey) existing.set(draft.idempotencyKey, row);
          results[i] = { row, replayed: false };
        }
        if (rows.length === 0) continue;
        await tx.insert(auditEvents).values(rows);
        await tx.update(auditChainHeads).set({ seq, hash: prevHash, updatedAt: now }).where(eq(auditChainHeads.tenant, tenant));
        // a signed checkpoint each time the chain passes a multiple of `every`, in the same transaction
        const cp = this.options.checkpoint;
        if (cp && Math.floor(seq / cp.every) > Math.floor(head.seq / cp.every)) {
          const claim = { tenant, seq, hash: prevHash, createdAt: now.toISOString() };
          await tx.insert(auditCheckpoints).values({ tenant, seq, hash: prevHash, createdAt: now, jws: await signCheckpoint(cp.key, claim) }).onConflictDoNothing();
        }
      }
    });
    return results;
  }
}
