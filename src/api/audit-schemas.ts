import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from './errors.ts';
import { isoDate, safeText } from '../validation/text.ts';
import type { AppEnv } from './env.ts';
import { validationError } from './errors.ts';

/** Filters of the events list, the export and the summary: every one bounded, none reaching SQL unchecked. */
export const filterSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  decision: z.enum(['allow', 'warn', 'block']).optional(),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'a kind: built-in, or the name of a custom kind')
    .optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  visibility: z.enum(['public', 'private']).optional(),
  agent: safeText({ max: 256 }).optional(),
  rule: safeText({ max: 64 }).optional(),
  platform: safeText({ max: 64 }).optional(),
  thread: safeText({ max: 256 }).optional(),
  type: z
    .enum([
      'check',
      'override',
      'policy_change',
      'purge',
      'lookup',
      'review',
      'thread_action',
      'care_alert',
    ])
    .optional(),
  fingerprint: z
    .string()
    .regex(
      /^[\w-]{22}(,[\w-]{22}){0,15}$/,
      'one to 16 fingerprints of 22 characters, comma-separated',
    )
    .transform((v) => v.split(','))
    .optional(),
});

/** A chain position as a parameter: a whole number PostgreSQL's bigint and JavaScript both hold exactly. */
export const chainPosition = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const listSchema = filterSchema.extend({
  cursor: safeText({ max: 100 }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const exportSchema = filterSchema.extend({
  format: z.enum(['csv', 'jsonl']).default('jsonl'),
  through: chainPosition.optional(),
});
export const purgeSchema = z.strictObject({
  olderThanDays: z.number().int().min(1).max(3650).optional(),
});
export const lookupSchema = z
  .strictObject({
    text: safeText({ min: 1, max: 2000, multiline: true }).optional(),
    customerId: safeText({ min: 1, max: 256 }).optional(),
  })
  .refine((q) => q.text !== undefined || q.customerId !== undefined, {
    message: 'give text, customerId or both',
    path: ['text'],
  });
export const overrideSchema = z.strictObject({
  justification: safeText({ max: 2000, multiline: true }).pipe(
    z.string().trim().min(10, 'write at least a sentence'),
  ),
});
export const reviewSchema = z.strictObject({
  verdict: z.enum(['confirmed', 'false_positive', 'escalated']),
  note: safeText({ min: 1, max: 2000, multiline: true }),
});

/** Parses a query string against its schema; 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: Record<string, string>,
): z.infer<S> {
  const result = schema.safeParse(query);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

// ULIDs, as every event and review id is (src/audit/ids.ts)
const EVENT_ID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** The `:id` of an event path, or a 400 naming it (never a database error for a malformed id). */
export function eventIdParam(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!EVENT_ID.test(id))
    throw new ApiError('invalid_request', 'id: must be an event id (a 26-character ULID).', [
      { field: 'id', message: 'must be an event id (a 26-character ULID)' },
    ]);
  return id;
}

const jws = z
  .string()
  .max(16_384)
  .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a compact JWS (three base64url parts)');
export const heldSchema = z.strictObject({
  checkpoint: jws.optional(),
  receipt: jws.optional(),
  /** several at once: e.g. every checkpoint a witness holds */
  checkpoints: z.array(jws).max(100).optional(),
  receipts: z.array(jws).max(100).optional(),
});
export type HeldInput = z.infer<typeof heldSchema>;
// in a query string, parameters it does not know are left alone (as every GET does)
export const heldQuery = z.object({ checkpoint: jws.optional(), receipt: jws.optional() });
