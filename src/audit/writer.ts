import type { SigningKey } from '../auth/keys.ts';
import type { Clock } from '../clock.ts';
import type { StoreAvailability } from '../db/availability.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { AuditEventRow } from '../db/schema/index.ts';
import { isStatementTimeout, isUnavailable, StoreUnavailable } from '../db/unavailable.ts';
import { DeadlineExceeded, QueueFull } from './append-errors.ts';
import { ChainAppender, type Outcome } from './chain-append.ts';
import type { Appended, EventDraft } from './draft.ts';
import type { SignedTreeHead } from './tree-head.ts';
import type { RawQuery } from '../db/client.ts';

export type { Appended, EventDraft } from './draft.ts';

interface Pending {
  draft: EventDraft;
  /** performance.now() milliseconds past which the event is dropped, never written. */
  deadline: number;
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
  /** Events dropped at their deadline, or refused at once while the store was down. */
  expired: number;
  /** Batches split to find the events the database refused (poison isolation). */
  splits: number;
}

/** Called after each committed batch with its size and how long its transaction took. */
export type CommitObserver = (events: number, seconds: number) => void;

/** Without a deadline of its own, an append waits this long at most. */
const DEFAULT_DEADLINE_MS = 10_000;

/**
 * Appends events to the per-tenant hash chains with group commit: events that arrive
 * while an append is running wait and go together in the next one (ChainAppender writes a
 * tenant's batch in one statement). Each caller's promise settles only after its event is
 * committed, or with the reason it was not:
 * - past its deadline it is dropped from the queue, and a batch in flight runs under the
 *   earliest deadline of its events, so nothing is written after its caller gave up;
 * - while the store is known to be down (StoreAvailability) it fails at once;
 * - a batch the database refuses for a reason other than being unreachable is split in
 *   halves until the events it refuses are found: they fail alone, the others commit.
 */
export class AuditWriter {
  readonly stats: WriterStats = {
    batches: 0,
    events: 0,
    failures: 0,
    rejected: 0,
    expired: 0,
    splits: 0,
  };
  private queue: Pending[] = [];
  private inflight = 0;
  private scheduled = false;
  private deadlineTimer: NodeJS.Timeout | null = null;
  private observers: CommitObserver[] = [];
  private readonly chain: ChainAppender;

