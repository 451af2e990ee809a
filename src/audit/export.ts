import { createHash } from 'node:crypto';
import { and, desc, eq, lt, lte, type SQL } from 'drizzle-orm';
import { signCompact } from '../auth/jws.ts';
import type { SigningKey } from '../auth/keys.ts';
import type { Database } from '../db/client.ts';
import { auditChainHeads, auditEvents } from '../db/schema/index.ts';
import { CSV_FIELDS } from './event-fields.ts';
import { filterClause, publicEvent, type EventFilter } from './query.ts';

export type ExportFormat = 'csv' | 'jsonl';

const CSV_COLUMNS = CSV_FIELDS;
const PAGE = 1000;

/**
 * One CSV cell: quoted when needed, and a cell a spreadsheet would read as a formula (a
 * leading = + - @, tab, carriage return or line feed, as OWASP lists them) is defused with a
 * leading apostrophe.
 */
export function csvCell(value: unknown): string {
  const s = Array.isArray(value)
    ? value.join(';')
    : value === null || value === undefined
      ? ''
      : String(value);
  const formula = /^[=+\-@\t\r\n]/.test(s);
  return formula || /[",\n\r]/.test(s) ? `"${(formula ? `'${s}` : s).replaceAll('"', '""')}"` : s;
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
    let chunk = '';
    for (const row of rows) {
      const e = publicEvent(row);
      chunk +=
        format === 'csv'
          ? `${CSV_COLUMNS.map((k) => csvCell(e[k])).join(',')}\n`
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
