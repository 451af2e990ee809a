import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';
import { ACTION_ORDER } from '../policies/types.ts';

// What the service answers, as zod schemas: the OpenAPI document (src/api/openapi/) is
// generated from them, and test/openapi.test.ts holds every answer of the running service
// to the document. Objects are open (`looseObject`): fields are added, never removed
// (API.md), so a client must accept members it does not know.

const kind = z
  .string()
  .describe('A kind of POLICY.md (iban, pin, balance, phone …) or a tenant custom kind');

export const errorResponseSchema = z
  .looseObject({
    error: z.looseObject({
      code: z.enum(ERROR_CODES),
      message: z.string().describe('For people; never echoes a submitted value'),
      requestId: z.string().nullable().optional(),
      details: z
        .unknown()
        .optional()
        .describe('For 400: `[{ field, message }]`, the failing fields; for 503: `{ reason }`'),
    }),
  })
  .describe('The one error shape of the API');

export const findingSchema = z.looseObject({
  kind,
  start: z.number().int().describe('UTF-16 offset into the text as sent'),
  end: z.number().int().describe('UTF-16 offset, exclusive'),
  confidence: z.number().min(0).max(1),
  masked: z.string().describe('The value masked: never the value itself'),
  evidence: z.array(z.string()).describe('Why it was found: format, checksum, context words'),
  allowListed: z.literal(true).optional().describe("On the tenant's allow-list: not counted"),
  monitored: z
    .literal(true)
    .optional()
    .describe("Of a kind the tenant's tuning monitors: reported, not counted"),
});

const span = z.looseObject({ start: z.number().int(), end: z.number().int(), kind });

export const checkResponseSchema = z
  .looseObject({
    decision: z.enum(['allow', 'warn', 'block']),
    mode: z.enum(['enforce', 'monitor']),
    wouldBlock: z.literal(true).optional().describe('Monitor mode: enforced, this would block'),
    locale: z.enum(['pl', 'lt', 'en']),
    findings: z.array(findingSchema),
    violations: z.array(
      z.looseObject({
        rule: z.string(),
        kinds: z.array(kind),
        message: z.string(),
        spans: z.array(span).describe('What to rewrite, in the original offsets'),
      }),
    ),
    actions: z.array(z.enum(ACTION_ORDER)),
    urgent: z.literal(true).optional().describe('A customer exposed a secret: act now'),
    suggestion: z.looseObject({
      redactedText: z.string().nullable(),
      privateChannelMessage: z
        .string()
        .nullable()
        .describe(
          "A ready invitation to a private, identified channel, in the customer's language",
        ),
      customerNotice: z
        .string()
        .nullable()
        .describe('A ready warning to a customer who exposed their own data'),
    }),
    identity: z.looseObject({
      status: z.enum(['verified', 'absent', 'rejected']),
      reason: z.string().optional(),
    }),
    policyVersion: z.string().describe('tenant@version'),
    audit: z.looseObject({
      id: z.string(),
      seq: z.number().int(),
      hash: z.string(),
      treeHead: z
        .looseObject({
          seq: z.number().int(),
          treeSize: z.number().int().optional(),
          root: z.string(),
          jws: z.string(),
        })
        .optional(),
    }),
    receipt: z.string().describe('A compact JWS over the decision, signed by the service'),
    replayed: z.literal(true).optional().describe('An Idempotency-Key replay: the first answer'),
  })
  .describe('What was decided and why, with the receipt of its committed audit event');

export const batchResponseSchema = z.looseObject({
  results: z
    .array(z.union([checkResponseSchema, errorResponseSchema]))
    .describe("One per item, in order: the item's check response, or its error"),
});

const eventId = z.string().describe('A ULID');

/** An audit event's public JSON: generated from the audit's columns (src/audit/event-fields.ts). */
export const reviewSchema = z.looseObject({
  id: eventId,
  eventId: eventId.optional(),
  verdict: z.enum(['confirmed', 'false_positive', 'escalated']),
  note: z.string(),
  reviewer: z.string(),
  createdAt: z.string(),
});

