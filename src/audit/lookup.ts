import type { HmacKey } from '../auth/keys.ts';
import { fingerprint } from './fingerprint.ts';

/** A value's fingerprint under one key. */
export interface KeyedFingerprint {
  keyId: string;
  fingerprint: string;
}

/** What an officer learns from a lookup: fingerprints to filter the log by, never the values. */
export interface Lookup {
  findings: Array<{ kind: string; masked: string; fingerprints: KeyedFingerprint[] }>;
  customer: KeyedFingerprint[] | null;
  /** Every fingerprint above, ready for GET /v1/audit/events?fingerprint=… */
  fingerprint: string[];
}

/** A value found in what an officer looks up: its kind, its masked preview, its canonical value (only for the life of the lookup). */
export interface LookedUpValue {
  kind: string;
  masked: string;
  value: string;
  /** A custom kind's facts (detectors/kinds.ts KindFacts). */
  facts?: Parameters<typeof fingerprint>[3];
}

/**
 * Fingerprints of the values an officer holds (a customer's IBAN or phone from an access
 * request, say) under the current key and every earlier one, so the events that mention them
 * can be found without the log storing them. The values come from the same detectors as a
 * check (src/service/lookup.ts), so "PL61 1090 …", "61109010140000071219812874" and "+48
 * 600-100-200" fingerprint the way they did when they were found. Kinds never fingerprinted
 * (PINs, codes, balances) are left out.
 */
export function lookupFingerprints(
  keys: HmacKey[],
  values: readonly LookedUpValue[],
  customerId?: string,
): Lookup {
  const under = (
    kind: Parameters<typeof fingerprint>[1],
    value: string,
    facts?: Parameters<typeof fingerprint>[3],
  ) =>
    keys.flatMap((k) => {
      const fp = fingerprint(k.key, kind, value, facts);
      return fp ? [{ keyId: k.id, fingerprint: fp }] : [];
    });
  const findings = values
    .map((f) => ({
      kind: f.kind,
      masked: f.masked,
      fingerprints: under(f.kind, f.value, f.facts),
    }))
    .filter((f) => f.fingerprints.length > 0);
  const customer = customerId ? under('customer', customerId) : null;
  const all = [...findings.flatMap((f) => f.fingerprints), ...(customer ?? [])].map(
    (k) => k.fingerprint,
  );
  return { findings, customer, fingerprint: [...new Set(all)] };
}
