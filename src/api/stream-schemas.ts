import { z } from 'zod';
import { chainPosition } from './audit-schemas.ts';

/** The query of GET /v1/audit/stream. */
export const streamQuerySchema = z.object({
  after: chainPosition
    .default(0)
    .describe(
      'The seq of the last event the client has: the stream starts after it (0, the default: the beginning of the chain).',
    ),
  follow: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe(
      'false: send the events committed so far and close (a replay from `after`); true, the default: stay open and send each new event as it is committed.',
    ),
});

/**
 * A line the stream sends while no event comes (every heartbeat interval), so proxies keep
 * the connection and the client knows it is alive. It has no `id`: it is not an event.
 */
export const streamHeartbeatSchema = z
  .object({
    heartbeat: z.string().describe('The time it was sent (ISO 8601).'),
    after: z
      .number()
      .int()
      .describe('The seq of the last event sent so far: resume with ?after= it.'),
  })
  .describe('A heartbeat line of the audit stream.');
