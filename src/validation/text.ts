import { z } from 'zod';

// C0 controls, DEL and C1 controls. Tab, line feed and carriage return are allowed in prose
// (a message, a note), never in identifiers, which end up in logs, CSV cells and file names.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Why a string cannot be stored as it is, or null. A lone UTF-16 surrogate is stored by
 * PostgreSQL as U+FFFD (so an event hashed before storing would never verify again), and a
 * NUL is refused by it outright (text and jsonb alike): both are refused here, before
 * anything is queued. The message names the problem, never the value.
 */
export function textProblem(value: string, options: { multiline?: boolean } = {}): string | null {
  if (!value.isWellFormed()) return 'must be well-formed Unicode (no lone surrogates)';
  // a leading U+FEFF is taken for a byte order mark and dropped by a UTF-8 decoder (PGlite's
  // reading a text column back does): an identifier may not start with one
  if (!options.multiline && value.charCodeAt(0) === 0xfeff)
    return 'must not begin with U+FEFF (a byte order mark)';
  if ((options.multiline ? CONTROLS_BUT_LINE_BREAKS : CONTROLS).test(value)) {
    return options.multiline
      ? 'must not contain control characters other than tab and line breaks'
      : 'must not contain control characters';
  }
  return null;
}

/**
 * The one rule for text that reaches the audit store, the logs or a header: a bounded,
 * well-formed string without control characters (line breaks too, unless `multiline`).
 */
export function safeText(options: { min?: number; max: number; multiline?: boolean }) {
  return z
    .string()
    .min(options.min ?? 0)
    .max(options.max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, options);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/**
 * Why a JSON value (a document accepted as a whole, such as a JWK with members of its own)
 * cannot be stored, or null: every key and string in it must pass `textProblem`, and it may
 * not nest deeper than `maxDepth` or hold more than `maxNodes` values.
 */
export function jsonProblem(
  value: unknown,
  limits: { maxDepth: number; maxNodes: number } = { maxDepth: 8, maxNodes: 2000 },
): string | null {
  let nodes = 0;
  const walk = (v: unknown, depth: number): string | null => {
    if (++nodes > limits.maxNodes) return `must hold at most ${limits.maxNodes} values`;
    if (depth > limits.maxDepth) return `must nest at most ${limits.maxDepth} levels deep`;
    if (typeof v === 'string') return textProblem(v);
    if (typeof v === 'number') return Number.isFinite(v) ? null : 'must hold finite numbers only';
    if (v === null || typeof v !== 'object') return null;
    if (Array.isArray(v)) {
      for (const inner of v) {
        const problem = walk(inner, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    for (const [key, inner] of Object.entries(v)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return `keys ${keyProblem}`;
      const problem = walk(inner, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(value, 0);
}

/** A JSON object accepted with members of its own, each key and string checked by `jsonProblem`. */
export function safeJsonObject<S extends z.ZodObject>(schema: S) {
  return schema.passthrough().superRefine((value, ctx) => {
    const problem = jsonProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

// Calendar dates and times as ISO 8601 writes them, years 0001–9999: what PostgreSQL's
// timestamptz and JavaScript both read the same way (JavaScript's own extended years,
// "+275760-09-13", are out of PostgreSQL's range).
const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2})?)?$/i;

/** A date-time parameter: ISO 8601, years 1 to 9999; a 400 naming the field otherwise. */
export const isoDate = z
  .string()
  .max(40)
  .regex(ISO_DATE, 'must be an ISO 8601 date or date-time, e.g. 2026-11-23T09:00:00Z')
  .transform((value, ctx) => {
    // without a zone a time is UTC, as a date alone is, whatever the server's zone
    const [, day, time, zone] = ISO_DATE.exec(value) as RegExpExecArray;
    const date = new Date(`${day}T${time ?? '00:00'}${(zone ?? 'Z').toUpperCase()}`);
    const year = date.getUTCFullYear();
    if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
      ctx.addIssue({ code: 'custom', message: 'must be a real date between the years 1 and 9999' });
      return z.NEVER;
    }
    return date;
  });
