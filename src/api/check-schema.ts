import { z } from 'zod';
import { safeText } from '../validation/text.ts';

// Identifiers are stored in the audit event and hashed as stored: one line of well-formed
// text, bounded (src/validation/text.ts). The message itself is never stored, but its
// masked previews are, so it follows the same rule, with tabs and line breaks allowed.
const id = (max: number, min = 1) => safeText({ min, max });

/** The body of POST /v1/check (API.md). */
export const checkRequestSchema = z
  .object({
    direction: z.enum(['inbound', 'outbound']),
    text: safeText({ min: 1, max: 20_000, multiline: true }),
    channel: z.object({
      platform: id(64),
      visibility: z.enum(['public', 'private']),
    }),
    customer: z
      .object({
        id: id(256).optional(),
        identityToken: id(8192).optional(),
      })
      .passthrough()
      .optional(),
    agent: z.object({ id: id(256) }).optional(),
    thread: z.object({ id: id(256, 0).optional(), postId: id(256, 0).optional() }).optional(),
    locale: z.enum(['pl', 'lt', 'en']).optional(),
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
