import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from './errors.ts';
import { isoDate, safeText } from '../validation/text.ts';
import type { AppEnv } from './env.ts';
import { validationError } from './errors.ts';

/**
 * A filter that takes one value or several (the parameter repeated: `?kind=iban&kind=phone`;
 * any of them matches). One value stays a string, as before lists were accepted.
 */
function oneOrMany<T extends z.ZodType<string>>(value: T, what: string) {
  return z
    .union([value, z.array(value).min(1).max(50)])
    .optional()
    .describe(`${what}; repeat the parameter for several (any of them matches)`);
}

/** Filters of the events list, the export and the summary: every one bounded, none reaching SQL unchecked. */
export const filterSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  decision: oneOrMany(z.enum(['allow', 'warn', 'block']), 'the decision'),
  kind: oneOrMany(
    z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a kind: built-in, or the name of a custom kind'),
    'a kind of data found',
  ),
  direction: z.enum(['inbound', 'outbound']).optional(),
  visibility: z.enum(['public', 'private']).optional(),
  agent: oneOrMany(safeText({ max: 256 }), 'the agent or officer'),
  rule: oneOrMany(safeText({ max: 64 }), 'a rule that applied'),
  platform: oneOrMany(safeText({ max: 64 }), 'the platform'),
  thread: safeText({ max: 256 }).optional(),
  type: oneOrMany(
    z.enum([
      'check',
      'override',
      'policy_change',
      'purge',
      'lookup',
      'review',
      'thread_action',
      'care_alert',
      'sink_replay',
    ]),
    'the type of event',
  ),
  fingerprint: z
    .string()
    .regex(
      /^[\w-]{22}(,[\w-]{22}){0,15}$/,
      'one to 16 fingerprints of 22 characters, comma-separated',
    )
    .transform((v) => v.split(','))
    .optional(),
});

/** An IANA time zone the summary counts days in (Europe/Warsaw); the default is UTC. */
export const timeZone = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][\w+\-/]*$/, 'must be an IANA time zone such as Europe/Warsaw')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not a time zone this service knows')
  .describe('The time zone whose days the counts are grouped by (IANA name), default UTC');

/** GET /v1/audit/summary: the filters, and the officer's time zone for the days. */
export const summaryQuerySchema = filterSchema.extend({ tz: timeZone.optional() });

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

/** A request's query: a parameter given once as a string, one repeated as the list of its values. */
export function queryOf(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(c.req.queries()))
    out[k] = v.length === 1 ? (v[0] as string) : v;
  return out;
}

/** Parses a query string against its schema; 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  query: Record<string, string | string[]>,
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
