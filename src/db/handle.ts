import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The database as the application uses it, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** Runs one raw SQL statement with positional parameters; returns the rows. */
export type RawQuery = <T = Record<string, unknown>>(
  text: string,
  params?: unknown[],
) => Promise<T[]>;

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
   * With `deadline` (performance.now() milliseconds), PostgreSQL cancels any of its
   * statements still running then (`SET LOCAL statement_timeout`, computed when the
   * transaction starts and sent in the same round trip as its first statement), so nothing
   * of it commits after its callers' deadline. PGlite runs in-process and has no timer to
   * cancel with: its callers check the deadline when the transaction starts.
   */
  transaction<T>(fn: (query: RawQuery) => Promise<T>, options?: { deadline?: number }): Promise<T>;
  /**
   * Statements on a connection of their own, each committing by itself (the audit append's
   * compare-and-set is one atomic statement): no BEGIN or COMMIT round trips. With
   * `deadline`, the server cancels a statement still running then, as in `transaction`.
   * PGlite: a transaction (its one connection, held until `fn` is done).
   */
  exclusive<T>(fn: (query: RawQuery) => Promise<T>, options?: { deadline?: number }): Promise<T>;
  /** One consistent view of the database for `fn`: a REPEATABLE READ, READ ONLY transaction (verification). */
  snapshot<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** A round trip on a connection of its own (the availability probe): resolves when the database answers. */
  probe(): Promise<void>;
  close(): Promise<void>;
}
