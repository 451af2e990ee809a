import { z } from 'zod';
import { SERVICE_KEY_PREFIXES } from '../audit/events.ts';
import { safeText } from '../validation/text.ts';

// Identifiers are stored in the audit event and hashed as stored: one line of well-formed
// text, bounded (src/validation/text.ts). The message itself is never stored, but its
// masked previews are, so it follows the same rule, with tabs and line breaks allowed.
const id = (max: number, min = 1) => safeText({ min, max });

/** The body of POST /v1/check (API.md). */
export const checkRequestSchema = z
  .object({
    direction: z
      .enum(['inbound', 'outbound'])
      .describe("outbound: an agent's reply before it is sent; inbound: a customer's post"),
    text: safeText({ min: 1, max: 20_000, multiline: true }).describe(
      'The message as it would be posted; never stored (only masked previews and fingerprints)',
    ),
    channel: z
      .object({
        platform: id(64),
        visibility: z.enum(['public', 'private']),
      })
      .describe(
        'platform: facebook, instagram, x …; visibility: public comment or private message',
      ),
    customer: z
      .object({
        id: id(256).optional(),
        identityToken: id(8192)
          .optional()
          .describe(
            "An assertion from the tenant's identity provider that the customer is identified",
          ),
      })
      .passthrough()
      .optional(),
    agent: z
      .object({ id: id(256) })
      .optional()
      .describe('Required for outbound messages'),
    thread: z.object({ id: id(256, 0).optional(), postId: id(256, 0).optional() }).optional(),
    locale: z.enum(['pl', 'lt', 'en']).optional().describe('Detected when absent'),
  })
  .superRefine((body, ctx) => {
    if (body.direction === 'outbound' && !body.agent)
      ctx.addIssue({
        code: 'custom',
        path: ['agent'],
        message: 'agent is required for outbound messages',
      });
  });

export type CheckRequest = z.infer<typeof checkRequestSchema>;

/** The most items one POST /v1/check/batch takes (API.md, "Additions"). */
export const MAX_BATCH_ITEMS = 1000;

/** The largest batch body: 1,000 messages of several kilobytes each. */
export const DEFAULT_MAX_BATCH_BODY_BYTES = 8 * 1024 * 1024;

/** An Idempotency-Key, in the header or on a batch item: printable ASCII, as the draft's keys are. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x20-\x7e]{1,200}$/, 'must be 1 to 200 printable ASCII characters')
  .refine(
    (key) => !Object.values(SERVICE_KEY_PREFIXES).some((prefix) => key.startsWith(prefix)),
    `must not begin with ${Object.values(SERVICE_KEY_PREFIXES).join(' or ')} (the service's own keys)`,
  )
  .describe('Replays of the same key return the first decision and write no second event.');

/** One item of a batch: a check request with its own optional idempotency key. */
export const batchItemSchema = z.intersection(
  checkRequestSchema,
  z.object({ idempotencyKey: idempotencyKeySchema.optional() }),
);

/**
 * The body of POST /v1/check/batch. Items are validated one by one (an invalid item is an
 * error in its own place of the answer, not a failed batch), so the envelope takes any
 * value per item and `batchItemSchema` is applied to each.
 */
export const batchRequestSchema = z.strictObject({
  items: z
    .array(z.unknown())
    .min(1)
    .max(MAX_BATCH_ITEMS)
    .describe(`1 to ${MAX_BATCH_ITEMS} check requests, each as the body of POST /v1/check.`),
});
