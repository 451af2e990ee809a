import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { peselValid } from '../src/detectors/checksums.ts';
import { scan } from '../src/detectors/index.ts';
import type { Kind } from '../src/detectors/types.ts';

interface PeerCase {
  entity: 'IBAN_CODE' | 'PHONE_NUMBER' | 'CREDIT_CARD' | 'PL_PESEL' | 'EMAIL_ADDRESS';
  text: string;
  kind: 'analyze' | 'validate';
  expected_count: number;
  expected_spans?: number[][];
  test: string;
}

const cases = JSON.parse(
  readFileSync(new URL('./fixtures/peer-cases/presidio.json', import.meta.url), 'utf8'),
) as PeerCase[];
const KIND: Record<PeerCase['entity'], Kind> = {
  IBAN_CODE: 'iban',
  PHONE_NUMBER: 'phone',
  CREDIT_CARD: 'payment_card',
  PL_PESEL: 'national_id',
  EMAIL_ADDRESS: 'email',
};

/**
 * Phone cases where we differ on purpose. Presidio is configured there with ten regions
 * at once; we take the default region from the message's language (PL, LT, GB/US for
 * English) so that a nine-digit order number is not read as a number of some far country.
 */
const PHONE_DIFFERENCES: Record<string, string> = {
  'My Israeli number is 09-7625400': 'national Israeli format: IL is not among our default regions',
  'My CN number is 13812345678': 'national Chinese format: CN is not among our default regions',
  'My US number is (415) 555-0132, and my international one is415-555-0132':
    'a number glued to a word ("is415") is not taken: it is part of a code',
  'My US number is (415) 555-0132, and my international one is 91-415-555-0132':
    '"91-…" without "+" is not an international number in our reading',
  'My US number is (415) 555-0132, and my international one is +91 4155 550132':
    'with its "+", +91 4155 550132 is a valid Indian number; Presidio drops it only under its leniency setting',
};

function spans(text: string, kind: Kind): number[][] {
  return scan(text, { locale: 'en' })
    .findings.filter((f) => f.kind === kind)
    .map((f) => [f.start, f.end]);
}

describe('Presidio peer cases', () => {
  for (const entity of ['IBAN_CODE', 'CREDIT_CARD', 'PL_PESEL', 'EMAIL_ADDRESS'] as const) {
    const mine = cases.filter((c) => c.entity === entity);
    it(`agrees with every ${entity} case (${mine.length})`, () => {
      const disagreements = mine.filter((c) =>
        c.kind === 'validate'
          ? (peselValid(c.text) ? 1 : 0) !== c.expected_count
          : JSON.stringify(spans(c.text, KIND[entity])) !== JSON.stringify(c.expected_spans ?? []),
      );
      expect(disagreements.map((c) => c.text)).toEqual([]);
    });
  }

  it('agrees with every phone case except the listed, deliberate differences', () => {
    const phones = cases.filter((c) => c.entity === 'PHONE_NUMBER');
    const disagreements = phones
      .filter(
        (c) => JSON.stringify(spans(c.text, 'phone')) !== JSON.stringify(c.expected_spans ?? []),
      )
      .map((c) => c.text);
    expect(disagreements.sort()).toEqual(Object.keys(PHONE_DIFFERENCES).sort());
  });
});
