import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import type { Database, DatabaseHandle, RawQuery } from './handle.ts';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';
import * as schema from './schema/index.ts';
import { StoreUnavailable } from './unavailable.ts';

/** postgres.js settings for fast failure and fast recovery (docs/audit.md, outages). */
export const POSTGRES_CONNECTION = {
  // a server that does not answer the connection fails it in 2 s, not postgres.js' 30
  connect_timeout: 2,
  // TCP keep-alive after 10 s idle, not 60: a peer that vanished is noticed sooner
  keep_alive: 10,
  // after a failed connection postgres.js waits 3^retries/100 s (capped at 20 s) before the
  // next attempt: after an outage of some seconds that delayed the first success by ~10 s.
  // Doubling from 50 ms, capped at 500 ms, keeps reconnecting cheap and recovery prompt.
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
} as const;

/** A client of one connection, lent to one transaction at a time; `generation` counts the connections it lost. */
interface Dedicated {
  sql: Sql;
  generation: number;
}

/**
 * Transactions on connections of their own, written BEGIN … COMMIT by hand. postgres.js'
 * own `begin()` and `reserve()` write to a connection after it closed when the server goes
 * away mid-transaction (its ROLLBACK), which throws from a timer and takes the process down
 * (porsager/postgres#1154, #1208, open): an outage must cost the service nothing but 503s.
 * A client of one connection reconnects on its own; a statement of a transaction whose
 * connection was lost is never sent on the next one (the generation check), so no half of
 * a transaction ever runs outside it.
 */
class DedicatedConnections {
  private idle: Dedicated[] = [];
  private waiting: Array<(d: Dedicated) => void> = [];
  private all: Dedicated[] = [];

  constructor(
    private readonly url: string,
    private readonly max: number,
  ) {}

  async with<T>(fn: (d: Dedicated) => Promise<T>): Promise<T> {
    const d =
      this.idle.pop() ??
      (this.all.length < this.max
        ? this.create()
        : await new Promise<Dedicated>((r) => this.waiting.push(r)));
    try {
      return await fn(d);
    } finally {
      const next = this.waiting.shift();
      if (next) next(d);
      else this.idle.push(d);
    }
  }

  private create(): Dedicated {
    const d: Dedicated = { sql: undefined as unknown as Sql, generation: 0 };
    d.sql = postgres(this.url, {
      max: 1,
      onnotice: () => {},
      ...POSTGRES_CONNECTION,
      onclose: () => void d.generation++,
    });
    this.all.push(d);
    return d;
  }

  async end(): Promise<void> {
    await Promise.all(this.all.map((d) => d.sql.end({ timeout: 5 })));
  }
}

const lost = () =>
  new StoreUnavailable(
    'the database connection was lost during the transaction',
    'outcome_unknown',
  );

/** A transaction on `d`: BEGIN (and the statement timeout) in one round trip with nothing else, statements, COMMIT. */
async function inTransaction<T>(
  d: Dedicated,
  begin: string,
  deadline: number | undefined,
  fn: (query: RawQuery) => Promise<T>,
): Promise<T> {
  const generation = d.generation;
  const query: RawQuery = async <R>(text: string, params: unknown[] = []) => {
    if (d.generation !== generation) throw lost();
    return (await d.sql.unsafe(text, params as never[], { prepare: true })) as unknown as R[];
  };
  try {
    // LOCAL: for this transaction only, whatever the session was left with (see onOwn); 0 is none
    await Promise.all([
      d.sql.unsafe(begin).execute(),
      d.sql.unsafe(SET_TIMEOUT, [String(timeoutOf(deadline)), true], { prepare: true }).execute(),
    ]);
    const result = await fn(query);
    if (d.generation !== generation) throw lost();
    await d.sql.unsafe('COMMIT');
    return result;
  } catch (err) {
    if (d.generation === generation) await d.sql.unsafe('ROLLBACK').catch(() => {});
    throw err;
  }
}

// one prepared statement whatever the value (a SET with the value written in would be a new
// statement for each), LOCAL (true) inside a transaction, for the session (false) outside
const SET_TIMEOUT = "SELECT set_config('statement_timeout', $1, $2)";
const timeoutOf = (deadline: number | undefined) =>
  deadline === undefined ? 0 : Math.max(1, Math.ceil(deadline - performance.now()));

/**
 * Statements on `d` outside a transaction, each committing by itself; the session's
 * statement timeout, set in the same round trip as the first, ends at `deadline`.
 */
async function onOwn<T>(
  d: Dedicated,
  deadline: number | undefined,
  fn: (query: RawQuery) => Promise<T>,
): Promise<T> {
  const generation = d.generation;
  let first = true;
  const query: RawQuery = async <R>(text: string, params: unknown[] = []) => {
    if (d.generation !== generation) throw lost();
    if (first) {
      first = false;
      const set = d.sql
        .unsafe(SET_TIMEOUT, [String(timeoutOf(deadline)), false], { prepare: true })
        .execute();
      const [, rows] = await Promise.all([
        set,
        d.sql.unsafe(text, params as never[], { prepare: true }).execute(),
      ]);
      return rows as unknown as R[];
    }
    return (await d.sql.unsafe(text, params as never[], { prepare: true })) as unknown as R[];
  };
  return fn(query);
}

/** Real PostgreSQL through postgres.js. */
export function openPostgres(
  url: string,
  options: { max?: number; transactions?: number } = {},
): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...POSTGRES_CONNECTION,
  });
  // the probe has a connection of its own: the pool's may all be stuck on a dead server
  const probeClient = postgres(url, {
    max: 1,
    onnotice: () => {},
    ...POSTGRES_CONNECTION,
    connect_timeout: 1,
    idle_timeout: 10,
  });
  const dedicated = new DedicatedConnections(url, options.transactions ?? 4);
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    migrate: () =>
      migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    query: async <T>(text: string, params: unknown[] = []) =>
      (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[],
    transaction: (fn, opts = {}) =>
      dedicated.with((d) => inTransaction(d, 'BEGIN', opts.deadline, fn)),
    exclusive: (fn, opts = {}) => dedicated.with((d) => onOwn(d, opts.deadline, fn)),
    snapshot: (fn) =>
      dedicated.with(async (d) => {
        const tx = drizzlePostgres(d.sql, { schema }) as unknown as Database;
        // drizzle's statements go through the same one connection; were it lost midway, what
        // was read after it is not of the snapshot, and the whole reading is refused
        return inTransaction(
          d,
          'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
          undefined,
          async () => fn(tx),
        );
      }),
    probe: async () => {
      await probeClient.unsafe('SELECT 1');
    },
    close: async () => {
      await Promise.all([
        client.end({ timeout: 5 }),
        probeClient.end({ timeout: 1 }),
        dedicated.end(),
      ]);
    },
  };
}
