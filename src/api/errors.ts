import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './env.ts';

/** The one JSON error shape of the API. */
export function errorResponse(c: Context<AppEnv>, err: ApiError): Response {
  return c.json(
    { error: { code: err.code, message: err.message, requestId: c.get('requestId') ?? null, ...(err.details !== undefined ? { details: err.details } : {}) } },
    err.status,
  );
}

/** A 400 naming the failing fields; zod's messages are about shape, never the values. */
export function validationError(error: ZodError): ApiError {
  const details = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  const first = details[0];
  return new ApiError('invalid_request', first ? `${first.field}: ${first.message}` : 'The request is invalid.', details);
}
