import { z } from 'zod';

/** POST /console/token (development only): a pasted access token becomes a console session. */
export const consoleTokenSchema = z
  .strictObject({
    token: z
      .string()
      .min(1)
      .max(8192)
      .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a JWT')
      .describe('An access token of this service (scope audit:read at least).'),
  })
  .describe('A pasted access token, accepted only when CONSOLE_DEV_TOKENS is on.');

/** GET /console/session: who is signed in, and how one may sign in. */
export const consoleSessionSchema = z
  .object({
    signedIn: z.boolean(),
    oidc: z
      .boolean()
      .describe('Whether sign-in through the OpenID Connect provider is configured.'),
    devTokens: z.boolean().describe('Whether pasting an access token is allowed (development).'),
    tenant: z.string().optional(),
    subject: z.string().optional(),
    name: z.string().nullable().optional(),
    scopes: z.array(z.string()).optional(),
    csrf: z.string().optional().describe('Send it as x-csrf-token with every change.'),
    via: z.enum(['oidc', 'token']).optional(),
    expiresAt: z.string().optional(),
  })
  .describe('The console session, if any.');
