import { describe, expect, it } from 'vitest';
import type { InternalFinding, Kind } from '../detectors/index.ts';
import { scan } from '../detectors/index.ts';
import { CLASS_OF, type DataClass } from './classes.ts';
import { evaluate, type EvaluationInput } from './evaluate.ts';
import { fill, TEMPLATES } from './templates/index.ts';
import { defaultPolicy, type IdentityStatus, type TenantPolicy } from './types.ts';

const EXAMPLE: Record<DataClass, Kind> = {
  SECRET: 'pin',
  ACCOUNT: 'iban',
  IDENTITY: 'national_id',
  CONTACT: 'phone',
  INFO: 'person_name',
};
const VALUE: Partial<Record<Kind, string>> = {
  phone: '+48600123456',
  iban: 'PL61109010140000071219812874',
  email: 'jan@example.pl',
};

function finding(kind: Kind): InternalFinding {
  return {
    kind,
    start: 0,
    end: 4,
    confidence: 0.9,
    masked: '****',
    evidence: [],
    value: VALUE[kind] ?? '1234',
  };
}

const VERIFIED: IdentityStatus = { status: 'verified', issuer: 'idp', subject: 'c1' };
const ABSENT: IdentityStatus = { status: 'absent' };

function run(over: Partial<EvaluationInput> & { kinds?: Kind[] }) {
  const { kinds = [], ...rest } = over;
  return evaluate({
    direction: 'outbound',
    visibility: 'public',
    identity: ABSENT,
    text: 'abcd',
    locale: 'en',
    findings: kinds.map(finding),
    secretRequests: [],
    policy: defaultPolicy('t'),
    ...rest,
  });
}

describe('the outbound matrix, cell by cell', () => {
  // [class, public, private unverified, private verified]
  const MATRIX: Array<[DataClass, string, string, string]> = [
    ['SECRET', 'block', 'block', 'block'],
    ['ACCOUNT', 'block', 'block', 'allow'],
    ['IDENTITY', 'block', 'block', 'allow'],
    ['CONTACT', 'block', 'allow', 'allow'],
    ['INFO', 'allow', 'allow', 'allow'],
  ];
  it.each(MATRIX)(
    '%s: public %s, private unverified %s, private verified %s',
    (cls, pub, priv, verified) => {
      const kinds = [EXAMPLE[cls]];
      expect(run({ kinds, visibility: 'public' }).decision).toBe(pub);
      expect(run({ kinds, visibility: 'private' }).decision).toBe(priv);
      expect(run({ kinds, visibility: 'private', identity: VERIFIED }).decision).toBe(verified);
    },
  );

  it('puts every kind in the class POLICY.md gives it', () => {
    expect(
      Object.entries(CLASS_OF)
        .filter(([, c]) => c === 'SECRET')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['card_security_code', 'one_time_code', 'password', 'payment_card', 'pin']);
    expect(
      Object.entries(CLASS_OF)
        .filter(([, c]) => c === 'ACCOUNT')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['balance', 'iban']);
  });

  it('gives the rule ids and actions of each block', () => {
    expect(run({ kinds: ['balance'] })).toMatchObject({
      violations: [{ rule: 'account-data-public', kinds: ['balance'] }],
      actions: ['move_to_private_channel', 'verify_identity'],
    });
    expect(run({ kinds: ['balance'], visibility: 'private' })).toMatchObject({
      violations: [{ rule: 'account-data-unverified' }],
      actions: ['verify_identity'],
    });
    expect(run({ kinds: ['email'] })).toMatchObject({
      violations: [{ rule: 'contact-data-public' }],
      actions: ['move_to_private_channel'],
    });
    expect(run({ kinds: ['password'], visibility: 'private', identity: VERIFIED })).toMatchObject({
      violations: [{ rule: 'secret-disclosure' }],
      overridable: false,
    });
  });

  it('blocks a request for a secret in every channel', () => {
    for (const visibility of ['public', 'private'] as const) {
      const e = run({
        visibility,
        identity: VERIFIED,
        secretRequests: [{ kind: 'pin', start: 0, end: 3, basis: 'request' }],
      });
      expect(e.decision).toBe('block');
      expect(e.violations.map((v) => v.rule)).toEqual(['secret-request']);
      expect(e.overridable).toBe(false);
    }
  });

  it('lets the most severe rule win and merges actions in order', () => {
    const e = run({ kinds: ['phone', 'iban', 'pin'] });
    expect(e.decision).toBe('block');
    expect(e.violations.map((v) => v.rule)).toEqual([
      'secret-disclosure',
      'account-data-public',
      'contact-data-public',
    ]);
    expect(e.actions).toEqual(['remove_secret', 'move_to_private_channel', 'verify_identity']);
  });
});

