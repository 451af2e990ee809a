/** Somewhere the log is delivered to. `deliver` resolves only once the sink has kept the batch. */
export interface Sink {
  /** Its name in the cursor table, the metrics and the logs. */
  readonly name: string;
  /** What it is, for the operators' status (GET /v1/audit/sinks). */
  readonly kind: 'webhook' | 'directory';
  /** Where it delivers, as an operator may see it: a webhook's origin (never its path, query or credentials); null for a directory. */
  readonly origin: string | null;
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

/**
 * Statuses that say the receiver refuses the batch as sent (bad request, credentials, path,
 * size): retrying soon will not help, but the events are never dropped either, so the
 * deliverer retries at its longest backoff and says so once per status (docs/sinks.md).
 */
export const PERMANENT_REFUSALS: ReadonlySet<number> = new Set([400, 401, 403, 404, 413, 422]);

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; null if absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d{1,7}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
