import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors.ts';
import { validationError } from './errors.ts';

/** Reads a JSON body: 415 unless it is JSON, 400 if it does not parse or validate. Returns the raw text too. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<{ data: z.infer<S>; raw: string }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(type)) throw new ApiError('unsupported_media_type', 'Send the body as application/json.');
  const raw = await c.req.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError('invalid_request', 'The body is not valid JSON.');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw validationError(result.error);
  return { data: result.data, raw };
}
