import { createHmac } from 'node:crypto';
import { describeKind, isKind, type Kind, type KindFacts } from '../detectors/kinds.ts';

/**
 * A keyed fingerprint (HMAC-SHA-256, truncated to 128 bits) of a canonical value, so an
 * officer can see that the same IBAN appeared in three threads without seeing it.
 * Returns null for kinds whose descriptor says they are never fingerprinted (short secrets and
 * balances: a keyed hash of a 4-digit PIN is still a PIN to whoever holds the key), and for
 * anything that is not a kind at all. A tenant's custom kind (`facts` given) follows its facts
 * (customKindFacts: never for a secret), under a name of its own (`custom:<name>`).
 */
export function fingerprint(
  key: Buffer,
  kind: Kind | 'customer' | (string & {}),
  value: string,
  facts?: KindFacts,
): string | null {
  let label: string = kind;
  if (facts) {
    if (!facts.fingerprint) return null;
    label = `custom:${kind}`;
  } else if (kind !== 'customer' && !(isKind(kind) && describeKind(kind).fingerprint)) return null;
  return createHmac('sha256', key)
    .update(`${label}\u0000${value}`)
    .digest('base64url')
    .slice(0, 22);
}
