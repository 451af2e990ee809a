import { DeadlineExceeded, QueueFull } from '../audit/append-errors.ts';
import { isStatementTimeout, StoreUnavailable } from '../db/unavailable.ts';
import { DomainError } from '../errors.ts';

/** Why an audit write did not happen, as the 503's `details.reason`. */
export function failureReason(err: unknown): string {
  if (err instanceof DeadlineExceeded || isStatementTimeout(err)) return 'deadline';
  if (err instanceof QueueFull) return 'queue_full';
  if (err instanceof StoreUnavailable) return err.reason;
  return 'store_error';
}

/**
 * The 503 for an audit write that failed (`what`: "this check", "this review"), with
 * Retry-After. When the store went away with the commit in flight the outcome is unknown:
 * the client is told so, and a retry with the same Idempotency-Key returns the event if it
 * was committed after all (docs/audit.md, outages).
 */
export function auditUnavailable(
  err: unknown,
  what:
    | 'this check'
    | 'this request'
    | 'this review'
    | 'this lookup'
    | 'this change'
    | 'this thread action',
): DomainError {
  const reason = failureReason(err);
  const message =
    reason === 'outcome_unknown'
      ? `The audit store did not confirm ${what}; it may have been recorded: retry with the same Idempotency-Key to learn its outcome.`
      : what === 'this check'
        ? 'The audit store could not record this check; nothing may be sent.'
        : `The audit store is unavailable for ${what}; try again shortly.`;
  // the cause goes with it: the API logs its type and code (never its message)
  return new DomainError(
    'audit_unavailable',
    message,
    { reason },
    { retryAfterSeconds: 1, cause: err },
  );
}

/** `promise`, or DeadlineExceeded once `deadline` (performance.now() ms) passes. */
export async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  const remaining = deadline - performance.now();
  if (remaining <= 0) throw new DeadlineExceeded();
  let timer: NodeJS.Timeout | undefined;
  promise.catch(() => {});
  try {
    return await Promise.race([
      promise,
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new DeadlineExceeded()), remaining)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
