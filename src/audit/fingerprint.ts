import { createHmac } from 'node:crypto';
import type { Kind } from '../detectors/types.ts';

/** Kinds whose values are too short to fingerprint safely: a keyed hash of a 4-digit PIN is still a PIN to whoever holds the key. */
const NO_FINGERPRINT: ReadonlySet<Kind> = new Set(['pin', 'password', 'card_security_code', 'one_time_code', 'balance']);

/**
 * A keyed fingerprint (HMAC-SHA-256, truncated to 128 bits) of a canonical value, so an
 * officer can see that the same IBAN appeared in three threads without seeing it.
 * Returns null for kinds that are never fingerprinted.
 */
export function fingerprint(key: Buffer, kind: Kind | 'customer', value: string): string | null {
  if (kind !== 'customer' && NO_FINGERPRINT.has(kind)) return null;
  return createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('base64url').slice(0, 22);
}
