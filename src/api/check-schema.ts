import { z } from 'zod';

/** The body of POST /v1/check (API.md). */
export const checkRequestSchema = z
  .object({
    direction: z.enum(['inbound', 'outbound']),
    text: z.string().min(1, 'text must not be empty').max(20_000, 'text must be at most 20,000 characters'),
    channel: z.object({
      platform: z.string().min(1).max(64),
      visibility: z.enum(['public', 'private']),
    }),
    customer: z
      .object({
        id: z.string().min(1).max(256).optional(),
        identityToken: z.string().min(1).max(8192).optional(),
      })
      .passthrough()
      .optional(),
    agent: z.object({ id: z.string().min(1).max(256) }).optional(),
    thread: z.object({ id: z.string().max(256).optional(), postId: z.string().max(256).optional() }).optional(),
    locale: z.enum(['pl', 'lt', 'en']).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.direction === 'outbound' && !body.agent) ctx.addIssue({ code: 'custom', path: ['agent'], message: 'agent is required for outbound messages' });
  });

export type CheckRequest = z.infer<typeof checkRequestSchema>;
