import { z } from 'zod';
import { isoDate, safeText } from '../validation/text.ts';

/** The query of GET /v1/care/summary. */
export const careSummaryQuerySchema = z.object({
  from: isoDate
    .optional()
    .describe(
      'Start of the period (threads whose first inbound post is at or after it); default: 30 days before `to`.',
    ),
  to: isoDate.optional().describe('End of the period (exclusive); default: now.'),
  platform: safeText({ min: 1, max: 64 }).optional().describe('Only threads on this platform.'),
});

const seconds = z.number().nullable();

/** The measures of a set of threads. */
export const careStatsSchema = z.object({
  threads: z.number().int().describe('Threads whose first inbound post is in the period.'),
  answeredThreads: z
    .number()
    .int()
    .describe('Of them, threads with a reply after their first inbound post.'),
  inboundPosts: z.number().int().describe('Inbound posts of those threads in the period.'),
  answeredPosts: z
    .number()
    .int()
    .describe('Of them, posts with a reply after them in their thread.'),
  answeredShare: z
    .number()
    .nullable()
    .describe('answeredPosts / inboundPosts (null without inbound posts).'),
  firstReplySeconds: z
    .object({
      count: z.number().int(),
      mean: seconds,
      median: seconds,
      p90: seconds.describe('Nearest rank.'),
      max: seconds,
    })
    .describe(
      'Time from a thread’s first inbound post to its first reply (an outbound message not blocked), answered threads only.',
    ),
  disclosures: z
    .object({
      total: z.number().int(),
      inTime: z.number().int(),
      late: z.number().int(),
      open: z.number().int().describe('Not followed up, deadline not yet passed.'),
      overdue: z.number().int().describe('Not followed up, deadline passed.'),
    })
    .describe('Public inbound posts carrying the customer’s own personal data, by follow-up.'),
});

export const disclosureSchema = z.object({
  eventId: z.string().describe('The check event of the inbound post.'),
  seq: z.number().int(),
  threadId: z.string(),
  postId: z.string().nullable(),
  platform: z.string(),
  kinds: z.array(z.string()).describe('The kinds of data found (never the values).'),
  disclosedAt: z.string(),
  deadlineAt: z.string(),
  followedUpAt: z.string().nullable(),
  followUp: z
    .enum(['private_reply', 'post_hidden', 'customer_contacted'])
    .nullable()
    .describe('The first follow-up: a private-channel reply in the thread, or a thread action.'),
  followUpMinutes: z.number().nullable(),
  status: z.enum(['in_time', 'late', 'open', 'overdue']),
});

/** The answer of GET /v1/care/summary. */
export const careSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    platform: z.string().nullable(),
    followUpMinutes: z
      .number()
      .int()
      .describe('The tenant’s deadline for following up a disclosure.'),
    totals: careStatsSchema,
    groups: z
      .array(
        careStatsSchema.extend({ platform: z.string(), channel: z.enum(['public', 'private']) }),
      )
      .describe('Per platform and channel (the visibility of the thread’s first inbound post).'),
    overdue: z.array(disclosureSchema).describe('Disclosures not followed up by their deadline.'),
    disclosures: z
      .array(disclosureSchema)
      .describe('Every disclosure of the period (at most 1,000).'),
    disclosuresTruncated: z.boolean(),
  })
  .describe('Care metrics, measured from the audit events alone (ids, times, kinds; no text).');

/** The body of POST /v1/threads/:id/actions. */
export const threadActionSchema = z.strictObject({
  action: z
    .enum(['post_hidden', 'customer_contacted'])
    .describe('What the helpdesk did about the thread’s disclosure.'),
  at: isoDate.optional().describe('When it was done (default: now); not in the future.'),
});

/** The `:id` of a thread path: an identifier as POST /v1/check takes it. */
export const threadIdParamSchema = safeText({ min: 1, max: 256 }).describe('The thread id.');

/** The answer of POST /v1/threads/:id/actions: the audit event that records it. */
export const threadActionResponseSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    threadId: z.string(),
    action: z.enum(['post_hidden', 'customer_contacted']),
    at: z.string(),
    createdAt: z.string(),
  })
  .describe('The thread action as recorded in the chain.');
