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

// storedForm copies plain JSON by a walk and round-trips anything else: either way the
// result, and so the hash, must be what the database will give back.
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

  it('a getter is read into one plain copy; an array with its own toJSON is given as JSON gives it', () => {
    let reads = 0;
    const counted = {
      get n() {
        return ++reads;
      },
    };
    const stored = storedForm(draftWith(counted)).details as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(stored, 'n')).toHaveProperty('value', 1);
    expect(reads).toBe(1);
    const list = Object.assign([1, 2], { toJSON: () => 'replaced' });
    expect(storedForm(draftWith({ list })).details).toStrictEqual({ list: 'replaced' });
  });

  it('a proxy is read once, a throwing getter or trap is refused, an own __proto__ key kept', () => {
    let reads = 0;
    const proxy = new Proxy({ a: 0 }, { get: () => ++reads });
    expect(storedForm(draftWith({ proxy })).details).toStrictEqual({ proxy: { a: 1 } });
    expect(reads).toBe(1);
    const throwing = {
      get boom(): number {
        throw new Error('getter');
      },
    };
    expect(() => storedForm(draftWith(throwing))).toThrow(UnstorableEvent);
    const { proxy: revoked, revoke } = Proxy.revocable([], {});
    revoke();
    expect(() => storedForm(draftWith({ revoked }))).toThrow(UnstorableEvent);
    const own = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Record<string, unknown>;
    const stored = storedForm(draftWith(own)).details as Record<string, unknown>;
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(JSON.stringify(stored)).toBe('{"__proto__":{"x":1},"y":2}');
  });

  it('keys the prototypes have, and arrays that change length while read, take the round trip', () => {
    const keys = { constructor: 1, toString: 'x', hasOwnProperty: true, a: 1 };
    expect(storedForm(draftWith(keys)).details).toStrictEqual(roundTrip(keys));
    const grows: unknown[] = [
      1,
      {
        get x() {
          grows.push(2);
          return 1;
        },
      },
    ];
    expect(storedForm(draftWith({ grows })).details).toStrictEqual({ grows: [1, { x: 1 }] });
    const shrinks: unknown[] = [
      {
        get x() {
          shrinks.length = 1;
          return 1;
        },
      },
      5,
    ];
    const stored = storedForm(draftWith({ shrinks })).details as { shrinks: unknown[] };
    // the walk met the missing item and gave up; the round trip read the shorter array
    expect(stored.shrinks).toStrictEqual([{ x: 1 }]);
  });

  it('a setter someone put on Object.prototype does not swallow a key', () => {
    let set = 0;
    Object.defineProperty(Object.prototype, 'role', {
      set() {
        set++;
      },
      configurable: true,
    });
    try {
      const stored = storedForm(draftWith({ role: 'admin', a: 1 })).details;
      expect(JSON.stringify(stored)).toBe('{"role":"admin","a":1}');
      expect(set).toBe(0);
    } finally {
      delete (Object.prototype as Record<string, unknown>).role;
    }
  });

  it('a year of four digits: years 1-99 come back from the database in another century', () => {
    for (const at of ['0050-06-01T00:00:00Z', '0999-12-31T23:59:59Z'])
      expect(() => storedForm({ ...draftWith({}), createdAt: new Date(at) })).toThrow(
        UnstorableEvent,
      );
    expect(
      storedForm({ ...draftWith({}), createdAt: new Date('1000-01-01T00:00:00Z') }),
    ).toBeTruthy();
  });

  it('a NUL or a lone surrogate, in a value or a key, at any depth, is refused', () => {
    for (const bad of ['\u0000', '\ud800', 'a\udc00b']) {
      for (const details of [{ v: bad }, { [bad]: 1 }, { deep: [[{ v: bad }]] }])
        expect(() => storedForm(draftWith(details))).toThrow(UnstorableEvent);
      expect(() => storedForm(draftWith({}, [{ masked: bad }]))).toThrow(UnstorableEvent);
    }
  });
});
