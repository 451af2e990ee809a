import { z } from 'zod';
import { filterSchema } from './audit-schemas.ts';

/** GET /v1/audit/facets: the same filters as the events list (usually a period). */
export const facetQuerySchema = filterSchema.describe('Which checks to take the values from');

const valueCount = z.object({ value: z.string(), count: z.number().int().min(0) });

/** The agents, platforms and kinds the tenant's checks name, most frequent first (at most 200 each). */
export const facetResponseSchema = z
  .object({
    agents: z.array(valueCount).describe('agent ids'),
    platforms: z.array(valueCount).describe('platforms'),
    kinds: z
      .array(valueCount)
      .describe('kinds of data found, built-in and the tenant’s custom kinds (added field)'),
  })
  .describe('Values to filter by');
