import { z } from 'zod';
import { storedPolicySchema } from '../policies/policy-schema.ts';
import { isoDate } from '../validation/text.ts';

/** The body of POST /v1/policy/simulate: a candidate policy replayed over the tenant's history. */
export const simulateSchema = z.strictObject({
  policy: storedPolicySchema,
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(100_000).default(10_000),
});