  constructor(
    database: DatabaseHandle,
    clock: Clock,
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
      /** The store's circuit breaker: told of failures, asked before queueing. */
      availability?: StoreAvailability;
    } = {},
  ) {
    this.chain = new ChainAppender(database, clock, options.checkpoint, (cp) => {
      for (const observe of this.checkpointObservers) observe(cp);
    });
  }

  private checkpointObservers: Array<(cp: SignedTreeHead) => void> = [];

  /** Registers a callback for each checkpoint kept (the witnesses). */
  onCheckpoint(observer: (cp: SignedTreeHead) => void): void {
    this.checkpointObservers.push(observer);
  }

  /**
   * Appends one event together with `action` in one transaction, outside the batches: a
   * review or a policy version is stored with the chain event that covers its content, so
   * neither exists without the other. `action` gets the event as sealed.
   */
  async appendWith(
    draft: EventDraft,
    action: (query: RawQuery, row: AuditEventRow) => Promise<void>,
    options: { deadline?: number } = {},
  ): Promise<Appended> {
    if (this.options.availability && !this.options.availability.up)
      throw new StoreUnavailable('the audit store is down', 'store_down');
    try {
      const outcome = await this.chain.appendWith(
        draft,
        options.deadline ?? performance.now() + DEFAULT_DEADLINE_MS,
        action,
      );
      if ('error' in outcome) throw outcome.error;
      this.stats.events++;
      this.committed(new Set([draft.tenant]));
      return outcome;
    } catch (error) {
      this.chain.forget(draft.tenant);
      this.options.availability?.observe(error);
      throw error;
    }
  }

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

  private commitListeners = new Set<(tenants: ReadonlySet<string>) => void>();

  /**
   * Calls `listener` after every commit of this process, batches and appendWith alike (the
   * sinks' deliverers and the audit stream wake on it) with the tenants it holds; returns
   * what unregisters it.
   */
  onAnyCommit(listener: (tenants: ReadonlySet<string>) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private committed(tenants: ReadonlySet<string>): void {
    for (const listener of this.commitListeners) listener(tenants);
  }

  /** Appends one event; resolves once it is durably committed, before `deadline` (performance.now() ms). */
  append(draft: EventDraft, options: { deadline?: number } = {}): Promise<Appended> {
    return new Promise((resolve, reject) => {
      if (this.options.availability && !this.options.availability.up) {
        this.stats.expired++;
        reject(new StoreUnavailable('the audit store is down', 'store_down'));
        return;
      }
      if (this.queue.length >= (this.options.maxQueue ?? 10_000)) {
        this.stats.rejected++;
        reject(new QueueFull());
        return;
      }
      const deadline = options.deadline ?? performance.now() + DEFAULT_DEADLINE_MS;
      this.queue.push({ draft, deadline, resolve, reject });
      this.armDeadline(deadline);
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

  /** Fails every waiting event (the store went down: they would only wait for their deadline). */
  private failQueued(error: unknown): void {
    const failed = this.queue;
    this.queue = [];
    this.stats.expired += failed.length;
    for (const p of failed) p.reject(error);
  }

  // One timer for the earliest waiting deadline, at most every 10 ms: an event still queued
  // at its deadline is answered then, even while a slow batch holds the writer.
  private armDeadline(deadline: number): void {
    if (this.deadlineTimer) return;
    this.deadlineTimer = setTimeout(
      () => this.expire(),
      Math.max(10, deadline - performance.now()),
    );
    this.deadlineTimer.unref();
  }

  private expire(): void {
    this.deadlineTimer = null;
    const now = performance.now();
    let next = Infinity;
    const kept: Pending[] = [];
    for (const p of this.queue) {
      if (p.deadline <= now) {
        this.stats.expired++;
        p.reject(new DeadlineExceeded());
      } else {
        kept.push(p);
        next = Math.min(next, p.deadline);
      }
    }
    this.queue = kept;
    if (next !== Infinity) this.armDeadline(next);
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
    const outcomes = await this.commit(batch).catch((error: unknown) =>
      batch.map(() => ({ error })),
    );
    // the next batch goes to the database before this one's checks are answered, so its
    // commit overlaps their responses instead of waiting for them
    this.inflight--;
    this.pump();
    const seconds = (performance.now() - started) / 1000;
    let failed = 0;
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if ('error' in o) {
        failed++;
        p.reject(o.error);
      } else p.resolve(o);
    });
    if (failed > 0) this.stats.failures++;
    if (failed < batch.length) {
      this.stats.batches++;
      this.stats.events += batch.length - failed;
      for (const observe of this.observers) observe(batch.length - failed, seconds);
      this.committed(new Set(batch.map((p) => p.draft.tenant)));
    }
  }

  /** Appends a batch, tenant by tenant; each caller learns the outcome of its own event. */
  private async commit(batch: Pending[]): Promise<Outcome[]> {
    const outcomes = new Array<Outcome>(batch.length);
    const byTenant = new Map<string, number[]>();
    batch.forEach((p, i) => {
      const list = byTenant.get(p.draft.tenant);
      if (list) list.push(i);
      else byTenant.set(p.draft.tenant, [i]);
    });
    for (const tenant of [...byTenant.keys()].sort()) {
      const indexes = byTenant.get(tenant) as number[];
      const results = await this.appendIsolating(
        tenant,
        indexes.map((i) => batch[i]!),
      );
      for (const [k, i] of indexes.entries()) outcomes[i] = results[k]!;
    }
    return outcomes;
  }

  /**
   * One tenant's events, all together; if the database refuses them for a reason that is
   * not the store being down or the deadline, in halves, recursively, so that an event the
   * database will not take (whatever it carries) fails alone and the others commit.
   */
  private async appendIsolating(tenant: string, pending: Pending[]): Promise<Outcome[]> {
    const now = performance.now();
    if (pending.some((p) => p.deadline <= now)) {
      // dropped at their deadline, before their batch reached the database
      const live = pending.filter((p) => p.deadline > now);
      this.stats.expired += pending.length - live.length;
      const rest = live.length > 0 ? await this.appendIsolating(tenant, live) : [];
      let k = 0;
      return pending.map((p) =>
        p.deadline > now ? rest[k++]! : { error: new DeadlineExceeded() },
      );
    }
    try {
      return await this.chain.append(
        tenant,
        pending.map((p) => p.draft),
        Math.min(...pending.map((p) => p.deadline)),
      );
    } catch (error) {
      this.chain.forget(tenant);
      if (this.options.availability?.observe(error) ?? isUnavailable(error)) {
        this.failQueued(error);
        return pending.map(() => ({ error }));
      }
      if (pending.length === 1 || error instanceof DeadlineExceeded || isStatementTimeout(error))
        return pending.map(() => ({ error }));
      this.stats.splits++;
      const half = pending.length >> 1;
      const left = await this.appendIsolating(tenant, pending.slice(0, half));
      const right = await this.appendIsolating(tenant, pending.slice(half));
      return [...left, ...right];
    }
  }
}
