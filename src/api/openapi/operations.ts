import { z } from 'zod';
import { publicEventJsonSchema } from '../../audit/event-fields.ts';
import { storedPolicySchema } from '../../policies/policy-schema.ts';
import {
  exportSchema,
  heldQuery,
  heldSchema,
  listSchema,
  lookupSchema,
  overrideSchema,
  purgeSchema,
  reviewSchema as reviewRequestSchema,
  summaryQuerySchema,
} from '../audit-schemas.ts';
import { facetQuerySchema, facetResponseSchema } from '../facet-schemas.ts';
import {
  auditPolicyVersionResponseSchema,
  auditPolicyVersionsResponseSchema,
  policyDiffQuerySchema,
} from '../policy-history-schemas.ts';
import { queueQuerySchema } from '../queue-schemas.ts';
import {
  batchItemSchema,
  checkRequestSchema,
  idempotencyKeySchema,
  MAX_BATCH_ITEMS,
} from '../check-schema.ts';
import {
  policyDiffResponseSchema,
  policyVersionsResponseSchema,
  rollbackSchema,
  simulateSchema,
  validateResponseSchema,
  versionsQuerySchema,
} from '../policy-schemas.ts';
import {
  batchResponseSchema,
  checkpointsSchema,
  checkResponseSchema,
  eventReceiptSchema,
  healthSchema,
  jwksSchema,
  lookupResultSchema,
  manifestSchema,
  overrideResponseSchema,
  policyResponseSchema,
  purgeResultSchema,
  reviewSchema,
  simulationSchema,
  summarySchema,
  verifyReportSchema,
} from '../response-schemas.ts';
import {
  careSummaryQuerySchema,
  careSummarySchema,
  threadActionResponseSchema,
  threadActionSchema,
} from '../care-schemas.ts';
import { streamQuerySchema } from '../stream-schemas.ts';
import {
  sinkReplayResponseSchema,
  sinkReplaySchema,
  sinksResponseSchema,
} from '../sink-schemas.ts';
import type { Operation } from './operation.ts';

const event = publicEventJsonSchema();
const eventRef = { $ref: '#/components/schemas/AuditEvent' };

const checkExample = {
  direction: 'outbound',
  text: 'Saldo Pana konta wynosi 2 500,00 zł.',
  channel: { platform: 'facebook', visibility: 'public' },
  customer: { id: 'fb:123' },
  agent: { id: 'agent-17' },
  thread: { id: 't-9', postId: 'p-4' },
};

const checkResponseExample = {
  decision: 'block',
  mode: 'enforce',
  locale: 'pl',
  findings: [
    {
      kind: 'balance',
      start: 24,
      end: 35,
      confidence: 0.9,
      masked: '* ***,** zł',
      evidence: ['format:amount', 'context:balance'],
    },
  ],
  violations: [
    {
      rule: 'account-data-public',
      kinds: ['balance'],
      message: 'Account data may be given only in a private channel after identification.',
      spans: [{ start: 24, end: 35, kind: 'balance' }],
    },
  ],
  actions: ['move_to_private_channel', 'verify_identity'],
  suggestion: {
    redactedText: 'Saldo Pana konta wynosi * ***,** zł.',
    privateChannelMessage:
      'Dzień dobry, ze względu na ochronę danych osobowych nie możemy podać tych informacji publicznie. Zapraszamy do wiadomości prywatnej – po potwierdzeniu tożsamości udzielimy pełnej odpowiedzi.',
    customerNotice: null,
  },
  identity: { status: 'absent' },
  policyVersion: 'demo@3',
  audit: { id: '01KAB7J3M4Q9V2N8X5R6T1Y0ZC', seq: 1042, hash: '9f2c…' },
  receipt: 'eyJhbGciOiJFZERTQSIs…',
};

const idempotencyHeader = {
  name: 'Idempotency-Key',
  description:
    'A retry with the same key returns the first decision and writes no second audit event.',
  schema: idempotencyKeySchema,
};

