import { describe, expect, it } from 'vitest';
import { describeKind, KINDS, type Kind } from '../detectors/kinds.ts';
import { fingerprint } from './fingerprint.ts';

const KEY = Buffer.alloc(32, 7);

describe('fingerprints by kind', () => {
  it('fingerprints exactly the kinds whose descriptor says so, never a short secret or a balance', () => {
    const unhashed = KINDS.filter((k) => fingerprint(KEY, k, '4821') === null).sort();
    expect(unhashed).toEqual(['balance', 'card_security_code', 'one_time_code', 'password', 'pin']);
    for (const kind of KINDS)
      expect(fingerprint(KEY, kind, '4821') !== null).toBe(describeKind(kind).fingerprint);
  });

  it('gives none for the canonical values detectors find for a PIN, a code, a CVV, a password and a balance', () => {
    const planted: Array<[Kind, string]> = [
      ['pin', '4821'],
      ['one_time_code', '731904'],
      ['card_security_code', '123'],
      ['password', 'Kot123!'],
      ['balance', '2 500,00 zł'],
    ];
    for (const [kind, value] of planted) expect(fingerprint(KEY, kind, value)).toBeNull();
    const iban = fingerprint(KEY, 'iban', 'PL61109010140000071219812874');
    expect(iban).toMatch(/^[\w-]{22}$/);
    expect(iban).not.toBe(fingerprint(Buffer.alloc(32, 8), 'iban', 'PL61109010140000071219812874'));
  });

  it('gives none for a kind the code does not know (an old stored event), and one for a customer', () => {
    expect(fingerprint(KEY, 'bank_secret' as Kind, '4821')).toBeNull();
    expect(fingerprint(KEY, 'customer', 'c-1')).toMatch(/^[\w-]{22}$/);
  });
});