export const verifyReportSchema = z.looseObject({
  ok: z.boolean(),
  events: z.number().int(),
  head: z.string().nullable().optional(),
  breaks: z.array(z.looseObject({ seq: z.number().int().nullable(), reason: z.string() })),
  breakCount: z.number().int(),
  held: z.array(z.looseObject({})).describe('Each held checkpoint or receipt, with its proofs'),
});

export const summarySchema = z.looseObject({
  checks: z.number().int(),
  decisions: z.record(z.string(), z.number().int()),
  wouldBlock: z.number().int(),
  timeZone: z.string().describe('the time zone the days are counted in'),
  byDay: z.array(
    z.looseObject({
      day: z.string(),
      wouldBlock: z.number().int(),
      reviewed: z.number().int().describe('checks of the day anyone reviewed'),
      falsePositive: z.number().int().describe('of them, those with a false_positive review'),
      falsePositiveRate: z.number().nullable(),
    }),
  ),
  byKind: z.record(z.string(), z.number().int()),
  byRule: z.record(z.string(), z.number().int()),
  reviews: z
    .looseObject({ reviewed: z.number().int(), falsePositive: z.number().int() })
    .describe('reviewed events, and events per verdict'),
  falsePositiveRate: z
    .number()
    .nullable()
    .describe('events with a false_positive review / reviewed events (null: none reviewed)'),
});

/** GET /v1/audit/events/:id/receipt. */
export const eventReceiptSchema = z.object({
  event: z.string(),
  receipt: z.string().describe('A compact JWS by the service key (sargas-receipt+jws)'),
  sealed: z
    .boolean()
    .describe("whether the event's batch has a seal (its tree head is in the receipt)"),
});

export const checkpointsSchema = z.looseObject({
  checkpoints: z.array(z.looseObject({ seq: z.number().int(), jws: z.string() })),
});

export const manifestSchema = z.looseObject({
  manifest: z.looseObject({
    tenant: z.string(),
    format: z.enum(['csv', 'jsonl']),
    through: z.number().int(),
    count: z.number().int(),
    sha256: z.string(),
    generatedAt: z.string(),
  }),
  jws: z.string().describe('The manifest signed by the service'),
});

export const lookupResultSchema = z.looseObject({
  fingerprint: z
    .array(z.string())
    .describe('Every keyed fingerprint of the values: the `fingerprint` filter of the events'),
});

export const purgeResultSchema = z.looseObject({
  purged: z.number().int(),
  reason: z.string().optional(),
});

export const policyResponseSchema = z.looseObject({
  tenant: z.string(),
  version: z.number().int(),
  policyVersion: z.string(),
  policy: z.looseObject({}).describe('The policy document (see PUT /v1/policy)'),
  createdAt: z.string().nullable().optional(),
  createdBy: z.string().nullable().optional(),
});

export const simulationSchema = z.looseObject({
  evaluated: z.number().int(),
  changed: z.number().int(),
  transitions: z.record(z.string(), z.number().int()),
  byRule: z.record(z.string(), z.looseObject({ before: z.number(), after: z.number() })),
  byCustomKind: z
    .record(
      z.string(),
      z.looseObject({ before: z.number(), after: z.number(), changed: z.number() }),
    )
    .optional()
    .describe(
      'Per custom kind: events where it counted, as recorded and under the candidate, and the decisions that changed among them',
    ),
  notSimulated: z
    .looseObject({})
    .optional()
    .describe(
      'What history cannot tell: new custom kinds, denied values, allowed prefixes and phrases, new context words',
    ),
});

export const overrideResponseSchema = z.looseObject({
  override: z.looseObject({}).describe('The override event'),
  receipt: z.string(),
});

export const healthSchema = z.looseObject({ status: z.string() });

export const jwksSchema = z.looseObject({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })),
});
