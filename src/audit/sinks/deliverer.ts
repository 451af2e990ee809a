import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../db/client.ts';
import { Outbox } from './outbox.ts';
import { interleave, jsonLines, type SinkRecord } from './records.ts';
import { PERMANENT_REFUSALS, SinkRefused, type Sink } from './sink.ts';

/** What /metrics reads of a deliverer. */
export interface SinkStats {
  delivered: number;
  checkpoints: number;
  batches: number;
  failures: number;
  /** Events committed but not yet acknowledged by the sink (all tenants), at the last look. */
  lagEvents: number;
  /** Age of the oldest of them, seconds. */
  lagSeconds: number;
  /** Cursor moves lost to another replica (its deliveries are duplicates, never gaps). */
  conflicts: number;
  /** When the last failure happened (ms since the epoch), null before any. */
  lastFailureAt: number | null;
  /** Failures that were a permanent refusal (400, 401, 403, 404, 413, 422), by status. */
  refusals: Map<number, number>;
}

export interface DelivererOptions {
  /** Events per delivery, at most. */
  maxBatch?: number;
  /** How often the chain is looked at when nothing woke the deliverer. */
  pollMs?: number;
  /** How long a lease lasts without renewal (another replica takes over after it). */
  leaseMs?: number;
  /** First retry after a failure; doubles up to `maxBackoffMs`, with jitter. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Delivers the chain (events and checkpoints, in order per tenant) to one sink, at least
 * once: a batch is read from the database, delivered, and only then the tenants' cursors
 * move (compare-and-set). A sink that is down holds nothing back but its own cursor: the
 * events wait in the chain, checks go on, and the deliverer retries with exponential
 * backoff and full jitter (or the sink's Retry-After). One replica delivers a sink at a
 * time (a lease in the database); should two ever overlap, the cursor's compare-and-set
 * lets one move it and the other's batch is a duplicate, never a gap.
 */
export class SinkDeliverer {
  readonly stats: SinkStats = {
    delivered: 0,
    checkpoints: 0,
    batches: 0,
    failures: 0,
    lagEvents: 0,
    lagSeconds: 0,
    conflicts: 0,
    lastFailureAt: null,
    refusals: new Map(),
  };
  private readonly outbox: Outbox;
  private readonly holder = randomUUID();
  private readonly stopping = new AbortController();
  private wake: (() => void) | null = null;
  private woken = false;
  private loop: Promise<void> | null = null;
  private attempt = 0;
  /** Permanent statuses already logged since the last delivery that went through. */
  private readonly refusalsLogged = new Set<number>();

  constructor(
    database: DatabaseHandle,
    readonly sink: Sink,
    private readonly logger: Logger,
    private readonly options: DelivererOptions = {},
  ) {
    this.outbox = new Outbox(database, sink.name);
    this.batchLimit = options.maxBatch ?? 500;
  }

  /** Starts delivering in the background. */
  start(): void {
    this.loop ??= this.run();
  }

  /** Events per delivery now: the configured batch, halved while the receiver answers 413. */
  private batchLimit: number;

  /** Looks at the chain now (the writer committed), instead of at the next poll. */
  notify(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Stops after the delivery in flight; lets another replica take the sink at once. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake?.();
    await this.loop;
    await this.outbox.release(this.holder).catch(() => {});
    await this.sink.close?.();
  }

  /**
   * Stops without releasing the lease or closing the sink, as a crash would (tests: the
   * next deliverer waits for the lease to expire and goes on from the stored cursors).
   */
  async abandon(): Promise<void> {
    this.stopping.abort();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      let more = false;
      try {
        more = await this.cycle();
        this.attempt = 0;
        this.refusalsLogged.clear();
        // delivered: grow back toward the configured batch
        this.batchLimit = Math.min(this.options.maxBatch ?? 500, this.batchLimit * 2);
      } catch (err) {
        // too large for the receiver: the same events again in smaller batches, at once (a
        // fixed-size batch refused with 413 would be refused for ever)
        if (err instanceof SinkRefused && err.status === 413 && this.batchLimit > 1) {
          this.batchLimit = Math.max(1, Math.floor(this.batchLimit / 2));
          this.stats.failures++;
          this.stats.lastFailureAt = Date.now();
          continue;
        }
        this.stats.failures++;
        this.stats.lastFailureAt = Date.now();
        this.attempt++;
        const permanent = err instanceof SinkRefused && PERMANENT_REFUSALS.has(err.status);
        const wait = permanent ? this.maxBackoff() : this.backoff(err);
        if (permanent) this.refused(err.status, wait);
        else
          this.logger.warn(
            {
              sink: this.sink.name,
              status: err instanceof SinkRefused ? err.status : undefined,
              err: { type: (err as Error).name, code: (err as { code?: string }).code },
              retryInMs: wait,
              lagEvents: this.stats.lagEvents,
            },
            'sink delivery failed: events kept for a retry',
          );
        await sleep(wait, signal);
        continue;
      }
      if (more || signal.aborted) continue;
      await this.idle();
    }
  }

