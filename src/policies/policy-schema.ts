import { z } from 'zod';
import { safeJsonObject, safeText } from '../validation/text.ts';

/**
 * How much a tenant may add to detection (docs/policy.md, "Limits"): every term and pattern is
 * compiled once per policy version, and each check pays a map lookup per word and one pattern
 * pass per message, whatever the numbers below.
 */
export const POLICY_LIMITS = {
  customKinds: 50,
  termsPerKind: 500,
  terms: 2000,
  termLength: 100,
  patternsPerKind: 10,
  patterns: 50,
  patternLength: 300,
  /** RE2 program instructions of one pattern, and of all a tenant's patterns (a search costs text length × this). */
  patternProgram: 100,
  patternPrograms: 600,
  contextPerKind: 50,
  contextLength: 60,
  tuningContextPerLanguage: 100,
  allowEntries: 1000,
  denyEntries: 500,
  valueLength: 200,
  phraseLength: 500,
} as const;

const L = POLICY_LIMITS;
export const DATA_CLASSES = ['SECRET', 'ACCOUNT', 'IDENTITY', 'CONTACT', 'INFO'] as const;
export const CHECKSUMS = ['mod97', 'luhn', 'mod11'] as const;
export const KIND_MODES = ['on', 'off', 'monitor'] as const;

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
  const bounded = (max: number, item: z.ZodType<string>) =>
    strict ? z.array(item).max(max) : z.array(z.string());
  const objects = <T extends z.ZodType>(max: number, item: T) =>
    strict ? z.array(item).max(max) : z.array(item);
  const customKind = z
    .strictObject({
      name: (strict
        ? safeText({ min: 2, max: 40 }).pipe(
            z
              .string()
              .regex(
                /^[a-z][a-z0-9_]*$/,
                'must be lower-case letters, digits and _, from a letter',
              ),
          )
        : z.string()
      ).describe('The kind findings carry ("kind": "<name>"); not a built-in kind.'),
      class: z
        .enum(DATA_CLASSES)
        .describe("The class of POLICY.md's matrix the kind is decided by."),
      terms: bounded(L.termsPerKind, text({ min: 1, max: L.termLength }))
        .optional()
        .describe(
          'Literal terms, matched on folded words (case and diacritics ignored); a trailing * makes a word a prefix.',
        ),
      patterns: bounded(L.patternsPerKind, text({ min: 1, max: L.patternLength }))
        .optional()
        .describe('RE2 regular expressions (linear time), run over the normalised text.'),
      checksum: z
        .enum(CHECKSUMS)
        .optional()
        .describe(
          "A check every match must pass: the value's digits (luhn, mod11) or letters and digits (mod97).",
        ),
      context: bounded(L.contextPerKind, text({ min: 1, max: L.contextLength }))
        .optional()
        .describe(
          'Words that, within 8 words of a match, raise its confidence (or, with contextRequired, are needed).',
        ),
      contextRequired: z
        .boolean()
        .optional()
        .describe('Without a context word nearby, a match is not a finding.'),
    })
    .refine(
      (k) => (k.terms?.length ?? 0) > 0 || (k.patterns?.length ?? 0) > 0,
      'give at least one of terms or patterns',
    );
  const kindTuning = z.strictObject({
    mode: z
      .enum(KIND_MODES)
      .optional()
      .describe('off: not detected; monitor: found and reported, never counted in the decision.'),
    threshold: z
      .number()
      .min(0.5)
      .max(1)
      .optional()
      .describe('The minimum confidence of a finding of this kind.'),
    context: z
      .partialRecord(
        z.enum(['pl', 'lt', 'en']),
        bounded(L.tuningContextPerLanguage, text({ min: 1, max: L.contextLength })),
      )
      .optional()
      .describe(
        'Extra context words that name this kind, per language, as the built-in lexicon does.',
      ),
  });
  const allowEntry = z
    .strictObject({
      kind: text({ min: 1, max: 40 })
        .optional()
        .describe('The kind the entry applies to (required with value or prefix).'),
      value: text({ min: 1, max: L.valueLength })
        .optional()
        .describe('A value of the kind never counted (compared on letters and digits).'),
      prefix: text({ min: 1, max: L.valueLength })
        .optional()
        .describe('Values beginning so are never counted (a test card range).'),
      phrase: text({ min: 3, max: L.phraseLength, multiline: true })
        .optional()
        .describe('An exact safe phrase: findings inside it are never counted.'),
    })
    .refine(
      (e) => [e.value, e.prefix, e.phrase].filter((x) => x !== undefined).length === 1,
      'give exactly one of value, prefix or phrase',
    )
    .refine((e) => e.phrase !== undefined || e.kind !== undefined, {
      message: 'a value or prefix needs its kind',
      path: ['kind'],
    });
  const denyEntry = z.strictObject({
    kind: text({ min: 1, max: 40 }).describe('The kind a denied value is always found as.'),
    value: text({ min: 1, max: L.valueLength }).describe(
      'A value always found, wherever it appears.',
    ),
  });
  return z.strictObject({
    mode: z.enum(['enforce', 'monitor']).default('enforce'),
    customKinds: objects(L.customKinds, customKind)
      .optional()
      .describe("The tenant's own kinds of personal data."),
    tuning: z
      .strictObject({
        kinds: z
          .record(text({ min: 1, max: 40 }), kindTuning)
          .optional()
          .describe(
            'Per kind (built-in or custom): switched off, monitor-only, a threshold, context words.',
          ),
        allow: objects(L.allowEntries, allowEntry)
          .optional()
          .describe('Values, prefixes and phrases never counted in a decision.'),
        deny: objects(L.denyEntries, denyEntry)
          .optional()
          .describe('Values always found as their kind.'),
        acknowledgeSecretWeakening: z
          .boolean()
          .optional()
          .describe(
            'Must be true when the tuning switches off, monitors, raises the threshold of or allow-lists a SECRET kind.',
          ),
      })
      .optional(),
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
