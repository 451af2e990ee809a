import fc from 'fast-check';
import { describe, it } from 'vitest';
import { asmensKodasValid, ibanMod97, luhnValid, peselValid } from './checksums.ts';
import { scan } from './index.ts';
import type { Kind, Locale } from './types.ts';

// Filler words that carry no context label, in the three languages.
const WORDS: Record<Locale, string[]> = {
  pl: [
    'dzień',
    'dobry',
    'proszę',
    'sprawdzić',
    'dziękuję',
    'bardzo',
    'wczoraj',
    'dzisiaj',
    'czy',
    'możecie',
    'pomóc',
    'to',
    'pilne',
  ],
  lt: [
    'sveiki',
    'ačiū',
    'prašau',
    'patikrinti',
    'vakar',
    'šiandien',
    'ar',
    'galite',
    'padėti',
    'tai',
    'skubu',
    'labai',
  ],
  en: [
    'hello',
    'please',
    'check',
    'thanks',
    'yesterday',
    'today',
    'could',
    'you',
    'help',
    'this',
    'urgent',
    'again',
  ],
};
const locale = fc.constantFrom<Locale>('pl', 'lt', 'en');
const words = (l: Locale) =>
  fc.array(fc.constantFrom(...WORDS[l]), { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const separator = fc.constantFrom(' ', '-', '.', '');

/** Writes `value` in groups of four with one separator kind, as people write IBANs and cards. */
function grouped(value: string, sep: string): string {
  return value.match(/.{1,4}/g)!.join(sep);
}

function ibanFrom(country: string, bban: string): string {
  const check = 98 - Number(bigMod97(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}
function bigMod97(s: string): number {
  let rem = 0;
  for (const ch of s)
    rem =
      (rem * (/\d/.test(ch) ? 10 : 100) + (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55)) %
      97;
  return rem;
}

const iban = fc.oneof(
  digits(24).map((b) => ibanFrom('PL', b)),
  digits(16).map((b) => ibanFrom('LT', b)),
  digits(18).map((b) => ibanFrom('DE', b)),
  fc
    .tuple(fc.constantFrom('NWBK', 'MIDL', 'BARC'), digits(14))
    .map(([bank, rest]) => ibanFrom('GB', bank + rest)),
);

function withLuhn(body: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
const card = fc
  .tuple(fc.constantFrom('4', '51', '52', '55'), digits(14))
  .map(([p, rest]) => withLuhn((p + rest).slice(0, 15)));

const birth = fc.date({
  min: new Date(Date.UTC(1901, 0, 1)),
  max: new Date(Date.UTC(2019, 11, 31)),
  noInvalidDate: true,
});
const pesel = fc.tuple(birth, digits(4)).map(([d, serial]) => {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1 + (y >= 2000 ? 20 : 0);
  const body = `${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}${serial}`;
  for (let c = 0; c < 10; c++) if (peselValid(body + c)) return body + c;
  throw new Error('unreachable');
});
const asmensKodas = fc
  .tuple(birth, digits(3), fc.constantFrom(0, 1))
  .map(([d, serial, sex]) => {
    const y = d.getUTCFullYear();
    const g = (y >= 2000 ? 5 : 3) + sex;
    const body = `${g}${String(y % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}${serial}`;
    for (let c = 0; c < 10; c++) if (asmensKodasValid(body + c)) return body + c;
    return null;
  })
  .filter((v): v is string => v !== null);

const plPhone = fc
  .tuple(
    fc.constantFrom('50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'),
    digits(7),
  )
  .map(([p, r]) => p + r);
const phone = fc.oneof(
  fc.tuple(plPhone, fc.constantFrom(' ', '-')).map(([n, s]) => ({
    written: `+48 ${n.slice(0, 3)}${s}${n.slice(3, 6)}${s}${n.slice(6)}`,
    national: false,
  })),
  fc
    .tuple(digits(7))
    .map(([r]) => ({ written: `+370 6${r.slice(0, 2)} ${r.slice(2)}`, national: false })),
  plPhone.map((n) => ({
    written: `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    national: true,
  })),
);

function findsExactly(text: string, kind: Kind, written: string, l: Locale): boolean {
  const start = text.indexOf(written);
  const hits = scan(text, { locale: l }).findings.filter((f) => f.kind === kind);
  return hits.length === 1 && hits[0]!.start === start && hits[0]!.end === start + written.length;
}

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };

describe('properties: valid values embedded in text are found with their exact span', () => {
  it('IBANs', () => {
    fc.assert(
      fc.property(
        locale.chain((l) => fc.tuple(fc.constant(l), words(l), iban, separator, words(l))),
        ([l, before, value, sep, after]) => {
          const written = grouped(value, sep);
          return findsExactly(`${before} ${written} ${after}`.trim(), 'iban', written, l);
        },
      ),
      RUNS,
    );
  });

  it('card numbers', () => {
    fc.assert(
      fc.property(
        locale.chain((l) =>
          fc.tuple(fc.constant(l), words(l), card, fc.constantFrom(' ', '-', ''), words(l)),
        ),
        ([l, before, value, sep, after]) => {
          const written = grouped(value, sep);
          return findsExactly(`${before} ${written} ${after}`.trim(), 'payment_card', written, l);
        },
      ),
      RUNS,
    );
  });

  it('PESEL and asmens kodas', () => {
    fc.assert(
      fc.property(
        locale.chain((l) =>
          fc.tuple(fc.constant(l), words(l), fc.oneof(pesel, asmensKodas), words(l)),
        ),
        ([l, before, value, after]) =>
          findsExactly(`${before} ${value} ${after}`.trim(), 'national_id', value, l),
      ),
      RUNS,
    );
  });

  it('phone numbers (national form in a Polish message, international anywhere)', () => {
    fc.assert(
      fc.property(
        locale.chain((l) => fc.tuple(fc.constant(l), words(l), phone, words(l))),
        ([l, before, p, after]) => {
          const lang = p.national ? 'pl' : l;
          return findsExactly(`${before} ${p.written} ${after}`.trim(), 'phone', p.written, lang);
        },
      ),
      RUNS,
    );
  });
});

describe('properties: numbers failing their checksum are not reported', () => {
  it('a changed digit breaks an IBAN, a card and a PESEL', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          iban.map((v) => ['iban', v] as const),
          card.map((v) => ['payment_card', v] as const),
          pesel.map((v) => ['national_id', v] as const),
        ),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        ([kind, value], at, delta) => {
          const positions = [...value]
            .map((ch, i) => (/\d/.test(ch) && i >= (kind === 'iban' ? 2 : 0) ? i : -1))
            .filter((i) => i >= 0);
          const i = positions[at % positions.length]!;
          const broken = value.slice(0, i) + ((Number(value[i]) + delta) % 10) + value.slice(i + 1);
          if (kind === 'iban' && ibanMod97(broken)) return true; // not reachable for one changed digit, kept for honesty
          // a broken PESEL can be a valid Lithuanian asmens kodas, which is a national ID too
          fc.pre(kind !== 'national_id' || (!peselValid(broken) && !asmensKodasValid(broken)));
          return scan(`hello ${broken} thanks`, { locale: 'en' }).findings.every(
            (f) => f.kind !== kind,
          );
        },
      ),
      RUNS,
    );
  });

  it('random eleven-digit numbers that fail both ID checksums are not IDs', () => {
    fc.assert(
      fc.property(
        digits(11).filter((d) => !peselValid(d) && !asmensKodasValid(d)),
        (d) =>
          scan(`numer ${d} dziękuję`, { locale: 'pl' }).findings.every(
            (f) => f.kind !== 'national_id',
          ),
      ),
      RUNS,
    );
  });

  it('random 16-digit numbers that fail Luhn are not cards', () => {
    fc.assert(
      fc.property(
        digits(16).filter((d) => !luhnValid(d)),
        (d) =>
          scan(`karta ${d}`, { locale: 'pl' }).findings.every((f) => f.kind !== 'payment_card'),
      ),
      RUNS,
    );
  });
});