  /** Waits for a commit or the poll interval. */
  private async idle(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
      timer.unref();
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
    this.woken = false;
  }

  private maxBackoff(): number {
    return this.options.maxBackoffMs ?? 30_000;
  }

  /**
   * A permanent refusal: the receiver is misconfigured (or Sargas is), so retrying soon will
   * not help, yet the events must never be dropped. Counted by status, and logged at error
   * level once per status until a delivery goes through, not at every retry.
   */
  private refused(status: number, retryInMs: number): void {
    this.stats.refusals.set(status, (this.stats.refusals.get(status) ?? 0) + 1);
    if (this.refusalsLogged.has(status)) return;
    this.refusalsLogged.add(status);
    this.logger.error(
      { sink: this.sink.name, status, retryInMs, lagEvents: this.stats.lagEvents },
      'sink refuses the batches: check its configuration; events are kept and retried at the longest backoff',
    );
  }

  /** Full jitter over a doubling ceiling; a Retry-After is honoured as the least wait. */
  private backoff(err: unknown): number {
    const base = this.options.backoffMs ?? 250;
    const cap = this.maxBackoff();
    const ceiling = Math.min(cap, base * 2 ** Math.min(this.attempt - 1, 20));
    const jittered = base / 2 + Math.random() * (ceiling - base / 2);
    const asked = err instanceof SinkRefused ? err.retryAfterMs : null;
    return Math.round(
      asked !== null ? Math.max(Math.min(asked, cap * 10), jittered / 4) : jittered,
    );
  }

  /** One delivery; true when more is waiting. */
  private async cycle(): Promise<boolean> {
    const leaseMs = this.options.leaseMs ?? 30_000;
    if (!(await this.outbox.lease(this.holder, leaseMs))) {
      this.stats.lagEvents = 0; // another replica delivers this sink and reports its lag
      this.stats.lagSeconds = 0;
      return false;
    }
    const behind = await this.outbox.behind();
    const now = Date.now();
    this.stats.lagEvents = behind.reduce((n, b) => n + (b.head - Math.max(b.cursor, b.baseSeq)), 0);
    this.stats.lagSeconds = Math.max(
      0,
      ...behind.map((b) => (b.oldest ? (now - b.oldest.getTime()) / 1000 : 0)),
    );
    if (behind.length === 0) return false;
    const maxBatch = this.batchLimit;
    // every tenant behind gets a share of the batch, so a busy one does not starve the rest
    const share = Math.max(1, Math.floor(maxBatch / behind.length));
    const records: SinkRecord[] = [];
    const moves: Array<{ tenant: string; from: number; to: number; events: number }> = [];
    let more = false;
    for (const b of behind.slice(0, maxBatch)) {
      const from = Math.max(b.cursor, b.baseSeq);
      const events = await this.outbox.events(b.tenant, from, b.head, share);
      const last = events[events.length - 1];
      const to = last ? last.seq : b.head;
      if (to < b.head) more = true;
      const checkpoints = await this.outbox.checkpoints(b.tenant, from, to);
      const tenantRecords = interleave(events, checkpoints);
      this.stats.checkpoints += tenantRecords.length - events.length;
      records.push(...tenantRecords);
      moves.push({ tenant: b.tenant, from: b.cursor, to, events: events.length });
    }
    if (behind.length > maxBatch) more = true;
    if (records.length > 0) await this.sink.deliver(jsonLines(records));
    // acknowledged: only now do the cursors move
    for (const m of moves) {
      if (await this.outbox.advance(m.tenant, m.from, m.to)) this.stats.delivered += m.events;
      else this.stats.conflicts++;
    }
    this.stats.batches++;
    this.stats.lagEvents = Math.max(
      0,
      this.stats.lagEvents - moves.reduce((n, m) => n + m.events, 0),
    );
    if (!more) this.stats.lagSeconds = 0;
    return more;
  }
}
