import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, lte, type SQL } from 'drizzle-orm';
import { signCompact } from '../auth/jws.ts';
import type { SigningKey } from '../auth/keys.ts';
import type { Database } from '../db/client.ts';
import { auditChainHeads, auditEvents, auditReviews } from '../db/schema/index.ts';
import { CSV_FIELDS } from './event-fields.ts';
import { filterClause, publicEvent, type EventFilter } from './query.ts';

export type ExportFormat = 'csv' | 'jsonl';

// the event's columns, then its reviews (not a column of the event: they come later)
const CSV_COLUMNS = [...CSV_FIELDS, 'reviews'];
const PAGE = 1000;

/** An exported review: the verdict, who and when (the note is in the JSON Lines export). */
export interface ExportedReview {
  id: string;
  verdict: string;
  reviewer: string;
  createdAt: string;
  note: string;
}

/**
 * What a CSV cell holds of a structured field: findings as `kind:masked preview` (never a
 * value: the preview is masked), identity as its status (and the reason it was rejected),
 * reviews as `verdict by reviewer at time`.
 */
const CSV_TEXT: Record<string, (v: unknown) => unknown> = {
  findings: (v) =>
    Array.isArray(v)
      ? v.map(
          (f: { kind: string; masked: string; allowListed?: boolean }) =>
            `${f.kind}:${f.masked}${f.allowListed ? ' (allow-listed)' : ''}`,
        )
      : v,
  identity: (v) => {
    const id = v as { status?: string; reason?: string } | null;
    return id?.status ? (id.reason ? `${id.status}:${id.reason}` : id.status) : '';
  },
  reviews: (v) =>
    (v as ExportedReview[]).map((r) => `${r.verdict} by ${r.reviewer} at ${r.createdAt}`),
};

/**
 * The reviews of these events that an export through `through` covers: those whose review
 * event is at or before it, so a later review does not change a pinned export's bytes.
 */
async function reviewsOf(
  db: Database,
  tenant: string,
  ids: string[],
  through: number,
): Promise<Map<string, ExportedReview[]>> {
  const out = new Map<string, ExportedReview[]>();
  if (ids.length === 0) return out;
  const found = await db
    .select({
      id: auditReviews.id,
      eventId: auditReviews.eventId,
      verdict: auditReviews.verdict,
      reviewer: auditReviews.reviewer,
      note: auditReviews.note,
      createdAt: auditReviews.createdAt,
    })
    .from(auditReviews)
    .innerJoin(
      auditEvents,
      and(eq(auditEvents.tenant, auditReviews.tenant), eq(auditEvents.id, auditReviews.id)),
    )
    .where(
      and(
        eq(auditReviews.tenant, tenant),
        inArray(auditReviews.eventId, ids),
        lte(auditEvents.seq, through),
      ),
    )
    .orderBy(asc(auditReviews.createdAt), asc(auditReviews.id));
  for (const r of found) {
    const list = out.get(r.eventId) ?? [];
    list.push({
      id: r.id,
      verdict: r.verdict,
      reviewer: r.reviewer,
      createdAt: r.createdAt.toISOString(),
      note: r.note,
    });
    out.set(r.eventId, list);
  }
  return out;
}

// Where a spreadsheet starts reading a cell: the cell's start, and after a ";", which Polish
// and Lithuanian Excel take for the separator of a CSV file (their list separator), quoted
// or not; a formula there (a leading = + - @, tab, carriage return or line feed, as OWASP
// lists them) is defused with an apostrophe.
const FORMULA_START = /(^|;)(?=[=+\-@\t\r\n])/g;

/** One CSV cell: quoted when needed, with every formula a spreadsheet could read in it defused. */
export function csvCell(value: unknown): string {
  const s = Array.isArray(value)
    ? value.join(';')
    : value === null || value === undefined
      ? ''
      : String(value);
  const defused = s.replace(FORMULA_START, "$1'");
  return defused !== s || /[",\n\r]/.test(s) ? `"${defused.replaceAll('"', '""')}"` : s;
}

/** The newest seq of the tenant's chain: an export covers events up to it, so a manifest can be recomputed later. */
export async function currentHead(db: Database, tenant: string): Promise<number> {
  const [head] = await db
    .select({ seq: auditChainHeads.seq })
    .from(auditChainHeads)
    .where(eq(auditChainHeads.tenant, tenant));
  return head?.seq ?? 0;
}

/**
 * Writes the export, page by page (a million events never sit in memory), to `write`;
 * returns how many events and the SHA-256 of every byte written.
 */
export async function writeExport(
  db: Database,
  tenant: string,
  filter: EventFilter,
  format: ExportFormat,
  through: number,
  write: (chunk: string) => Promise<void>,
): Promise<{ count: number; sha256: string }> {
  const hash = createHash('sha256');
  const emit = async (chunk: string) => {
    hash.update(chunk);
    await write(chunk);
  };
  const where = and(filterClause(tenant, filter), lte(auditEvents.seq, through)) as SQL;
  if (format === 'csv') await emit(`${CSV_COLUMNS.join(',')}\n`);
  let before: number | null = null;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(before === null ? where : and(where, lt(auditEvents.seq, before)))
      .orderBy(desc(auditEvents.seq))
      .limit(PAGE);
    const reviews = await reviewsOf(
      db,
      tenant,
      rows.map((r) => r.id),
      through,
    );
    let chunk = '';
    for (const row of rows) {
      const e: Record<string, unknown> = {
        ...publicEvent(row),
        reviews: reviews.get(row.id) ?? [],
      };
      chunk +=
        format === 'csv'
          ? `${CSV_COLUMNS.map((k) => csvCell(CSV_TEXT[k] ? CSV_TEXT[k](e[k]) : e[k])).join(',')}\n`
          : `${JSON.stringify(e)}\n`;
    }
    if (chunk) await emit(chunk);
    count += rows.length;
    if (rows.length < PAGE) break;
    before = rows[rows.length - 1]!.seq;
  }
  return { count, sha256: hash.digest('hex') };
}

/** The signed manifest of an export: what was asked, how many events, the digest of the bytes. */
export function signManifest(
  key: SigningKey,
  manifest: {
    tenant: string;
    format: ExportFormat;
    filters: EventFilter;
    through: number;
    count: number;
    sha256: string;
    generatedAt: string;
  },
): string {
  return signCompact(key, 'sargas-export-manifest+jws', manifest);
}
