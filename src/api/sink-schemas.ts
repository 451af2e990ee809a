import { z } from 'zod';

/** The body of POST /v1/audit/sinks/:name/replay. */
export const sinkReplaySchema = z.strictObject({
  after: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .describe(
      'The seq the sink goes back to: it gets every event of the tenant after it again. At most the last seq it acknowledged (`cursor` in GET /v1/audit/sinks).',
    ),
});

/** A sink's name as a path parameter. */
export const sinkNameParamSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'a sink name such as webhook or directory');

/** One configured sink, for the caller's tenant. */
export const sinkStatusSchema = z
  .object({
    name: z.string().describe('Its name in the cursors, the metrics and the logs.'),
    kind: z.enum(['webhook', 'directory']),
    origin: z
      .string()
      .nullable()
      .describe(
        'A webhook’s origin (scheme, host, port: never its path, query or credentials); null for a directory.',
      ),
    cursor: z
      .number()
      .int()
      .describe('The last seq of the tenant the sink acknowledged (0: none).'),
    head: z.number().int().describe('The last seq of the tenant’s chain.'),
    lagEvents: z.number().int().describe('Events of the tenant committed but not acknowledged.'),
    lagSeconds: z
      .number()
      .describe('Age of the oldest of them, in seconds (0 when the sink has caught up).'),
    failures: z
      .object({
        count: z.number().int().describe('Failed deliveries (every tenant), each retried.'),
        lastAt: z.string().nullable().describe('When the last one happened (ISO 8601), or null.'),
      })
      .describe('Failures seen by this replica’s deliverer since it started.'),
    refusals: z
      .array(z.object({ status: z.number().int(), count: z.number().int() }))
      .describe(
        'Of the failures, the receiver’s permanent refusals (400, 401, 403, 404, 413, 422) by status: a misconfigured receiver.',
      ),
  })
  .describe('A sink and where it stands in the tenant’s chain.');

/** GET /v1/audit/sinks. */
export const sinksResponseSchema = z.object({
  sinks: z.array(sinkStatusSchema).describe('Every configured sink (none: an empty list).'),
});

/** The answer of POST /v1/audit/sinks/:name/replay. */
export const sinkReplayResponseSchema = z.object({
  sink: z.string(),
  after: z.number().int().describe('Where the cursor now is: delivery goes on after it.'),
  previousCursor: z.number().int().describe('Where it was.'),
  eventId: z.string().describe('The `sink_replay` event that records the replay.'),
  seq: z.number().int().describe('Its seq: the sink delivers it too.'),
});
