import { describe, expect, it } from 'vitest';
import { asmensKodasValid, ibanMod97, mod11Valid, mod97Valid } from './checksums.ts';
import { scan } from './index.ts';
import { compileTenantDetection, patternProblem, termTokens } from './tenant-detection.ts';

const none = { deny: [], context: [], minConfidence: new Map() };

describe('tenant detection', () => {
  it('checks mod-11 and mod-97 as the built-in kinds do', () => {
    expect(asmensKodasValid('38703181745')).toBe(true);
    expect(mod11Valid('38703181745')).toBe(true);
    expect(mod11Valid('38703181746')).toBe(false);
    expect(mod97Valid('PL61109010140000071219812874')).toBe(
      ibanMod97('PL61109010140000071219812874'),
    );
    // ISO 7064 MOD 97-10 over the digits as written: 97 × k + 1 passes
    expect(mod97Valid(String(97 * 123456 + 1))).toBe(true);
    expect(mod97Valid(String(97 * 123456 + 2))).toBe(false);
  });

  it('cuts terms as the document does: folded words, joined digit groups, trailing prefixes', () => {
    expect(termTokens('Konto  Oszczędnościowe 360*')).toEqual([
      { type: 'word', text: 'konto', prefix: false },
      { type: 'word', text: 'oszczednosciowe', prefix: false },
      { type: 'number', text: '360', prefix: true },
    ]);
    expect(termTokens('4111 1111')).toEqual([{ type: 'number', text: '41111111', prefix: false }]);
  });

  it('refuses what RE2 cannot run and patterns that match nothing at all', () => {
    expect(patternProblem('KR/[0-9]{4}')).toBeNull();
    expect(patternProblem('(a+)+$')).toBeNull();
    expect(patternProblem('(a)\\1')).toMatch(/RE2/);
    expect(patternProblem('x*')).toMatch(/empty/);
  });

  it('never lets a custom kind take the place of a built-in secret', () => {
    const tenant = compileTenantDetection({
      ...none,
      customKinds: [{ name: 'four_digits', class: 'INFO', patterns: ['[0-9]{4}'] }],
    });
    const kinds = scan('Mój PIN to 4821, a kod oddziału 7730.', { tenant }).findings.map(
      (f) => f.kind,
    );
    expect(kinds).toEqual(['pin', 'four_digits']);
  });

  it('finds nothing new and changes nothing without a tenant configuration', () => {
    const text = 'Mój PIN to 4821, karta 4111 1111 1111 1111, tel. 600 100 200.';
    const tenant = compileTenantDetection({ ...none, customKinds: [] });
    expect(scan(text, { tenant })).toEqual(scan(text));
  });
});
