import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, scan } from './index.ts';
import { describeKind, KINDS, type Kind, type KindDescriptor } from './kinds.ts';
import type { Detector } from './types.ts';
import { applyMask } from './mask.ts';

/**
 * A real value of every kind planted in a message, and the only letters and digits its preview
 * may show, in order (POLICY.md: the last four of an IBAN or card, the last two of a phone,
 * nothing of a secret, a balance or an ID). A `Record<Kind, …>`: a kind added without a planted
 * value here does not compile.
 */
const PLANTED: Record<Kind, { text: string; value: string; shows: string }> = {
  iban: {
    text: 'Proszę o zwrot na PL61 1090 1014 0000 0712 1981 2874, dziękuję',
    value: 'PL61 1090 1014 0000 0712 1981 2874',
    shows: '2874',
  },
  payment_card: {
    text: 'kortelė 5500-0000-0000-0004',
    value: '5500-0000-0000-0004',
    shows: '0004',
  },
  card_security_code: { text: 'kod CVC: 456 na odwrocie', value: '456', shows: '' },
  pin: { text: 'mój PIN to 4821', value: '4821', shows: '' },
  password: { text: 'hasło: Kot123!', value: 'Kot123!', shows: '' },
  one_time_code: {
    text: 'Mano vienkartinis slaptažodis 593017, ar jį kas nors matė?',
    value: '593017',
    shows: '',
  },
  balance: { text: 'saldo wynosi 2 500,00 zł', value: '2 500,00 zł', shows: 'zł' },
  phone: { text: 'zadzwoń +48 600 123 456', value: '+48 600 123 456', shows: '56' },
  email: {
    text: 'pisz na jan.kowalski@example.pl.',
    value: 'jan.kowalski@example.pl',
    shows: 'jpl',
  },
  national_id: { text: 'PESEL 44051401458', value: '44051401458', shows: '' },
  address: {
    text: 'mieszkam: ul. Marszałkowska 10/5, 00-950 Warszawa.',
    value: 'ul. Marszałkowska 10/5, 00-950 Warszawa',
    shows: '',
  },
  date_of_birth: { text: 'urodzony 14.05.1944', value: '14.05.1944', shows: '' },
  person_name: {
    text: 'Labas, čia Rūta Petrauskienė iš Kauno',
    value: 'Rūta Petrauskienė',
    shows: 'RP',
  },
};

/** The letters and digits a preview shows (`*` hides one). */
function visible(preview: string): string {
  return [...preview].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).join('');
}

describe('kind descriptors', () => {
  // That every kind has a complete descriptor is the compiler's job, not a test's: `Kind` is the
  // keys of `KIND` and every field of `KindDescriptor` is required (kinds.ts), so a detector of a
  // kind without one, or a descriptor without a mask or a fingerprint decision, does not compile.
  // The `@ts-expect-error` lines at the end of this file hold the types to that: tsc fails when
  // one of them stops being an error.

  describe.each(KINDS.map((k) => [k]))('%s', (kind) => {
    const { text, value, shows } = PLANTED[kind];

    it('masks a planted value so that it shows no more than it may', () => {
      const found = scan(text).findings.filter((f) => f.kind === kind);
      expect(found.map((f) => text.slice(f.start, f.end))).toEqual([value]);
      const preview = found[0]!.masked;
      expect(visible(preview)).toBe(shows);
      // whatever the table says: four letters or digits at most, none of a secret but a card's last four
      expect(visible(preview).length).toBeLessThanOrEqual(
        describeKind(kind).class !== 'SECRET' || describeKind(kind).card ? 4 : 0,
      );
      expect(preview).not.toContain(value);
      expect(redact(text, found)).not.toContain(value);
    });
  });

  it('gives every secret, and nothing else, the words that mention it in a reply', () => {
    for (const kind of KINDS) {
      const d: KindDescriptor = describeKind(kind);
      expect(d.mentions.length > 0).toBe(d.class === 'SECRET');
    }
  });
});

describe('mask strategies', () => {
  const anyText = fc.string({
    unit: fc.constantFrom('a', 'Ż', '7', '0', ' ', '-', '.', '@', 'ą', '9'),
    maxLength: 40,
  });

  it('keeps at most the last `keep` letters and digits, and the separators', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 6 }), (raw, keep) => {
        const out = applyMask({ type: 'keepLast', keep }, raw);
        const alnum = visible(raw);
        expect(visible(out)).toBe(keep === 0 ? '' : alnum.slice(-keep));
        expect(out.replace(/[\p{L}\p{N}*]/gu, '')).toBe(raw.replace(/[\p{L}\p{N}]/gu, ''));
      }),
    );
  });

  it('hides every digit, and a fixed text tells nothing of the value', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(applyMask({ type: 'digits' }, a)).not.toMatch(/\p{N}/u);
        expect(applyMask({ type: 'fixed', text: '********' }, a)).toBe(
          applyMask({ type: 'fixed', text: '********' }, b),
        );
      }),
    );
  });
});

// What the compiler refuses (checked by tsc, which fails when an expected error goes away):
const base = { description: 'x', card: false, claims: [] } as const;
const unfingerprinted = {
  ...base,
  class: 'CONTACT',
  mask: { type: 'email' },
  mentions: [],
} as const;
const unmasked = { ...base, class: 'CONTACT', fingerprint: false, mentions: [] } as const;
const unknownMask = { ...unmasked, mask: { type: 'none' } } as const;
const unmentioned = {
  ...base,
  class: 'SECRET',
  mask: { type: 'digits' },
  fingerprint: false,
  mentions: [],
} as const;
const mentionedContact = { ...unfingerprinted, fingerprint: true, mentions: ['pin'] } as const;
// @ts-expect-error a detector of a kind that has no descriptor
void ({ kind: 'bank_secret', detect: () => [] } satisfies Detector);
// @ts-expect-error a descriptor that does not say whether its kind is fingerprinted
void (unfingerprinted satisfies KindDescriptor);
// @ts-expect-error a descriptor without a mask (there is no default)
void (unmasked satisfies KindDescriptor);
// @ts-expect-error a mask strategy that does not exist
void (unknownMask satisfies KindDescriptor);
// @ts-expect-error a secret that no word mentions (the secret-request rules would never see it asked for)
void (unmentioned satisfies KindDescriptor);
// @ts-expect-error a kind that is no secret, mentioned as one
void (mentionedContact satisfies KindDescriptor);
