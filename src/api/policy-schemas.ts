import { z } from 'zod';
import { storedPolicySchema } from '../policies/policy-schema.ts';
import { isoDate } from '../validation/text.ts';

/** PUT /v1/policy and POST /v1/policy/validate: a policy document. */
export const policyDocumentSchema = storedPolicySchema.describe(
  "A tenant's policy document (docs/policy.md): mode, allow-list, custom kinds, tuning, wording, identity provider.",
);

/** POST /v1/policy/simulate: a candidate policy replayed over the tenant's recorded checks. */
export const simulateSchema = z.strictObject({
  policy: storedPolicySchema.describe('The candidate policy document.'),
  from: isoDate.optional().describe('Earliest check to replay (ISO time).'),
  to: isoDate.optional().describe('Latest check to replay (ISO time).'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(10_000)
    .describe('At most this many recent checks.'),
});

/** POST /v1/policy/rollback: the version whose document becomes a new version. */
export const rollbackSchema = z.strictObject({
  version: z.number().int().min(1).describe('The stored version to restore.'),
});

const versionNumber = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,8})$/, 'a version number')
  .transform(Number);

/** GET /v1/policy/versions/:version (and …/diff/:other): path parameters. */
export const versionParamsSchema = z.object({
  version: versionNumber.describe(
    'A version of the policy (0: the default before any was stored).',
  ),
  other: versionNumber.optional().describe('The version compared against (diff).'),
});

/** GET /v1/policy/versions: paging. */
export const versionsQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, 'a number from 1 to 1000')
    .transform(Number)
    .pipe(z.number().max(1000))
    .default(100)
    .describe('At most this many versions, newest first (1–1000, default 100).'),
  before: versionNumber.optional().describe('Only versions older than this one (the next page).'),
});

/** A stored version as GET /v1/policy and GET /v1/policy/versions/:version answer it (ETag: its version). */
export const policyVersionResponseSchema = z.object({
  tenant: z.string(),
  version: z.number().int().describe('0 before any version was stored.'),
  policyVersion: z.string().describe('"tenant@version", as every decision names it.'),
  policy: z.record(z.string(), z.unknown()).describe('The document as stored.'),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});

/** GET /v1/policy/versions. */
export const policyVersionsResponseSchema = z.object({
  versions: z
    .array(
      z.object({
        version: z.number().int(),
        policyVersion: z.string(),
        createdAt: z.string().describe('When it was stored.'),
        createdBy: z.string().describe('Who stored it (the access token subject).'),
      }),
    )
    .describe('Newest first.'),
  next: z.number().int().nullable().describe('`before` for the next page, or null.'),
});

/** GET /v1/policy/versions/:version/diff/:other. */
export const policyDiffResponseSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z
    .array(
      z.object({
        path: z
          .string()
          .describe('Member names from the top; custom kinds by name, other lists by index.'),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        added: z
          .array(z.unknown())
          .optional()
          .describe('Lists of words, values, patterns: entries added.'),
        removed: z.array(z.unknown()).optional(),
      }),
    )
    .describe('Empty when the documents are the same.'),
});

/** POST /v1/policy/validate: what PUT would store, without storing it (an invalid document answers 400 as PUT would). */
export const validateResponseSchema = z.object({
  valid: z.literal(true),
  policy: z
    .record(z.string(), z.unknown())
    .describe('The document as it would be stored (normalised).'),
  changed: z
    .array(z.string())
    .describe('Top-level settings that differ from the version in force.'),
  secretWeakenings: z
    .array(z.string())
    .describe('Fields that weaken a SECRET kind (acknowledged).'),
  basedOn: z.number().int().describe('The version in force, for If-Match.'),
});

/** What PUT /v1/policy and POST /v1/policy/rollback answer (201, ETag: the new version). */
export const policyWrittenResponseSchema = z.object({
  tenant: z.string(),
  version: z.number().int(),
  policyVersion: z.string(),
  policy: z.record(z.string(), z.unknown()),
});
