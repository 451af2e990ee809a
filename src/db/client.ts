import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The database as the application uses it, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** Runs one raw SQL statement with positional parameters; returns the rows. */
export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** An open database: the drizzle handle, how to migrate it, how to close it, and what it is. */
export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** Runs one raw SQL statement (tests, readiness); returns the rows. */
  query: RawQuery;
  /**
   * A transaction of raw statements, for the audit append: constant statement texts are
   * prepared once per connection, where drizzle would build a new statement per batch size.
   */
  transaction<T>(fn: (query: RawQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Rows of a raw drizzle statement, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function executeRows<T>(db: { execute(query: SQL): Promise<unknown> }, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Real PostgreSQL through postgres.js. */
export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    migrate: () => migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    query: async <T>(text: string, params: unknown[] = []) => (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[],
    transaction: <T>(fn: (query: RawQuery) => Promise<T>) =>
      client.begin((tx) => fn(async <R>(text: string, params: unknown[] = []) => (await tx.unsafe(text, params as never[], { prepare: true })) as unknown as R[])) as Promise<T>,
    close: () => client.end({ timeout: 5 }),
  };
}

/** Embedded PostgreSQL (PGlite): in memory, or persisted under `dataDir`. */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    transaction: <T>(fn: (query: RawQuery) => Promise<T>) => client.transaction((tx) => fn(async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows)),
    close: () => client.close(),
  };
}
