/** The stable codes of what can go wrong, as callers `switch (err.code)` on them. The API maps each to one HTTP status (src/api/errors.ts). */
export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'idempotency_conflict',
  'conflict',
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'audit_unavailable',
  'not_ready',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error of the service's own, with a stable `code`, a message written by us that never
 * echoes the request's text, optional details (fields, reasons) and the `cause` it came from
 * (logged by the API by its type, never sent). Knows nothing of HTTP.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** When trying again makes sense (429, 503: the API sends it as `Retry-After`). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details?: unknown,
    options: { retryAfterSeconds?: number | undefined; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
