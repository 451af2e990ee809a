import type { JWK } from 'jose';
import type { SigningKey } from '../auth/keys.ts';
import type { Database } from '../db/client.ts';
import { serviceKeys } from '../db/schema/index.ts';

/** Records the service's current public key, once; runs at start, so a later rotation keeps it published. */
export async function registerServiceKey(db: Database, key: SigningKey, now: Date): Promise<void> {
  await db
    .insert(serviceKeys)
    .values({ kid: key.kid, publicJwk: key.publicJwk, firstUsedAt: now })
    .onConflictDoNothing();
}

/**
 * The public keys anything in the log may have been signed with: the current one first,
 * then every earlier one recorded. If the database cannot be read this fails (a 503), rather
 * than publish the current key alone and make everything signed before a rotation look forged.
 */
export async function publishedKeys(db: Database, current: SigningKey): Promise<JWK[]> {
  const stored = (await db.select().from(serviceKeys).orderBy(serviceKeys.firstUsedAt)).map(
    (r) => r.publicJwk as JWK,
  );
  return [current.publicJwk, ...stored.filter((k) => k.kid !== current.kid).reverse()];
}
