import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDraft } from '../../test/support/drafts.ts';
import { eventHash } from './chain.ts';
import { CURRENT_HASH_VERSION } from './event-fields.ts';
import { storedForm, UnstorableEvent } from './stored-form.ts';

const draftWith = (details: unknown, findings: unknown = []) =>
  testDraft('t', 'override', new Date('2026-12-01T10:00:00Z'), 'a-1', details as never, {
    findings: findings as never,
  });

/** What the database gives back of a jsonb value: its JSON round trip. */
const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

// storedForm keeps plain JSON as it is and round-trips anything else: either way the result,
// and so the hash, must be what the database will give back.
describe('storedForm: a jsonb column as the database gives it back', () => {
  it('any JSON value: equal to its round trip, and hashed the same', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (details) => {
        const stored = storedForm(draftWith({ details }));
        expect(stored.details).toStrictEqual(roundTrip({ details }));
        const place = { seq: 1, prevHash: '0', seal: null, hashVersion: CURRENT_HASH_VERSION };
        expect(eventHash({ ...stored, ...place } as never)).toBe(
          eventHash({ ...stored, details: roundTrip({ details }), ...place } as never),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('values JSON changes on the way are given as JSON gives them back', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const odd = {
      absent: undefined,
      when: new Date('2026-01-02T03:04:05.678Z'),
      minusZero: -0,
      notANumber: Number.NaN,
      infinite: Number.POSITIVE_INFINITY,
      withToJson: { toJSON: () => 'replaced' },
      instance: new Point(1, 2),
      holes: Object.assign(new Array<number>(3), { 0: 1, 2: 3 }), // a hole at 1
      undefinedItem: [1, undefined, 3],
      nested: [{ a: undefined, b: 1 }],
    };
    const stored = storedForm(draftWith(odd));
    expect(stored.details).toStrictEqual(roundTrip(odd));
    expect(Object.is((stored.details as { minusZero: number }).minusZero, 0)).toBe(true);
  });

  it('plain JSON is kept without a copy; anything else is copied', () => {
    const plain = { a: [1, 'x', { b: null, c: true }] };
    expect(storedForm(draftWith(plain)).details).toBe(plain);
    const dated = { at: new Date(0) };
    expect(storedForm(draftWith(dated)).details).not.toBe(dated);
  });

  it('a NUL or a lone surrogate, in a value or a key, at any depth, is refused', () => {
    for (const bad of ['\u0000', '\ud800', 'a\udc00b']) {
      for (const details of [{ v: bad }, { [bad]: 1 }, { deep: [[{ v: bad }]] }])
        expect(() => storedForm(draftWith(details))).toThrow(UnstorableEvent);
      expect(() => storedForm(draftWith({}, [{ masked: bad }]))).toThrow(UnstorableEvent);
    }
  });
});
