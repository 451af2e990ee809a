import { describe, expect, it } from 'vitest';
import type { AuditEventRow } from '../db/schema/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { eventHash, hashedContent } from './chain.ts';
import { hashedFields } from './event-fields.ts';

// One event with every column set, and the hashes the service gave it before hashing was
// rewritten for speed (issue 16): events already stored must verify for ever, so any change
// to what an event hashes to fails here, not on a bank's log.
const row = (hashVersion: number) =>
  ({
    id: '01JDQ8W3ZK8Y7Q6V5N4M3B2A1C',
    tenant: 'demo',
    seq: 42,
    createdAt: new Date('2026-12-01T10:15:30.123Z'),
    type: 'check',
    agentId: 'agent-17',
    direction: 'outbound',
    visibility: 'public',
    platform: 'facebook',
    decision: 'block',
    wouldBlock: false,
    mode: 'enforce',
    policyVersion: 'demo@3',
    rules: ['account-data-public'],
    kinds: ['balance', 'iban'],
    findings: [
      {
        kind: 'iban',
        start: 10,
        end: 38,
        confidence: 0.99,
        masked: 'PL** **** 2874',
        fp: 'AbCdEfGhIjKlMnOpQrStUv',
      },
      {
        kind: 'balance',
        start: 50,
        end: 61,
        confidence: 0.9,
        masked: '* ***,** zł',
        fp: null,
        allowListed: true,
      },
    ],
    actions: ['move_to_private_channel', 'verify_identity'],
    locale: 'pl',
    customerFp: 'ZyXwVuTsRqPoNmLkJiHgFe',
    threadId: 't-9',
    postId: 'p-4',
    identity: { status: 'absent' },
    details: { note: 'ąčęėįšųūž', n: [1, 2.5, null] },
    linkedEventId: null,
    idempotencyKey: 'k-1',
    requestFp: 'QwErTyUiOpAsDfGhJkLzXc',
    hmacKeyId: 'hk1',
    hashVersion,
    prevHash: 'a'.repeat(64),
    seal: 'not hashed',
    hash: 'not hashed',
  }) as unknown as AuditEventRow;

describe('event hash', () => {
  it('is what it was for each hash version', () => {
    expect(eventHash(row(1))).toBe(
      '06b121d34342e055fdcae2dea4b0982433e985445ef8188062e35f6f53c0a788',
    );
    expect(eventHash(row(2))).toBe(
      '998e854ec3b693f7e39dfd1316fb61d0d63165c0c5b913e0f3c6c4baceb47f08',
    );
  });

  it("covers the version's fields as canonical JSON, the seal and the hash left out", () => {
    for (const version of [1, 2]) {
      const r = row(version) as unknown as Record<string, unknown>;
      const fields = Object.fromEntries(
        hashedFields(version).map((f) => [
          f,
          r[f] instanceof Date ? (r[f] as Date).toISOString() : r[f],
        ]),
      );
      expect(hashedContent(row(version))).toBe(canonicalJson(fields));
      expect(hashedContent({ ...row(version), seal: 'other' })).toBe(hashedContent(row(version)));
    }
    // a member left undefined is left out, as JSON leaves it out
    const partial = { ...row(2), linkedEventId: undefined } as unknown as AuditEventRow;
    expect(hashedContent(partial)).not.toContain('linkedEventId');
  });
});
