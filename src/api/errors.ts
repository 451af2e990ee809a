import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './env.ts';

/** The one JSON error shape of the API. */
export function errorResponse(c: Context<AppEnv>, err: ApiError): Response {
  if (err.retryAfterSeconds !== undefined) c.header('retry-after', String(err.retryAfterSeconds));
  return c.json(
    { error: { code: err.code, message: err.message, requestId: c.get('requestId') ?? null, ...(err.details !== undefined ? { details: err.details } : {}) } },
    err.status,
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
      return issue.keys.length === 1 ? 'holds a member that is not accepted' : `holds ${issue.keys.length} members that are not accepted`;
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
  const details = error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: describe(i) }));
  const first = details[0];
  return new ApiError('invalid_request', first ? `${first.field}: ${first.message}` : 'The request is invalid.', details);
}
