import { fileURLToPath } from 'node:url';

/** The drizzle-kit migrations, applied by the app and the tests alike. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));
