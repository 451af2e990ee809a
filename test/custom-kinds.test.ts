import { describe, expect, it } from 'vitest';
import { BACKENDS } from './support/database.ts';
import { asTenant, useTestService } from './support/service.ts';

/** A loan contract whose digits pass Luhn, and one that does not. */
const CONTRACT = 'KR/2024/123453';
const BAD_CONTRACT = 'KR/2024/123454';

const LOAN = {
  name: 'loan_contract',
  class: 'ACCOUNT',
  patterns: ['KR/[0-9]{4}/[0-9]{6}'],
  checksum: 'luhn',
};
const SAVINGS = { name: 'savings_product', class: 'INFO', terms: ['Konto Oszczędnościowe Max*'] };
const CUSTOMER = {
  name: 'customer_number',
  class: 'IDENTITY',
  patterns: ['\\b[0-9]{8}\\b'],
  context: ['numer klienta', 'customer number', 'klient*'],
  contextRequired: true,
};
const TRANSFER_KEY = { name: 'transfer_key', class: 'SECRET', patterns: ['\\bTX-[0-9]{6}\\b'] };

describe.each(BACKENDS)('custom kinds and tuning on %s', (backend) => {
  const env = useTestService(backend);

  async function tenant(name: string) {
    const t = await asTenant(env.svc, name, ['check', 'audit:read', 'policy:admin']);
    return {
      ...t,
      check: async (text: string, direction = 'outbound', visibility = 'public') =>
        (
          await env.svc.check(t.token, {
            direction,
            text,
            channel: { platform: 'facebook', visibility },
            agent: { id: 'agent-1' },
          })
        ).json(),
    };
  }

  const kindsOf = (body: { findings: Array<{ kind: string }> }) => body.findings.map((f) => f.kind);

  it('finds a custom kind by its terms, folded like the lexicon, masked, decided by its class', async () => {
    const t = await tenant('ck-terms');
    expect((await t.put({ customKinds: [SAVINGS, LOAN] })).status).toBe(201);
    const body = await t.check('Polecam konto oszczednosciowe maxi, świetne oprocentowanie.');
    expect(body.findings).toEqual([
      expect.objectContaining({ kind: 'savings_product', masked: '***** *************** ****' }),
    ]);
    expect(body.decision).toBe('allow'); // INFO never blocks
    // an ACCOUNT-class custom kind blocks in a public reply, as an account number does
    const loan = await t.check(`Pana umowa ${CONTRACT} jest aktywna.`);
    expect(kindsOf(loan)).toEqual(['loan_contract']);
    expect(loan.findings[0].masked).toBe('**/****/**3453');
    expect(loan.findings[0].evidence).toEqual(['pattern', 'checksum:luhn']);
    expect(loan.decision).toBe('block');
    expect(loan.violations[0]).toMatchObject({
      rule: 'account-data-public',
      kinds: ['loan_contract'],
    });
  });

  it('finds a pattern only when its checksum holds', async () => {
    const t = await tenant('ck-checksum');
    expect((await t.put({ customKinds: [LOAN] })).status).toBe(201);
    expect(kindsOf(await t.check(`Umowa ${CONTRACT}`))).toEqual(['loan_contract']);
    expect(kindsOf(await t.check(`Umowa ${BAD_CONTRACT}`))).toEqual([]);
  });

  it('requires context words when the kind says so, and boosts with them otherwise', async () => {
    const t = await tenant('ck-context');
    expect((await t.put({ customKinds: [CUSTOMER] })).status).toBe(201);
    const found = await t.check('Pana numer klienta to 48213377, proszę go nie udostępniać.');
    expect(found.findings).toEqual([
      expect.objectContaining({
        kind: 'customer_number',
        evidence: ['pattern', 'context:customer_number'],
      }),
    ]);
    expect(found.decision).toBe('block'); // IDENTITY in public
    expect(kindsOf(await t.check('Zamówienie 48213377 zostało wysłane.'))).toEqual([]);
    const boosted = await tenant('ck-boost');
    expect(
      (await boosted.put({ customKinds: [{ ...CUSTOMER, contextRequired: false }] })).status,
    ).toBe(201);
    const plain = await boosted.check('Zamówienie 48213377 zostało wysłane.');
    const near = await boosted.check('Klient 48213377 czeka.');
    expect(plain.findings[0].confidence).toBeLessThan(near.findings[0].confidence);
  });

  it('runs a pathological pattern in linear time, and refuses what RE2 cannot run', async () => {
    const t = await tenant('ck-redos');
    expect(
      (await t.put({ customKinds: [{ name: 'aaa', class: 'INFO', patterns: ['(a+)+$'] }] })).status,
    ).toBe(201);
    // catastrophic for a backtracking engine: a long run of a's that does not end the text
    const body = await t.check(`${'a'.repeat(19_000)}!`);
    expect(body.decision).toBe('allow');
    expect(kindsOf(await t.check('baaa'))).toEqual(['aaa']);
    for (const [pattern, field] of [
      ['(a)\\1', 'customKinds.0.patterns.0'],
      ['(?=abc)abc', 'customKinds.0.patterns.0'],
      ['a*', 'customKinds.0.patterns.0'],
    ]) {
      const res = await t.put({
        customKinds: [{ name: 'bad', class: 'INFO', patterns: [pattern] }],
      });
      expect(res.status, pattern).toBe(400);
      expect((await res.json()).error.details[0].field).toBe(field);
    }
  });

  it('refuses names of built-in kinds, duplicates, kinds with nothing to find and lists over the limits', async () => {
    const t = await tenant('ck-invalid');
    const cases: Array<[unknown, string]> = [
      [{ customKinds: [{ name: 'pin', class: 'SECRET', terms: ['x1'] }] }, 'customKinds.0.name'],
      [{ customKinds: [SAVINGS, LOAN, { ...SAVINGS }] }, 'customKinds.2.name'],
      [{ customKinds: [{ name: 'empty', class: 'INFO' }] }, 'customKinds.0'],
      [{ customKinds: [{ name: 'x_kind', class: 'NOPE', terms: ['a'] }] }, 'customKinds.0.class'],
      [
        {
          customKinds: [
            {
              name: 'many',
              class: 'INFO',
              patterns: Array.from({ length: 11 }, (_, i) => `x${i}`),
            },
          ],
        },
        'customKinds.0.patterns',
      ],
      [
        { customKinds: [{ name: 'long', class: 'INFO', terms: ['x'.repeat(101)] }] },
        'customKinds.0.terms.0',
      ],
      [{ customKinds: [{ name: 'pre', class: 'INFO', terms: ['ab*'] }] }, 'customKinds.0.terms.0'],
      // linear, but its program makes every search of a long text slow: refused by size
      [
        { customKinds: [{ name: 'big', class: 'INFO', patterns: ['(?:[ab]{1,20}){1,40}c'] }] },
        'customKinds.0.patterns.0',
      ],
      [{ tuning: { kinds: { nonexistent: { mode: 'off' } } } }, 'tuning.kinds.nonexistent'],
      [{ tuning: { deny: [{ kind: 'nope', value: 'x' }] } }, 'tuning.deny.0.kind'],
      [{ tuning: { allow: [{ value: '123' }] } }, 'tuning.allow.0.kind'],
      [
        { tuning: { kinds: { email: { context: { pl: ['poczta'] } } } } },
        'tuning.kinds.email.context',
      ],
    ];
    for (const [doc, field] of cases) {
      const res = await t.put(doc);
      expect(res.status, field).toBe(400);
      expect((await res.json()).error.details.map((d: { field: string }) => d.field)).toContain(
        field,
      );
    }
    expect(await t.events('?type=policy_change')).toEqual([]);
  });

  it('switches kinds off, to monitor-only and to a threshold; a secret kind only when acknowledged, and audited', async () => {
    const t = await tenant('ck-tuning');
    const phone = 'Proszę dzwonić pod 600 100 200.';
    expect(kindsOf(await t.check(phone))).toEqual(['phone']);
    expect((await t.put({ tuning: { kinds: { phone: { mode: 'off' } } } })).status).toBe(201);
    expect((await t.check(phone)).findings).toEqual([]);
    expect((await t.put({ tuning: { kinds: { phone: { mode: 'monitor' } } } })).status).toBe(201);
    const monitored = await t.check(phone);
    expect(monitored.findings).toEqual([
      expect.objectContaining({ kind: 'phone', monitored: true }),
    ]);
    expect(monitored.decision).toBe('allow');
    const [event] = await t.events('?type=check&limit=1');
    expect(event.findings[0]).toMatchObject({ kind: 'phone', monitored: true });

    const name = 'Dzień dobry Pani Agnieszko, już sprawdzamy.';
    expect(kindsOf(await t.check(name))).toEqual(['person_name']);
    expect((await t.put({ tuning: { kinds: { person_name: { threshold: 1 } } } })).status).toBe(
      201,
    );
    expect((await t.check(name)).findings).toEqual([]);

    const off = { tuning: { kinds: { pin: { mode: 'off' } } } };
    const refused = await t.put(off);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.details[0]).toMatchObject({
      field: 'tuning.kinds.pin.mode',
      message: expect.stringMatching(/acknowledgeSecretWeakening/),
    });
    const acknowledged = await t.put({
      tuning: { ...off.tuning, acknowledgeSecretWeakening: true },
    });
    expect(acknowledged.status).toBe(201);
    const [change] = await t.events('?type=policy_change&limit=1');
    expect(change.details.secretWeakenings).toEqual(['tuning.kinds.pin.mode']);
    expect(kindsOf(await t.check('Mój PIN to 4821', 'inbound'))).toEqual([]);
    // the acknowledgement is for that change: not stored, not carried to a new weakening
    const stored = (await acknowledged.json()).policy;
    expect(stored.tuning).not.toHaveProperty('acknowledgeSecretWeakening');
    // the same document again (a read-edit-write of something else) needs none
    expect((await t.put({ ...stored, brand: 'Bank' })).status).toBe(201);
    const more = await t.put({
      ...stored,
      tuning: { kinds: { ...stored.tuning.kinds, password: { mode: 'monitor' } } },
    });
    expect(more.status).toBe(400);
    expect((await more.json()).error.details[0].field).toBe('tuning.kinds.password.mode');
    // a denied value whose prefix is too short to index would never be found
    const short = await t.put({ tuning: { deny: [{ kind: 'pin', value: 'ab*' }] } });
    expect(short.status).toBe(400);
    expect((await short.json()).error.details[0].field).toBe('tuning.deny.0.value');
  });

  it('adds context words per language to a built-in kind', async () => {
    const t = await tenant('ck-words');
    const text = 'Mój szyfrzyk do karty to 4821';
    expect(kindsOf(await t.check(text, 'inbound'))).toEqual([]);
    expect(
      (await t.put({ tuning: { kinds: { pin: { context: { pl: ['szyfrzyk*'] } } } } })).status,
    ).toBe(201);
    expect(kindsOf(await t.check(text, 'inbound'))).toEqual(['pin']);
  });

  it('never counts allowed values, prefixes and phrases, and always finds denied values', async () => {
    const t = await tenant('ck-allow');
    expect(
      (
        await t.put({
          customKinds: [{ ...CUSTOMER, contextRequired: false }],
          tuning: {
            allow: [
              { kind: 'customer_number', value: '1000-0001' },
              { kind: 'payment_card', prefix: '4111 11' },
              { phrase: 'Nasz numer testowy to 48213377' },
            ],
            deny: [{ kind: 'customer_number', value: 'VIP-GOLD-7' }],
            acknowledgeSecretWeakening: true,
          },
        })
      ).status,
    ).toBe(201);
    const own = await t.check('Numer 10000001 to nasz wewnętrzny numer.');
    expect(own.findings).toEqual([
      expect.objectContaining({ kind: 'customer_number', allowListed: true }),
    ]);
    expect(own.decision).toBe('allow');
    expect((await t.check('Karta testowa 4111 1111 1111 1111 działa.')).decision).toBe('allow');
    expect((await t.check('Karta 5555 5555 5555 4444 działa.')).decision).toBe('block');
    expect((await t.check('Nasz numer testowy to 48213377.')).decision).toBe('allow');
    expect((await t.check('Pana numer to 48213377.')).decision).toBe('block');
    const denied = await t.check('Status klienta: vip gold 7.');
    expect(denied.findings).toEqual([
      expect.objectContaining({ kind: 'customer_number', evidence: ['deny'], confidence: 1 }),
    ]);
    expect(denied.decision).toBe('block');
  });

  it('keeps no custom-kind value in the audit store, and fingerprints a secret custom kind never', async () => {
    const t = await tenant('ck-planted');
    expect((await t.put({ customKinds: [LOAN, CUSTOMER, TRANSFER_KEY] })).status).toBe(201);
    const key = 'TX-739104';
    const texts = [`Umowa ${CONTRACT} i numer klienta 55501234.`, `Podaję ${key}, pomóżcie.`];
    for (const text of texts)
      for (const direction of ['inbound', 'outbound'])
        expect((await t.check(text, direction)).findings.length).toBeGreaterThan(0);
    const events = await t.events('?type=check');
    const stored = events.flatMap(
      (e: { findings: Array<{ kind: string; fp: string | null }> }) => e.findings,
    );
    expect(stored.find((f: { kind: string }) => f.kind === 'transfer_key')).toMatchObject({
      fp: null,
      masked: '********',
    });
    expect(stored.find((f: { kind: string }) => f.kind === 'loan_contract')?.fp).toMatch(
      /^[\w-]{22}$/,
    );
    const rows = await env.db.handle.query(
      `SELECT * FROM audit_events WHERE tenant = 'ck-planted'`,
    );
    const dump = JSON.stringify(rows);
    expect(dump).toContain('loan_contract'); // the dump is real
    for (const value of [CONTRACT, '2024123453', '123453', '55501234', '739104'])
      expect(dump, value).not.toContain(value);
  });
});
