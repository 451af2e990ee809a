/** Somewhere the log is delivered to. `deliver` resolves only once the sink has kept the batch. */
export interface Sink {
  /** Its name in the cursor table, the metrics and the logs. */
  readonly name: string;
  /** Delivers one batch of JSON Lines; throws (SinkRefused or any error) when it was not kept. */
  deliver(body: string): Promise<void>;
  close?(): Promise<void>;
}

/** A sink answered but did not keep the batch (a status other than 2xx). */
export class SinkRefused extends Error {
  constructor(
    readonly status: number,
    /** What the sink asked for (429/503 Retry-After), in milliseconds. */
    readonly retryAfterMs: number | null,
  ) {
    super(`the sink answered ${status}`);
    this.name = 'SinkRefused';
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; null if absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d{1,7}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
