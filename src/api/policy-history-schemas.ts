import { z } from 'zod';

const version = z.coerce.number().int().min(0).max(2_147_483_647);

/** `:version` of GET /v1/audit/policy-versions/:version. */
export const policyVersionParam = version.describe('a version number; 0 is the default policy');

/** GET /v1/audit/policy-versions/diff?from&to (the answer is /v1/policy's diff: policyDiffResponseSchema). */
export const policyDiffQuerySchema = z
  .object({
    from: version.describe('the older version'),
    to: version.describe('the newer version'),
  })
  .describe('Two versions to compare');

const count = z.number().int().min(0);

export const policyVersionEntrySchema = z.object({
  version: z.number().int(),
  policyVersion: z.string().describe('tenant@version, as events name it'),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable().describe('who saved it (null: the default policy)'),
  changed: z.array(z.string()).describe('the settings the change touched'),
  mode: z.string().nullable(),
  eventId: z.string().nullable().describe('the policy_change event that recorded it'),
  checks: count,
  blocked: count,
  warned: count,
  wouldBlock: count.describe('checks monitor mode let through that enforce mode would block'),
});

export const auditPolicyVersionsResponseSchema = z
  .object({ versions: z.array(policyVersionEntrySchema) })
  .describe("Every version of the tenant's policy, oldest first");

export const auditPolicyVersionResponseSchema = z
  .object({
    version: z.number().int(),
    policyVersion: z.string(),
    policy: z.record(z.string(), z.unknown()),
    createdAt: z.string().nullable(),
    createdBy: z.string().nullable(),
  })
  .describe('One version of the policy document');