const eventIdParam = { id: 'The event id (a ULID)' };

const ifMatchHeader = {
  name: 'If-Match',
  description:
    'The ETag of GET /v1/policy ("<version>"): the write is refused with 412 if another version is in force.',
  schema: z.string(),
};

/** Every endpoint of the service but the console's pages, in the order of the reference. */
export const OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/v1/check',
    operationId: 'check',
    tag: 'Checks',
    summary: 'Check one message before it is sent, or as it is received',
    description:
      'Detects personal data, decides by the tenant policy, records the decision in the audit log and answers once the event is committed. A 503 means nothing may be sent (the check fails closed).',
    scope: 'check',
    headers: [idempotencyHeader],
    body: { name: 'CheckRequest', schema: checkRequestSchema, example: checkExample },
    responses: {
      200: {
        description: 'The decision',
        name: 'CheckResponse',
        schema: checkResponseSchema,
        example: checkResponseExample,
      },
    },
    errors: ['idempotency_conflict', 'rate_limited'],
  },
  {
    method: 'post',
    path: '/v1/check/batch',
    operationId: 'checkBatch',
    tag: 'Checks',
    summary: `Check up to ${MAX_BATCH_ITEMS} messages in one call`,
    description:
      "Each item is decided and audited exactly as a single check, under one read of the tenant's policy. An invalid item, a conflicting key or an event that could not be recorded is an error in the item's place; the others are decided. Answers 503 only when no item could be recorded. Each item costs one token of the tenant's rate.",
    scope: 'check',
    body: {
      name: 'BatchRequest',
      schema: z.strictObject({
        items: z.array(batchItemSchema).min(1).max(MAX_BATCH_ITEMS),
      }),
      example: { items: [{ ...checkExample, idempotencyKey: 'reply-8812' }] },
    },
    responses: {
      200: {
        description: 'One result per item, in order',
        name: 'BatchResponse',
        schema: batchResponseSchema,
        example: {
          results: [
            checkResponseExample,
            {
              error: {
                code: 'invalid_request',
                message: 'channel.visibility: Invalid option: expected one of "public"|"private"',
                details: [{ field: 'channel.visibility', message: 'Invalid option' }],
              },
            },
          ],
        },
      },
    },
    errors: ['rate_limited'],
  },
  {
    method: 'get',
    path: '/v1/audit/events',
    operationId: 'listEvents',
    tag: 'Audit',
    summary: 'List events, newest first',
    description: 'Filters combine; `nextCursor` gives the next (older) page, null at the end.',
    scope: 'audit:read',
    query: listSchema,
    responses: {
      200: {
        description: 'A page of events',
        name: 'EventPage',
        jsonSchema: {
          type: 'object',
          properties: {
            events: {
              type: 'array',
              items: {
                allOf: [
                  eventRef,
                  {
                    type: 'object',
                    properties: {
                      reviewCount: { type: 'integer', description: 'reviews of the event so far' },
                    },
                  },
                ],
              },
            },
            nextCursor: { type: ['string', 'null'] },
          },
          required: ['events', 'nextCursor'],
        },
      },
    },
  },
  {
    method: 'get',
    path: '/v1/audit/events/{id}',
    operationId: 'getEvent',
    tag: 'Audit',
    summary: 'One event, with its reviews',
    scope: 'audit:read',
    params: eventIdParam,
    responses: {
      200: {
        description: 'The event',
        jsonSchema: {
          allOf: [
            eventRef,
            {
              type: 'object',
              properties: {
                reviews: { type: 'array', items: { $ref: '#/components/schemas/Review' } },
                overrides: {
                  type: 'array',
                  items: eventRef,
                  description: 'the override events of a check, oldest first',
                },
              },
              required: ['reviews'],
            },
          ],
        },
      },
    },
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/v1/audit/events/{id}/receipt',
    operationId: 'eventReceipt',
    tag: 'Audit',
    summary: 'A receipt for any event, with the tree head of its batch',
    description:
      'Signed now by the service; POST /v1/audit/verify with it proves the event is in the log as signed.',
    scope: 'audit:read',
    params: eventIdParam,
    responses: {
      200: { description: 'The receipt', name: 'EventReceipt', schema: eventReceiptSchema },
    },
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/v1/audit/queue',
    operationId: 'reviewQueue',
    tag: 'Audit',
    summary: 'Unreviewed blocks, warnings and would-blocks, oldest first, with counts',
    scope: 'audit:read',
    query: queueQuerySchema,
    responses: {
      200: {
        description: 'A page of the queue and what waits in all',
        name: 'ReviewQueue',
        jsonSchema: {
          type: 'object',
          properties: {
            events: { type: 'array', items: eventRef },
            nextCursor: { type: ['string', 'null'] },
            counts: {
              type: 'object',
              properties: {
                total: { type: 'integer' },
                byAgent: { type: 'array', items: { type: 'object' } },
                byKind: { type: 'array', items: { type: 'object' } },
              },
              required: ['total', 'byAgent', 'byKind'],
            },
          },
          required: ['events', 'nextCursor', 'counts'],
        },
      },
    },
  },
  {
    method: 'get',
    path: '/v1/audit/facets',
    operationId: 'eventFacets',
    tag: 'Audit',
    summary: 'The agents, platforms and kinds of the tenant’s checks, most frequent first',
    scope: 'audit:read',
    query: facetQuerySchema,
    responses: {
      200: { description: 'Values to filter by', name: 'Facets', schema: facetResponseSchema },
    },
  },
  {
    method: 'get',
    path: '/v1/audit/policy-versions',
    operationId: 'policyHistory',
    tag: 'Audit',
    summary: "The policy's versions, with what was decided under each (read-only for officers)",
    scope: 'audit:read',
    responses: {
      200: {
        description: 'Every version, oldest first',
        name: 'PolicyHistory',
        schema: auditPolicyVersionsResponseSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/v1/audit/policy-versions/diff',
    operationId: 'policyDiff',
    tag: 'Audit',
    summary: 'The settings that differ between two policy versions',
    scope: 'audit:read',
    query: policyDiffQuerySchema,
    responses: {
      // the same answer as GET /v1/policy/versions/{version}/diff/{other}
      200: { description: 'The changes', name: 'PolicyDiff', schema: policyDiffResponseSchema },
    },
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/v1/audit/policy-versions/{version}',
    operationId: 'policyHistoryVersion',
    tag: 'Audit',
    summary: 'One version of the policy document (0: the default policy)',
    scope: 'audit:read',
    params: { version: 'A version number' },
    responses: {
      200: {
        description: 'The version',
        name: 'PolicyHistoryVersion',
        schema: auditPolicyVersionResponseSchema,
      },
    },
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/v1/audit/events/{id}/reviews',
    operationId: 'reviewEvent',
    tag: 'Audit',
    summary: "Record an officer's review of an event",
    scope: 'audit:review',
    params: eventIdParam,
    body: {
      name: 'ReviewRequest',
      schema: reviewRequestSchema,
      example: { verdict: 'false_positive', note: 'A reference number, not an account.' },
    },
    responses: {
      201: {
        description: 'The review, recorded with its chain event',
        name: 'Review',
        schema: reviewSchema,
      },
    },
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/v1/audit/events/{id}/override',
    operationId: 'overrideEvent',
    tag: 'Audit',
    summary: 'Let a warned message through, with a written justification',
    scope: 'check:override',
    params: eventIdParam,
    body: { name: 'OverrideRequest', schema: overrideSchema },
    responses: {
      201: {
        description: 'The override event and its receipt',
        name: 'Override',
        schema: overrideResponseSchema,
      },
    },
    errors: ['not_found', 'conflict'],
  },
  {
    method: 'get',
    path: '/v1/audit/verify',
    operationId: 'verify',
    tag: 'Audit',
    summary: "Verify the tenant's chain, and a held checkpoint or receipt",
    scope: 'audit:read',
    query: heldQuery,
    responses: {
      200: {
        description: 'Whether the log is intact, and the proofs',
        name: 'VerifyReport',
        schema: verifyReportSchema,
      },
    },
  },
  {
    method: 'post',
    path: '/v1/audit/verify',
    operationId: 'verifyHeld',
    tag: 'Audit',
    summary: 'Verify the chain and several held checkpoints and receipts',
    scope: 'audit:read',
    body: { name: 'VerifyRequest', schema: heldSchema },
    responses: {
      200: {
        description: 'Whether the log is intact, and the proofs',
        name: 'VerifyReport',
        schema: verifyReportSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/v1/audit/export',
    operationId: 'exportEvents',
    tag: 'Audit',
    summary: 'Stream the events as CSV or JSON Lines',
    description:
      'Streamed, oldest first, up to the position in `X-Sargas-Export-Through`; JSON Lines end with a signed manifest line.',
    scope: 'audit:read',
    query: exportSchema,
    responses: {
      200: {
        description: 'The file',
        content: {
          'application/x-ndjson': { schema: { type: 'string' } },
          'text/csv': { schema: { type: 'string' } },
        },
      },
    },
  },
  {
    method: 'get',
    path: '/v1/audit/export/manifest',
    operationId: 'exportManifest',
    tag: 'Audit',
    summary: 'The signed manifest of an export (count and SHA-256)',
    scope: 'audit:read',
    query: exportSchema,
    responses: {
      200: {
        description: 'The manifest and its signature',
        name: 'ExportManifest',
        schema: manifestSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/v1/audit/summary',
    operationId: 'summary',
    tag: 'Audit',
    summary: 'Counts of decisions, kinds and rules, by day',
    scope: 'audit:read',
    query: summaryQuerySchema,
    responses: { 200: { description: 'The summary', name: 'Summary', schema: summarySchema } },
  },
  {
    method: 'get',
    path: '/v1/audit/checkpoints',
    operationId: 'checkpoints',
    tag: 'Audit',
    summary: "The tenant's signed checkpoints",
    scope: 'audit:read',
    responses: {
      200: { description: 'The checkpoints', name: 'Checkpoints', schema: checkpointsSchema },
    },
  },
  {
    method: 'get',
    path: '/v1/audit/stream',
    operationId: 'streamEvents',
    tag: 'Audit',
    summary: 'The events after a position, then each new one as it is committed (NDJSON)',
    description:
      'One event a line in the shape of /v1/audit/events, oldest first, then new events as they are committed, until the client closes (follow=false: until caught up). Lines without `id` are heartbeats naming the last seq sent; resume with `after=` it. The stream ends with `{"end": "credentials_expired"}` when the token expires or the console session ends. At most 4 follow streams per tenant and 32 per replica are open at once (429 past it).',
    scope: 'audit:read',
    query: streamQuerySchema,
    responses: {
      200: {
        description: 'The stream',
        content: { 'application/x-ndjson': { schema: { type: 'string' } } },
      },
    },
    errors: ['rate_limited'],
  },
  {
    method: 'get',
    path: '/v1/audit/sinks',
    operationId: 'listSinks',
    tag: 'Audit',
    summary: "The configured sinks and where each stands in the tenant's chain",
    description:
      'Per sink: its cursor (the last seq acknowledged), the lag in events and seconds, its failures and permanent refusals. No secrets: a webhook shows its origin only.',
    scope: 'audit:admin',
    responses: {
      200: { description: 'The sinks', name: 'Sinks', schema: sinksResponseSchema },
    },
  },
  {
    method: 'post',
    path: '/v1/audit/sinks/{name}/replay',
    operationId: 'replaySink',
    tag: 'Audit',
    summary: 'Deliver the tenant’s events after a seq to a sink again (recorded in the chain)',
    description:
      'Moves the tenant’s cursor for the sink back to `after` (never past the last seq acknowledged), with a `sink_replay` event in the same transaction. At least once: receivers de-duplicate by event id.',
    scope: 'audit:admin',
    params: { name: 'The sink’s name (GET /v1/audit/sinks)' },
    body: { name: 'SinkReplayRequest', schema: sinkReplaySchema, example: { after: 120 } },
    responses: {
      200: { description: 'The replay', name: 'SinkReplay', schema: sinkReplayResponseSchema },
    },
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/v1/care/summary',
    operationId: 'careSummary',
    tag: 'Care',
    summary: 'Time to first reply, share answered, and the follow-up of public self-disclosures',
    description:
      'Measured from the audit events alone (ids, times, channels, kinds; no text), per platform and channel.',
    scope: 'audit:read',
    query: careSummaryQuerySchema,
    responses: {
      200: { description: 'The care metrics', name: 'CareSummary', schema: careSummarySchema },
    },
  },
  {
    method: 'post',
    path: '/v1/threads/{id}/actions',
    operationId: 'threadAction',
    tag: 'Care',
    summary: 'Record what the helpdesk did about a thread (post hidden, customer contacted)',
    description: 'An audit event of its own: the follow-up of a public self-disclosure.',
    scope: 'check',
    params: { id: 'The thread id, as sent with the checks' },
    body: {
      name: 'ThreadActionRequest',
      schema: threadActionSchema,
      example: { action: 'customer_contacted', at: '2026-11-23T10:15:00Z' },
    },
    responses: {
      201: {
        description: 'The action as recorded',
        name: 'ThreadAction',
        schema: threadActionResponseSchema,
      },
    },
  },
  {
    method: 'post',
    path: '/v1/audit/fingerprints',
    operationId: 'lookUp',
    tag: 'Audit',
    summary: "A data subject's values as the fingerprints the log holds",
    description: 'The lookup is itself recorded, without the values.',
    scope: 'audit:read',
    body: { name: 'LookupRequest', schema: lookupSchema, example: { customerId: 'fb:123' } },
    responses: {
      200: { description: 'The fingerprints', name: 'LookupResult', schema: lookupResultSchema },
    },
  },
  {
    method: 'post',
    path: '/v1/audit/purge',
    operationId: 'purge',
    tag: 'Audit',
    summary: 'Purge events past retention (recorded in the chain)',
    scope: 'audit:admin',
    body: { name: 'PurgeRequest', schema: purgeSchema },
    responses: {
      200: { description: 'What was purged', name: 'PurgeResult', schema: purgeResultSchema },
    },
  },
  {
    method: 'get',
    path: '/v1/policy',
    operationId: 'getPolicy',
    tag: 'Policy',
    summary: "The tenant's current policy",
    scope: 'policy:admin',
    responses: {
      200: {
        description: 'The policy and its version',
        name: 'Policy',
        schema: policyResponseSchema,
      },
    },
  },
  {
    method: 'put',
    path: '/v1/policy',
    operationId: 'putPolicy',
    tag: 'Policy',
    summary: 'Store a new version of the policy (recorded in the chain)',
    scope: 'policy:admin',
    description:
      'With If-Match (the ETag of GET /v1/policy), refused with 412 precondition_failed when another version is in force. The answer carries the new version as its ETag.',
    headers: [ifMatchHeader],
    body: { name: 'PolicyDocument', schema: storedPolicySchema, example: { mode: 'monitor' } },
    responses: {
      201: { description: 'The new version', name: 'Policy', schema: policyResponseSchema },
    },
    errors: ['conflict', 'precondition_failed'],
  },
  {
    method: 'get',
    path: '/v1/policy/versions',
    operationId: 'listPolicyVersions',
    tag: 'Policy',
    summary: 'Who stored which version of the policy, and when (newest first)',
    scope: 'policy:admin',
    query: versionsQuerySchema,
    responses: {
      200: {
        description: 'A page of versions',
        name: 'PolicyVersions',
        schema: policyVersionsResponseSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/v1/policy/versions/{version}',
    operationId: 'getPolicyVersion',
    tag: 'Policy',
    summary: 'One stored version of the policy (its ETag: the version)',
    scope: 'policy:admin',
    params: { version: 'A version number (0: the default before any was stored)' },
    responses: {
      200: { description: 'The version', name: 'Policy', schema: policyResponseSchema },
    },
    errors: ['not_found'],
  },
  {
    method: 'get',
    path: '/v1/policy/versions/{version}/diff/{other}',
    operationId: 'diffPolicyVersions',
    tag: 'Policy',
    summary: 'What changed from one version of the policy to another, path by path',
    scope: 'policy:admin',
    params: { version: 'The version compared from', other: 'The version compared to' },
    responses: {
      200: { description: 'The changes', name: 'PolicyDiff', schema: policyDiffResponseSchema },
    },
    errors: ['not_found'],
  },
  {
    method: 'post',
    path: '/v1/policy/rollback',
    operationId: 'rollbackPolicy',
    tag: 'Policy',
    summary: "Restore an earlier version's document as a new version (recorded in the chain)",
    scope: 'policy:admin',
    headers: [ifMatchHeader],
    body: { name: 'PolicyRollback', schema: rollbackSchema, example: { version: 1 } },
    responses: {
      201: { description: 'The new version', name: 'Policy', schema: policyResponseSchema },
    },
    errors: ['not_found', 'conflict', 'precondition_failed'],
  },
  {
    method: 'post',
    path: '/v1/policy/validate',
    operationId: 'validatePolicy',
    tag: 'Policy',
    summary: 'Validate a policy document as PUT would, storing nothing (a dry run)',
    scope: 'policy:admin',
    body: { name: 'PolicyDocument', schema: storedPolicySchema, example: { mode: 'monitor' } },
    responses: {
      200: {
        description: 'The document as it would be stored',
        name: 'PolicyValidation',
        schema: validateResponseSchema,
      },
    },
  },
  {
    method: 'post',
    path: '/v1/policy/simulate',
    operationId: 'simulatePolicy',
    tag: 'Policy',
    summary: "Replay a candidate policy over the tenant's history",
    scope: 'policy:admin',
    body: { name: 'SimulationRequest', schema: simulateSchema },
    responses: {
      200: {
        description: 'The decisions that would change',
        name: 'Simulation',
        schema: simulationSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    tag: 'Operations',
    summary: 'Liveness',
    scope: null,
    responses: { 200: { description: 'Alive', schema: healthSchema } },
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    tag: 'Operations',
    summary: 'Readiness: the database answers and the service is not draining',
    scope: null,
    responses: {
      200: { description: 'Ready', name: 'Health', schema: healthSchema },
      503: { description: 'Not ready', name: 'Health', schema: healthSchema },
    },
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    tag: 'Operations',
    summary: 'Prometheus metrics',
    scope: null,
    responses: {
      200: {
        description: 'Metrics in the text exposition format',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
    },
  },
  {
    method: 'get',
    path: '/.well-known/jwks.json',
    operationId: 'jwks',
    tag: 'Operations',
    summary: 'The public keys that verify receipts, checkpoints and manifests',
    scope: null,
    responses: { 200: { description: 'A JWK set', name: 'Jwks', schema: jwksSchema } },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    tag: 'Operations',
    summary: 'This document',
    scope: null,
    responses: {
      200: {
        description: 'OpenAPI 3.1',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    },
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'docs',
    tag: 'Operations',
    summary: 'The reference page of this document',
    scope: null,
    responses: {
      200: { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } },
    },
  },
];

/** Schemas the operations refer to by name. */
export const SHARED_SCHEMAS = { AuditEvent: event };
