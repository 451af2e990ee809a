import { STORED_COLUMNS } from './event-fields.ts';
import type { EventDraft } from './draft.ts';

/** An event the database would not store as it is (it would refuse it, or change it). */
export class UnstorableEvent extends Error {
  constructor(readonly field: string) {
    super(`audit event field ${field} cannot be stored as it is`);
    this.name = 'UnstorableEvent';
  }
}

// Read from the table (event-fields.ts): the columns a draft carries, by how they are stored.
// A draft has everything but its place in the chain (seq, hashes, seal, hash version).
const PLACED: ReadonlySet<string> = new Set(['seq', 'prevHash', 'hash', 'seal', 'hashVersion']);
const DRAFT_COLUMNS = STORED_COLUMNS.filter((c) => !PLACED.has(c.field));
const TEXT_COLUMNS = DRAFT_COLUMNS.filter((c) => c.type === 'text').map(
  (c) => c.field as keyof EventDraft,
);
const JSON_COLUMNS = DRAFT_COLUMNS.filter((c) => c.type === 'jsonb').map(
  (c) => c.field as keyof EventDraft,
);
const REQUIRED: ReadonlySet<string> = new Set(
  DRAFT_COLUMNS.filter((c) => c.notNull).map((c) => c.field),
);

// In JSON.stringify's output, a NUL or a lone surrogate is an escape preceded by an odd
// run of backslashes (an even run is an escaped backslash followed by the letters "u0000").
const UNSTORABLE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

/**
 * The event exactly as the database will give it back, which is what its hash must cover:
 * jsonb columns after a JSON round trip (undefined members gone, non-finite numbers null,
 * dates as strings), every text well-formed and free of NUL (PostgreSQL turns a lone
 * surrogate into U+FFFD and refuses NUL, in text and jsonb alike), no text column starting
 * with U+FEFF (PGlite's decoder drops it as a byte order mark: found by the round-trip
 * property test). Throws UnstorableEvent
 * naming the column otherwise, so that event fails alone and the rest of its batch commits.
 * The API refuses such input before it is queued (src/validation/text.ts); this is the
 * writer's own guarantee, whoever builds the draft.
 */
export function storedForm(draft: EventDraft): EventDraft {
  const out: Record<string, unknown> = { ...draft };
  for (const column of TEXT_COLUMNS) {
    const value = draft[column];
    if (value === null || value === undefined) {
      if (REQUIRED.has(column)) throw new UnstorableEvent(column);
      out[column] = null;
      continue;
    }
    // a leading U+FEFF is dropped as a byte order mark when PGlite decodes the column
    if (
      typeof value !== 'string' ||
      !value.isWellFormed() ||
      value.includes('\u0000') ||
      value.charCodeAt(0) === 0xfeff
    )
      throw new UnstorableEvent(column);
  }
  for (const column of JSON_COLUMNS) {
    const value = draft[column];
    if (value === null || value === undefined) {
      if (REQUIRED.has(column)) throw new UnstorableEvent(column);
      out[column] = null;
      continue;
    }
    let copy: unknown;
    try {
      // what the service builds is plain JSON: copied by a walk, ~5x cheaper than the round
      // trip; anything else (dates, toJSON, undefined members) takes the round trip
      copy = plainCopy(value, 0);
      if (copy === NOT_PLAIN) {
        const json = JSON.stringify(value);
        copy = json === undefined || UNSTORABLE_ESCAPE.test(json) ? NOT_PLAIN : JSON.parse(json);
      }
    } catch {
      throw new UnstorableEvent(column); // a getter or a proxy that throws
    }
    if (copy === NOT_PLAIN) throw new UnstorableEvent(column);
    out[column] = copy;
  }
  // years 1-99 are stored, but read back in another century (JavaScript's Date parses the
  // database's '0050-…' as 1950, '0001-…' as 2001): a year of four digits, then
  const year = draft.createdAt instanceof Date ? draft.createdAt.getUTCFullYear() : NaN;
  if (!(year >= 1000 && year <= 9999)) throw new UnstorableEvent('createdAt');
  if (typeof draft.wouldBlock !== 'boolean') throw new UnstorableEvent('wouldBlock');
  return out as EventDraft;
}

const NOT_PLAIN: unique symbol = Symbol('not plain JSON');
const storableText = (text: string) => text.isWellFormed() && !text.includes('\u0000');

/**
 * A copy of `value` exactly as its JSON round trip would give it, when it is plain storable
 * JSON: null, booleans, finite numbers (not -0), well-formed strings without NUL, and
 * arrays (no holes) and plain objects of those under storable keys. Each property is read
 * once, so what is hashed and what is stored are the same copy whatever a getter does
 * (one that is then read again by the round trip may give another value: the round trip's
 * copy is the one hashed and stored). NOT_PLAIN for anything else (undefined, dates,
 * toJSON, class instances, non-finite numbers, a "__proto__" key, a key the prototype
 * has), which then takes the round trip or is refused.
 */
function plainCopy(value: unknown, depth: number): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
      return storableText(value) ? value : NOT_PLAIN;
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : NOT_PLAIN;
    case 'object': {
      if (depth > 32) return NOT_PLAIN;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype || 'toJSON' in value) return NOT_PLAIN;
        // the length read once, as JSON reads it
        const length = value.length;
        const out = new Array<unknown>(length);
        for (let i = 0; i < length; i++) {
          const item = plainCopy(value[i], depth + 1);
          // `i in out`: Array.prototype given an index, which the assignment would go through
          if (item === NOT_PLAIN || i in out) return NOT_PLAIN;
          out[i] = item;
        }
        return out;
      }
      const proto = Object.getPrototypeOf(value);
      if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return NOT_PLAIN;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (key === '__proto__' || !storableText(key)) return NOT_PLAIN;
        const member = plainCopy((value as Record<string, unknown>)[key], depth + 1);
        // `key in out`: a key Object.prototype has (constructor, or a setter someone added),
        // which the assignment would go through; JSON.parse defines it, so it takes the round trip
        if (member === NOT_PLAIN || key in out) return NOT_PLAIN;
        out[key] = member;
      }
      return out;
    }
    default:
      return NOT_PLAIN;
  }
}