describe('the inbound matrix, cell by cell', () => {
  it.each([
    [
      'SECRET',
      'public',
      'warn',
      ['hide_post', 'advise_change_secret', 'contact_customer_privately', 'do_not_copy'],
    ],
    ['SECRET', 'private', 'warn', ['advise_change_secret', 'do_not_copy']],
    ['ACCOUNT', 'public', 'warn', ['hide_post', 'contact_customer_privately', 'do_not_copy']],
    ['IDENTITY', 'public', 'warn', ['hide_post', 'contact_customer_privately', 'do_not_copy']],
    ['CONTACT', 'public', 'warn', ['hide_post', 'contact_customer_privately', 'do_not_copy']],
    ['ACCOUNT', 'private', 'allow', ['do_not_copy']],
    ['IDENTITY', 'private', 'allow', ['do_not_copy']],
    ['CONTACT', 'private', 'allow', ['do_not_copy']],
    ['INFO', 'public', 'allow', []],
    ['INFO', 'private', 'allow', []],
  ] as const)('%s in a %s post: %s', (cls, visibility, decision, actions) => {
    const e = run({ direction: 'inbound', visibility, kinds: [EXAMPLE[cls]] });
    expect(e.decision).toBe(decision);
    expect(e.actions).toEqual(actions);
  });

  it('advises blocking the card for a card number, and is urgent in public', () => {
    const e = run({ direction: 'inbound', kinds: ['payment_card', 'card_security_code'] });
    expect(e.urgent).toBe(true);
    expect(e.actions).toEqual([
      'hide_post',
      'advise_block_card',
      'contact_customer_privately',
      'do_not_copy',
    ]);
  });

  it('advises blocking the card and changing the secret when both were published, only the latter in private', () => {
    expect(run({ direction: 'inbound', kinds: ['payment_card', 'pin'] }).actions).toEqual([
      'hide_post',
      'advise_block_card',
      'advise_change_secret',
      'contact_customer_privately',
      'do_not_copy',
    ]);
    expect(
      run({ direction: 'inbound', visibility: 'private', kinds: ['payment_card'] }).actions,
    ).toEqual(['advise_change_secret', 'do_not_copy']);
  });

  it('gives the urgent notice for a published secret among other data, the general one without a secret', () => {
    expect(run({ direction: 'inbound', kinds: ['phone', 'pin'] }).suggestion.customerNotice).toBe(
      fill(TEMPLATES.en.noticeSecretPublic, {}),
    );
    expect(run({ direction: 'inbound', kinds: ['phone'] }).suggestion.customerNotice).toBe(
      fill(TEMPLATES.en.noticeExposed, {}),
    );
    expect(
      run({ direction: 'inbound', visibility: 'private', kinds: ['pin'] }).suggestion
        .customerNotice,
    ).toBe(fill(TEMPLATES.en.noticeSecretPrivate, {}));
    expect(
      run({ direction: 'inbound', visibility: 'private', kinds: ['phone'] }).suggestion
        .customerNotice,
    ).toBeNull();
  });

  it('never blocks inbound, and writes a notice in the language that does not repeat the data', () => {
    for (const locale of ['pl', 'lt', 'en'] as const) {
      const e = run({ direction: 'inbound', kinds: ['pin'], locale, text: 'PIN 4821' });
      expect(e.decision).toBe('warn');
      expect(e.suggestion.customerNotice).toBeTruthy();
      expect(e.suggestion.customerNotice).not.toContain('4821');
    }
    expect(
      run({ direction: 'inbound', kinds: ['pin'], locale: 'lt' }).suggestion.customerNotice,
    ).toMatch(/Skubu/);
  });

  it('ignores secret requests in inbound messages', () => {
    expect(
      run({
        direction: 'inbound',
        secretRequests: [{ kind: 'pin', start: 0, end: 3, basis: 'request' }],
      }).decision,
    ).toBe('allow');
  });
});

