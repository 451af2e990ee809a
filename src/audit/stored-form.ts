import type { EventDraft } from './writer.ts';

/** An event the database would not store as it is (it would refuse it, or change it). */
export class UnstorableEvent extends Error {
  constructor(readonly field: string) {
    super(`audit event field ${field} cannot be stored as it is`);
    this.name = 'UnstorableEvent';
  }
}

const TEXT_COLUMNS = [
  'id', 'tenant', 'type', 'direction', 'visibility', 'platform', 'decision', 'mode', 'policyVersion', 'locale', 'agentId',
  'customerFp', 'threadId', 'postId', 'linkedEventId', 'idempotencyKey', 'requestFp', 'hmacKeyId',
] as const satisfies ReadonlyArray<keyof EventDraft>;
const JSON_COLUMNS = ['rules', 'kinds', 'findings', 'actions', 'identity', 'details'] as const satisfies ReadonlyArray<keyof EventDraft>;
const REQUIRED: ReadonlySet<string> = new Set(['id', 'tenant', 'type', 'hmacKeyId', 'rules', 'kinds', 'findings', 'actions']);

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
    if (typeof value !== 'string' || !value.isWellFormed() || value.includes('\u0000') || value.charCodeAt(0) === 0xfeff) throw new UnstorableEvent(column);
  }
  for (const column of JSON_COLUMNS) {
    const value = draft[column];
    if (value === null || value === undefined) {
      if (REQUIRED.has(column)) throw new UnstorableEvent(column);
      out[column] = null;
      continue;
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      throw new UnstorableEvent(column);
    }
    if (json === undefined || UNSTORABLE_ESCAPE.test(json)) throw new UnstorableEvent(column);
    out[column] = JSON.parse(json);
  }
  const year = draft.createdAt instanceof Date ? draft.createdAt.getUTCFullYear() : NaN;
  if (!(year >= 1 && year <= 9999)) throw new UnstorableEvent('createdAt');
  if (typeof draft.wouldBlock !== 'boolean') throw new UnstorableEvent('wouldBlock');
  return out as EventDraft;
}
