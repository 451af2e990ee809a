import fc from 'fast-check';

/** Code units a hostile client would send: lone surrogates, NUL and other controls, astral letters, ordinary text. */
const unit = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'a',
      'Z',
      '7',
      ' ',
      '-',
      ':',
      '.',
      'ł',
      'ą',
      'ž',
      '€',
      'é',
      '=',
      '+',
      '@',
      '"',
      "'",
      '\\',
      '%',
      '/',
      '<',
      ',',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0xa0, max: 0xfffd }).map((c) => String.fromCharCode(c)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\ufeff',
      '\ufffe',
      '\u2028',
      '\u202e',
      '\u0000',
      '\n',
      '\r\n',
      '\t',
    ),
  },
);

/** Any string, short or long (up to `max` units), built from `unit`. */
export const hostileString = (max = 40) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit, maxLength: max }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit, maxLength: 3 }), fc.integer({ min: 200, max: 30_000 }))
        .map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length)))),
    },
  );

/** The same, with `canary` inside, to find the value again in logs or error bodies. */
export const carrying = (canary: string, max = 30) =>
  fc.tuple(hostileString(max), hostileString(max)).map(([a, b]) => `${a}${canary}${b}`);

/** Percent-encoding as a browser would, and sometimes broken sequences as an attacker would. */
export function encodeParam(value: string, broken: boolean): string {
  let out = '';
  for (const ch of value) {
    if (/^[A-Za-z0-9_.~-]$/.test(ch)) out += ch;
    else
      for (const b of Buffer.from(ch, 'utf8'))
        out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return broken ? `${out}%E0%A4%ZZ%` : out;
}

/** A header value fetch's Headers accept (latin-1, no CR, LF or NUL): what reaches the service. */
export const headerValue = (canary: string) =>
  fc
    .string({
      unit: fc
        .oneof(
          fc.integer({ min: 0x20, max: 0x7e }),
          fc.integer({ min: 0x80, max: 0xff }),
          fc.constant(9),
        )
        .map((c) => String.fromCharCode(c)),
      maxLength: 60,
    })
    .map((s) => `${s}${canary}`);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Hostile strings, three times in four made storable (no lone surrogate, no NUL; other controls, astral letters and length kept). */
export const mostlyStorable = (max = 40) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: hostileString(max).map((s) =>
        s.replace(LONE_SURROGATE, '\ufffd').replaceAll('\u0000', ''),
      ),
    },
    { weight: 1, arbitrary: hostileString(max) },
  );