describe('tenant policy', () => {
  const withList = (list: Partial<TenantPolicy['allowList']>): TenantPolicy => ({
    ...defaultPolicy('t'),
    allowList: { phones: [], ibans: [], emails: [], emailDomains: [], ...list },
  });

  it("never blocks the tenant's own identifiers", () => {
    expect(run({ kinds: ['phone'], policy: withList({ phones: ['+48600123456'] }) }).decision).toBe(
      'allow',
    );
    expect(
      run({ kinds: ['email'], policy: withList({ emailDomains: ['example.pl'] }) }).decision,
    ).toBe('allow');
    expect(run({ kinds: ['phone'], policy: withList({ phones: ['+48600123457'] }) }).decision).toBe(
      'block',
    );
  });

  it('reports a would-be block as warn in monitor mode', () => {
    const e = run({ kinds: ['iban'], policy: { ...defaultPolicy('t'), mode: 'monitor' } });
    expect(e).toMatchObject({ decision: 'warn', wouldBlock: true, effectiveDecision: 'block' });
  });

  it("offers where to continue over the reminder that secrets are never sent, and never replaces that reminder with the tenant's text", () => {
    const policy: TenantPolicy = {
      ...defaultPolicy('t'),
      wording: { en: { privateChannelMessage: 'Write to us privately.' } },
    };
    expect(run({ kinds: ['pin', 'iban'], policy }).suggestion.privateChannelMessage).toBe(
      'Write to us privately.',
    );
    expect(run({ kinds: ['pin', 'iban'] }).suggestion.privateChannelMessage).toBe(
      fill(TEMPLATES.en.movePrivate, {}),
    );
    expect(run({ kinds: ['iban'], visibility: 'private' }).suggestion.privateChannelMessage).toBe(
      fill(TEMPLATES.en.verifyIdentity, {}),
    );
    expect(run({ kinds: ['pin'], policy }).suggestion.privateChannelMessage).toBe(
      fill(TEMPLATES.en.secretNever, {}),
    );
    expect(run({ kinds: ['person_name'] }).suggestion.privateChannelMessage).toBeNull();
  });

  it('fills in the private channel link and the tenant wording', () => {
    const policy: TenantPolicy = {
      ...defaultPolicy('t'),
      privateChannelLink: 'https://m.me/bank',
      wording: { en: { privateChannelMessage: 'Write to {brand} at{link}.' } },
      brand: 'Bank',
    };
    expect(run({ kinds: ['iban'], policy }).suggestion.privateChannelMessage).toBe(
      'Write to Bank at (https://m.me/bank).',
    );
    expect(
      run({ kinds: ['iban'], locale: 'pl', policy }).suggestion.privateChannelMessage,
    ).toContain('(https://m.me/bank)');
  });
});

describe('what a block points at', () => {
  it('carries the spans of the findings and of the phrase that reads as a request', () => {
    const text = 'Prosimy o podanie PIN-u tutaj.';
    const result = scan(text);
    const e = evaluate({
      direction: 'outbound',
      visibility: 'private',
      identity: ABSENT,
      text,
      locale: 'pl',
      findings: result.findings,
      secretRequests: result.secretRequests,
      policy: defaultPolicy('t'),
    });
    const request = e.violations.find((v) => v.rule === 'secret-request');
    expect(request?.spans).toHaveLength(1);
    const [span] = request!.spans;
    expect(text.slice(span!.start, span!.end)).toBe('podanie PIN');
    expect(span).toMatchObject({ kind: 'pin', basis: 'request' });
  });

  it("never blocks a tenant's registered safe text, however it is spaced or accented", () => {
    const warning =
      'Nigdy nie prosimy o PIN ani kod BLIK — jeśli ktoś o nie prosi, to oszust. Podaj mi PIN tylko w bankomacie.';
    const policy: TenantPolicy = { ...defaultPolicy('t'), safeTexts: [warning] };
    // the bank's own text, re-flowed by the helpdesk tool, without diacritics, quoted in a longer reply
    const text =
      'Dzien dobry! nigdy nie prosimy o PIN ani kod BLIK - jesli ktos o nie prosi, to oszust.\nPodaj  mi PIN tylko w bankomacie. Pozdrawiamy';
    const result = scan(text);
    const plain = evaluate({
      direction: 'outbound',
      visibility: 'private',
      identity: ABSENT,
      text,
      locale: 'pl',
      findings: result.findings,
      secretRequests: result.secretRequests,
      policy: defaultPolicy('t'),
    });
    expect(plain.violations.map((v) => v.rule)).toContain('secret-request');
    const e = evaluate({
      direction: 'outbound',
      visibility: 'private',
      identity: ABSENT,
      text,
      locale: 'pl',
      findings: result.findings,
      secretRequests: result.secretRequests,
      policy,
    });
    expect(e.decision).toBe('allow');
    // a request outside the registered text still blocks
    const more = `${text} A teraz podaj PIN tutaj.`;
    const r2 = scan(more);
    const e2 = evaluate({
      direction: 'outbound',
      visibility: 'private',
      identity: ABSENT,
      text: more,
      locale: 'pl',
      findings: r2.findings,
      secretRequests: r2.secretRequests,
      policy,
    });
    expect(e2.decision).toBe('block');
  });
});
