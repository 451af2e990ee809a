/**
 * A realistic tenant configuration for the benchmarks: a bank with 200 terms (its products,
 * internal system names, words its agents use), 20 patterns (contract, customer, SIM and
 * ticket numbers, some checksummed, some needing context), context words for built-in kinds,
 * allowed and denied values.
 */
export function realisticTenantPolicy(): Record<string, unknown> {
  const products = [
    'Konto',
    'Lokata',
    'Karta',
    'Kredyt',
    'Rachunek',
    'Sąskaita',
    'Account',
    'Saver',
  ];
  const names = [
    'Max',
    'Plus',
    'Premium',
    'Junior',
    'Senior',
    'Gold',
    'Platinum',
    'Start',
    'Biznes',
    'Eko',
  ];
  const terms: string[] = [];
  for (const p of products) for (const n of names) terms.push(`${p} ${n}`);
  while (terms.length < 200) terms.push(`system${terms.length} wewnętrzny`);
  const patterns = Array.from({ length: 20 }, (_, i) => {
    const prefix = String.fromCharCode(65 + i) + String.fromCharCode(75 + (i % 10));
    return `\\b${prefix}[/-][0-9]{4}[/-][0-9]{${4 + (i % 4)}}\\b`;
  });
  return {
    customKinds: [
      { name: 'internal_product', class: 'INFO', terms: terms.slice(0, 80) },
      {
        name: 'internal_system',
        class: 'INFO',
        terms: terms.slice(80),
        context: ['system', 'sistema'],
      },
      {
        name: 'loan_contract',
        class: 'ACCOUNT',
        patterns: patterns.slice(0, 8),
        checksum: 'luhn',
        context: ['umowa', 'sutartis', 'contract'],
      },
      {
        name: 'customer_number',
        class: 'IDENTITY',
        patterns: patterns.slice(8, 14),
        context: ['numer klienta', 'kliento numeris', 'customer number'],
        contextRequired: true,
      },
      { name: 'ticket', class: 'INFO', patterns: patterns.slice(14, 20) },
    ],
    tuning: {
      kinds: {
        pin: { context: { pl: ['szyfr*'], lt: ['slaptas kod*'], en: ['secret number'] } },
        balance: { context: { pl: ['środki własne'], en: ['funds left'] } },
        person_name: { threshold: 0.7 },
      },
      allow: [
        { kind: 'customer_number', value: 'AS-0000-000000' },
        { kind: 'payment_card', prefix: '411111' },
        { phrase: 'Nasza infolinia 800 100 200 działa całą dobę' },
      ],
      deny: Array.from({ length: 20 }, (_, i) => ({
        kind: 'internal_system',
        value: `TAJNE-${1000 + i}`,
      })),
      acknowledgeSecretWeakening: true,
    },
  };
}
