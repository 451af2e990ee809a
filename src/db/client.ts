import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';
import * as schema from './schema/index.ts';

export type { Database, DatabaseHandle, RawQuery, Schema } from './handle.ts';
import type { Database, DatabaseHandle, RawQuery } from './handle.ts';

/** Rows of a raw drizzle statement, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function executeRows<T>(
  db: { execute(query: SQL): Promise<unknown> },
  query: SQL,
): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { MIGRATIONS_FOLDER };
export { openPostgres, POSTGRES_CONNECTION } from './postgres-handle.ts';

const SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

/** Embedded PostgreSQL (PGlite): in memory, or persisted under `dataDir`. */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    migrate: () =>
      migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    query: async <T>(text: string, params: unknown[] = []) =>
      (await client.query<T>(text, params)).rows,
    transaction: <T>(fn: (query: RawQuery) => Promise<T>) =>
      client.transaction((tx) =>
        fn(
          async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
        ),
      ),
    exclusive: <T>(fn: (query: RawQuery) => Promise<T>) =>
      client.transaction((tx) =>
        fn(
          async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
        ),
      ),
    // PGlite has one connection: a transaction holds it, so the snapshot is exclusive anyway
    snapshot: <T>(fn: (db: Database) => Promise<T>) =>
      db.transaction((tx) => fn(tx as unknown as Database), SNAPSHOT),
    probe: async () => {
      await client.query('SELECT 1');
    },
    close: () => client.close(),
  };
}
