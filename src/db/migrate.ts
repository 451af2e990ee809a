import { join } from 'node:path';
import { loadConfigOrExit } from '../config.ts';
import { openPglite, openPostgres } from './client.ts';
import { appliedMigrations } from './migration-status.ts';

// `npm run migrate`: applies the migrations as the database user in DATABASE_URL (the
// tables' owner), for deployments whose service role may not create or alter tables.
const config = loadConfigOrExit();
const database = config.DATABASE_URL
  ? openPostgres(config.DATABASE_URL, { max: 1 })
  : await openPglite(join(config.DATA_DIR, 'pglite'));
try {
  await database.migrate();
  console.log(`migrations applied: ${await appliedMigrations(database)}`);
} catch (err) {
  console.error(`migration failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
