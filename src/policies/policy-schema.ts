import { z } from 'zod';
import { safeJsonObject, safeText } from '../validation/text.ts';

/**
 * The policy document, for writing (`strict`: every text checked and bounded, as what is
 * stored is hashed into the chain) or for reading what was stored before those checks
 * existed (the same shape, text taken as it is: a version stored once must stay readable).
 */
function policyDocument(strict: boolean) {
  const text = (o: { min?: number; max: number; multiline?: boolean }) =>
    strict ? safeText(o) : z.string().min(o.min ?? 0);
  const list = (max: number) =>
    (strict ? z.array(text({ max })).max(1000) : z.array(z.string())).default([]);
  // a key carries members of its own (n, e, x, y, crv, x5c…): each key and string is checked
  const jwk = strict
    ? safeJsonObject(z.object({ kty: safeText({ min: 1, max: 16 }) }))
    : z.object({ kty: z.string() }).passthrough();
  return z.strictObject({
    mode: z.enum(['enforce', 'monitor']).default('enforce'),
    allowList: z
      .object({ phones: list(64), ibans: list(64), emails: list(320), emailDomains: list(255) })
      .default({ phones: [], ibans: [], emails: [], emailDomains: [] }),
    brand: text({ max: 100 }).optional(),
    // the bank's own warnings and advice about secrets, quoted in replies; bounded: matched on every check
    safeTexts: (strict
      ? z.array(text({ min: 10, max: 2000, multiline: true })).max(100)
      : z.array(z.string())
    ).optional(),
    retentionDays: z.number().int().min(1).max(3650).optional(),
    privateChannelLink: text({ max: 2000 }).pipe(z.string().url()).optional(),
    defaultRegion: text({ max: 2 }).pipe(z.string().length(2)).optional(),
    wording: z
      .partialRecord(
        z.enum(['pl', 'lt', 'en']),
        z.strictObject({
          privateChannelMessage: text({ max: 1000, multiline: true }).optional(),
          customerNotice: text({ max: 1000, multiline: true }).optional(),
        }),
      )
      .optional(),
    identityProvider: z
      .object({
        issuer: text({ min: 1, max: 1000 }),
        audience: text({ min: 1, max: 1000 }),
        jwks: z
          .object({
            keys: z
              .array(jwk)
              .min(1)
              .max(strict ? 20 : Number.MAX_SAFE_INTEGER),
          })
          .optional(),
        // https only: plain http would let the key set be swapped in transit. Where it may
        // point is checked when it is stored (policy routes) and again at every fetch.
        jwksUrl: text({ max: 2000 })
          .pipe(z.string().url().startsWith('https://', 'must be an https URL'))
          .optional(),
      })
      .refine((v) => !!v.jwks !== !!v.jwksUrl, 'give exactly one of jwks or jwksUrl')
      .optional(),
  });
}

/** The stored shape of a policy version, as PUT by an administrator. */
export const storedPolicySchema = policyDocument(true);

/** Stored versions as read back: the same shape, without the text rules of writing. */
export const readPolicySchema = policyDocument(false);

/** A policy document as stored and as PUT by an administrator. */
export type StoredPolicy = z.infer<typeof storedPolicySchema>;
