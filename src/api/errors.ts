import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { DomainError, type ErrorCode } from '../errors.ts';
import type { AppEnv } from './env.ts';

/** The HTTP status of each error code: here and nowhere else. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  idempotency_conflict: 409,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  audit_unavailable: 503,
  not_ready: 503,
} as const satisfies Record<ErrorCode, number>;

/** An error raised by the API layer itself (a bad body, a missing scope); the same shape as the service's. */
export class ApiError extends DomainError {}

/** The one JSON error shape of the API, for any DomainError. */
export function errorResponse(c: Context<AppEnv>, err: DomainError): Response {
  if (err.retryAfterSeconds !== undefined) c.header('retry-after', String(err.retryAfterSeconds));
  if (err.cause !== undefined) {
    // the cause's type and code, for the on-call engineer; never its message, which could carry parameters
    const cause = err.cause as { name?: unknown; code?: unknown };
    c.get('log')?.warn(
      {
        code: err.code,
        cause: {
          type: typeof cause?.name === 'string' ? cause.name : typeof err.cause,
          code: typeof cause?.code === 'string' ? cause.code : undefined,
        },
      },
      'request failed',
    );
  }
  return c.json(
    {
      error: {
        code: err.code,
        message: err.message,
        requestId: c.get('requestId') ?? null,
        ...(err.details !== undefined ? { details: err.details } : {}),
      },
    },
    ERROR_STATUS[err.code],
  );
}

type Issue = ZodError['issues'][number];

/**
 * What went wrong, in words that never carry the input: zod's messages for these codes
 * describe the expected shape only; an unknown member's name is the caller's input (it
 * could be an IBAN sent as a key), so it is never repeated.
 */
function describe(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? 'holds a member that is not accepted'
        : `holds ${issue.keys.length} members that are not accepted`;
    case 'invalid_key':
      return 'holds a member name that is not accepted';
    case 'invalid_element':
      return 'holds a value that is not accepted';
    case 'invalid_type':
    case 'invalid_value':
    case 'too_big':
    case 'too_small':
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_union':
    case 'custom':
      return issue.message;
    default:
      return 'is not accepted';
  }
}

/** A 400 naming the failing fields: the path (schema member names and indexes) and what is wrong, never the values. */
export function validationError(error: ZodError): ApiError {
  const details = error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(body)',
    message: describe(i),
  }));
  const first = details[0];
  return new ApiError(
    'invalid_request',
    first ? `${first.field}: ${first.message}` : 'The request is invalid.',
    details,
  );
}
