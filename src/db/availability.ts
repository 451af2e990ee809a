import { isUnavailable } from './unavailable.ts';

/** How the breaker looks for the store's return. */
export interface AvailabilityOptions {
  /** Between probes while the store is down. */
  probeIntervalMs?: number;
  /** A probe that has not answered by then failed. */
  probeTimeoutMs?: number;
  /** Called when the store goes down or comes back (logs, metrics). */
  onChange?: (up: boolean) => void;
}

/**
 * A circuit breaker over the database. Any call that fails because the store is unreachable
 * opens it; while it is open, checks and audit reads answer 503 at once instead of waiting
 * on a dead connection, and /readyz says not ready. A probe of its own (a connection of its
 * own, so it is not stuck behind the pool's) runs every `probeIntervalMs` and closes it as
 * soon as the store answers again: the first 200 follows within one interval.
 */
export class StoreAvailability {
  private down = false;
  private timer: NodeJS.Timeout | null = null;
  private probing = false;
  private closed = false;
  /** When the store was last seen going down (ms since the epoch), for /readyz. */
  downSince: number | null = null;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly options: AvailabilityOptions = {},
  ) {}

  /** Whether the store is believed reachable. */
  get up(): boolean {
    return !this.down;
  }

  /** Reports an error of any database call; opens the breaker when it means the store is unreachable. Returns whether it did. */
  observe(err: unknown): boolean {
    if (!isUnavailable(err)) return false;
    this.markDown();
    return true;
  }

  /** Opens the breaker and starts probing. */
  markDown(): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.downSince = Date.now();
    this.options.onChange?.(false);
    // the first probe at once: a single dropped connection closes the breaker again quickly
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.probeOnce();
    }, ms);
    this.timer.unref();
  }

  private async probeOnce(): Promise<void> {
    if (this.probing || this.closed || !this.down) return;
    this.probing = true;
    const timeoutMs = this.options.probeTimeoutMs ?? 1000;
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.probe(),
        new Promise((_, reject) => {
          timeout = setTimeout(() => reject(new Error('probe timed out')), timeoutMs);
        }),
      ]);
      this.down = false;
      this.downSince = null;
      this.options.onChange?.(true);
    } catch {
      // still down
    } finally {
      clearTimeout(timeout);
      this.probing = false;
      if (this.down) this.schedule(this.options.probeIntervalMs ?? 200);
    }
  }

  /** Stops probing (shutdown). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
