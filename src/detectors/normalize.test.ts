import { describe, expect, it } from 'vitest';
import { fold, normalize } from './normalize.ts';
import { scan } from './index.ts';

describe('normalize', () => {
  it('removes invisible characters and keeps offsets into the original', () => {
    const original = 'P\u200bIN 1\u00ad2';
    const n = normalize(original);
    expect(n.text).toBe('PIN 12');
    expect(Array.from(n.startMap)).toEqual([0, 2, 3, 4, 5, 7]);
  });

  it('maps full-width and other Unicode digits to ASCII', () => {
    expect(normalize('４８２１').text).toBe('4821');
    expect(normalize('٤٨٢١').text).toBe('4821');
    expect(normalize('४८२१').text).toBe('4821');
  });

  it('keeps astral characters as one unit each in the map', () => {
    const n = normalize('😀 12');
    expect(n.text).toBe('😀 12');
    expect(n.startMap[2]).toBe(2);
  });

  it('folds case and diacritics without changing length', () => {
    const s = 'SĄSKAITOS Łódź Żółć';
    expect(fold(s)).toBe('saskaitos lodz zolc');
    expect(fold(s)).toHaveLength(s.length);
  });
});

describe('evasion', () => {
  it.each([
    ['zero-width inside an IBAN', 'konto P\u200bL61 1090 1014 0000 0712 1981 2874', 'iban'],
    ['full-width digits in a card', 'karta ４１１１ １１１１ １１１１ １１１１', 'payment_card'],
    ['a PIN spelled out', 'my PIN is 4 8 2 1', 'pin'],
    ['a PESEL split by dashes', 'PESEL 440514-01458', 'national_id'],
    ['an IBAN over a line break', 'IBAN PL61 1090 1014\n0000 0712 1981 2874', 'iban'],
    ['a card split by slashes', 'card 4111/1111/1111/1111', 'payment_card'],
    ['soft hyphens inside a phone', 'tel. 600\u00ad123\u00ad456', 'phone'],
  ])('finds %s, with offsets into the original', (_label, text, kind) => {
    const hits = scan(text).findings.filter((f) => f.kind === kind);
    expect(hits).toHaveLength(1);
    const raw = text.slice(hits[0]!.start, hits[0]!.end);
    expect(raw.replace(/[^\p{N}]/gu, '').length).toBeGreaterThan(3);
    expect(text.slice(0, hits[0]!.start)).not.toMatch(/\d$/u);
  });

  it('stays linear on adversarial input', () => {
    const inputs = [
      '1 '.repeat(10_000),
      '1-'.repeat(10_000),
      'PL'.repeat(10_000),
      'a@'.repeat(10_000),
      '1,'.repeat(10_000),
      'ul. A '.repeat(3_000),
      'PIN '.repeat(5_000),
    ];
    for (const text of inputs) {
      const started = performance.now();
      scan(text.slice(0, 20_000));
      // generous: a catastrophic backtrack takes seconds to minutes, linear work milliseconds
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
