import { describe, expect, it } from 'vitest';
import { scan } from '../detectors/index.ts';
import { describeKind, KINDS, type Kind } from '../detectors/kinds.ts';
import { fingerprint } from './fingerprint.ts';

const KEY = Buffer.alloc(32, 7);

describe('fingerprints by kind', () => {
  it('fingerprints exactly the kinds whose descriptor says so, never a short secret or a balance', () => {
    const unhashed = KINDS.filter((k) => fingerprint(KEY, k, '4821') === null).sort();
    expect(unhashed).toEqual(['balance', 'card_security_code', 'one_time_code', 'password', 'pin']);
    for (const kind of KINDS) expect(fingerprint(KEY, kind, '4821') !== null).toBe(describeKind(kind).fingerprint);
  });

  it('gives no fingerprint for the PIN, code, CVV, password and balance of a real message, and keyed ones for the rest', () => {
    const text = 'PIN 4821, kod BLIK 731904, CVV 123, hasło: Kot123!, saldo wynosi 2 500,00 zł, konto PL61 1090 1014 0000 0712 1981 2874';
    const byKind = new Map<Kind, string | null>(scan(text).findings.map((f) => [f.kind, fingerprint(KEY, f.kind, f.value)]));
    expect([...byKind.keys()].sort()).toEqual(['balance', 'card_security_code', 'iban', 'one_time_code', 'password', 'pin']);
    for (const kind of ['pin', 'one_time_code', 'card_security_code', 'password', 'balance'] as const) expect(byKind.get(kind)).toBeNull();
    expect(byKind.get('iban')).toMatch(/^[\w-]{22}$/);
    expect(byKind.get('iban')).not.toBe(fingerprint(Buffer.alloc(32, 8), 'iban', 'PL61109010140000071219812874'));
  });

  it('gives none for a kind the code does not know (an old stored event), and one for a customer', () => {
    expect(fingerprint(KEY, 'bank_secret' as Kind, '4821')).toBeNull();
    expect(fingerprint(KEY, 'customer', 'c-1')).toMatch(/^[\w-]{22}$/);
  });
});
