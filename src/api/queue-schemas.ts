import { z } from 'zod';
import { safeText } from '../validation/text.ts';
import { filterSchema } from './audit-schemas.ts';

/** GET /v1/audit/queue: the filters of the events list, a page size and the cursor of the previous page. */
export const queueQuerySchema = filterSchema
  .extend({
    cursor: safeText({ max: 100 }).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('events per page'),
  })
  .describe('Unreviewed blocks, warnings and would-blocks, oldest first');

const count = z.number().int().min(0);

/** The queue's answer: a page of events (as in /v1/audit/events), and what waits in all. */
export const queueResponseSchema = z
  .object({
    events: z.array(z.record(z.string(), z.unknown())).describe('events as in /v1/audit/events'),
    nextCursor: z.string().nullable(),
    counts: z.object({
      total: count.describe('unreviewed events matching the filters'),
      byAgent: z.array(z.object({ agent: z.string().nullable(), count })),
      byKind: z.array(z.object({ kind: z.string(), count })),
    }),
  })
  .describe('The review queue');
