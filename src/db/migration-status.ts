import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseHandle } from './handle.ts';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';

/** How many migrations this version of the service ships (drizzle-kit's journal). */
export const SHIPPED_MIGRATIONS = (
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

/** How many migrations the database has applied (throws while it is unreachable or has none). */
export async function appliedMigrations(database: DatabaseHandle): Promise<number> {
  const [row] = await database.query<{ n: number | string }>(
    'SELECT count(*) AS n FROM drizzle.__drizzle_migrations',
  );
  return Number(row?.n ?? 0);
}
