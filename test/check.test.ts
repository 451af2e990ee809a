import { compactVerify, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from './support/database.ts';
import { createTestService, useTestService, type TestService } from './support/service.ts';

const publicBalance = {
  direction: 'outbound',
  text: 'Saldo Pana konta wynosi 2 500,00 zł.',
  channel: { platform: 'facebook', visibility: 'public' },
  customer: { id: 'fb:123' },
  agent: { id: 'agent-17' },
  thread: { id: 't-9', postId: 'p-4' },
};

describe.each(BACKENDS)('POST /v1/check on %s', (backend) => {
  const env = useTestService(backend);
  let token: string;

  beforeAll(async () => {
    token = await env.svc.token('bank-a', ['check', 'audit:read']);
  });

  describe('happy path', () => {
    it('blocks a public reply that discloses a balance, with the API.md shape', async () => {
      const res = await env.svc.check(token, publicBalance);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({
        decision: 'block',
        mode: 'enforce',
        locale: 'pl',
        findings: [{ kind: 'balance', start: 24, end: 35 }],
        violations: [{ rule: 'account-data-public', kinds: ['balance'] }],
        actions: ['move_to_private_channel', 'verify_identity'],
        policyVersion: 'bank-a@0',
      });
      expect(body.findings[0].masked).not.toMatch(/\d/);
      expect(body.suggestion.redactedText).toBe(
        `Saldo Pana konta wynosi ${body.findings[0].masked}.`,
      );
      expect(body.suggestion.privateChannelMessage).toMatch(/wiadomości prywatnej/);
      expect(body.audit.seq).toBeGreaterThan(0);
      expect(body.receipt.split('.')).toHaveLength(3);
      // the receipt verifies against the published key and names this decision
      const { keys } = await (await env.svc.app.request('/.well-known/jwks.json')).json();
      const { payload, protectedHeader } = await compactVerify(
        body.receipt,
        await importJWK(keys[0], 'EdDSA'),
      );
      expect(protectedHeader).toMatchObject({
        alg: 'EdDSA',
        kid: keys[0].kid,
        typ: 'sargas-receipt+jws',
      });
      expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({
        tenant: 'bank-a',
        event: body.audit.id,
        seq: body.audit.seq,
        decision: 'block',
        policyVersion: 'bank-a@0',
      });
    });

    it('allows account data in a private channel once a valid identity assertion is presented', async () => {
      const identityToken = await env.svc.identity('bank-a', 'fb:123');
      const res = await env.svc.check(token, {
        ...publicBalance,
        channel: { platform: 'facebook', visibility: 'private' },
        customer: { id: 'fb:123', identityToken },
      });
      const body = await res.json();
      expect(body.decision).toBe('allow');
      expect(body.identity).toEqual({ status: 'verified' });
    });

    it('does not accept a bare verified flag', async () => {
      const res = await env.svc.check(token, {
        ...publicBalance,
        channel: { platform: 'facebook', visibility: 'private' },
        customer: { id: 'fb:123', verified: true },
      });
      const body = await res.json();
      expect(body.decision).toBe('block');
      expect(body.violations[0].rule).toBe('account-data-unverified');
    });

    it.each([
      [
        'for another customer',
        async (s: TestService) => s.identity('bank-a', 'fb:999'),
        'subject_mismatch',
      ],
      [
        'expired',
        async (s: TestService) => s.identity('bank-a', 'fb:123', { ttlSeconds: -10 }),
        'expired',
      ],
      [
        'for another audience',
        async (s: TestService) => s.identity('bank-a', 'fb:123', { audience: 'someone-else' }),
        'claim_aud',
      ],
    ])('rejects an identity assertion %s', async (_label, mint, reason) => {
      const identityToken = await mint(env.svc);
      const res = await env.svc.check(token, {
        ...publicBalance,
        channel: { platform: 'messenger', visibility: 'private' },
        customer: { id: 'fb:123', identityToken },
      });
      const body = await res.json();
      expect(body.decision).toBe('block');
      expect(body.identity).toEqual({ status: 'rejected', reason });
    });

    it('rejects an identity assertion signed by another key', async () => {
      const other = await createTestService(env.db.handle);
      const identityToken = await other.identity('bank-a', 'fb:123');
      const body = await (
        await env.svc.check(token, {
          ...publicBalance,
          channel: { platform: 'x', visibility: 'private' },
          customer: { id: 'fb:123', identityToken },
        })
      ).json();
      expect(body.identity).toEqual({ status: 'rejected', reason: 'signature' });
      expect(body.decision).toBe('block');
    });

    it('warns on an inbound public post with a PIN and gives an urgent notice in the customer language', async () => {
      const res = await env.svc.check(token, {
        direction: 'inbound',
        text: 'Zablokujcie kartę, mój PIN to 4821!',
        channel: { platform: 'facebook', visibility: 'public' },
      });
      const body = await res.json();
      expect(body.decision).toBe('warn');
      expect(body.urgent).toBe(true);
      expect(body.actions.slice(0, 2)).toEqual(['hide_post', 'advise_change_secret']);
      expect(body.suggestion.customerNotice).toMatch(/Pilne/);
      expect(body.suggestion.customerNotice).not.toContain('4821');
      expect(body.suggestion.redactedText).toBe('Zablokujcie kartę, mój PIN to ****!');
    });

    it('blocks a reply asking for a PIN in a private, verified channel', async () => {
      const identityToken = await env.svc.identity('bank-a', 'fb:1');
      const body = await (
        await env.svc.check(token, {
          direction: 'outbound',
          text: 'Aby odblokować kartę, prosimy o podanie numeru PIN.',
          channel: { platform: 'facebook', visibility: 'private' },
          customer: { id: 'fb:1', identityToken },
          agent: { id: 'a1' },
        })
      ).json();
      expect(body.decision).toBe('block');
      expect(body.violations.map((v: { rule: string }) => v.rule)).toEqual(['secret-request']);
    });

    it('returns the same decision for a retried Idempotency-Key and writes one event', async () => {
      const headers = { 'idempotency-key': 'retry-1' };
      const first = await (await env.svc.check(token, publicBalance, headers)).json();
      const second = await (await env.svc.check(token, publicBalance, headers)).json();
      expect(second.audit).toEqual(first.audit);
      expect(second.decision).toBe(first.decision);
      expect(second.replayed).toBe(true);
      const rows = await env.db.handle.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM audit_events WHERE idempotency_key = 'retry-1'`,
      );
      expect(Number(rows[0]?.n)).toBe(1);
    });

    it('answers 409 when an Idempotency-Key is reused for a different body', async () => {
      await env.svc.check(token, publicBalance, { 'idempotency-key': 'retry-2' });
      const res = await env.svc.check(
        token,
        { ...publicBalance, text: 'Inna treść' },
        { 'idempotency-key': 'retry-2' },
      );
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('idempotency_conflict');
    });

    it('commits concurrent checks together, each in its own chain position', async () => {
      const before = env.svc.writer.stats.batches;
      const results = await Promise.all(
        Array.from({ length: 40 }, () => env.svc.check(token, publicBalance).then((r) => r.json())),
      );
      const seqs = results.map((r) => r.audit.seq).sort((a, b) => a - b);
      expect(new Set(seqs).size).toBe(40);
      expect(seqs[39] - seqs[0]).toBe(39);
      expect(env.svc.writer.stats.batches - before).toBeLessThan(40);
    });
  });

  describe('errors', () => {
    it('names the failing field on a 400', async () => {
      const res = await env.svc.check(token, {
        ...publicBalance,
        channel: { platform: 'facebook', visibility: 'everyone' },
      });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toMatch(/^channel\.visibility/);
      expect(body.error.requestId).toBeTruthy();
    });

    it('requires an agent for outbound messages', async () => {
      const { agent: _a, ...noAgent } = publicBalance;
      const res = await env.svc.check(token, noAgent);
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].field).toBe('agent');
    });

    it('rejects empty and over-long text', async () => {
      expect((await env.svc.check(token, { ...publicBalance, text: '' })).status).toBe(400);
      expect(
        (await env.svc.check(token, { ...publicBalance, text: 'a'.repeat(20_001) })).status,
      ).toBe(400);
      expect(
        (await env.svc.check(token, { ...publicBalance, text: 'a'.repeat(20_000) })).status,
      ).toBe(200);
    });

    it('answers 400 on malformed JSON, 415 on a non-JSON body, 413 on an oversized one', async () => {
      expect((await env.svc.check(token, '{"direction":')).status).toBe(400);
      const text = await env.svc.app.request('/v1/check', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: 'hi',
      });
      expect(text.status).toBe(415);
      const big = await env.svc.check(token, { ...publicBalance, text: 'x'.repeat(300_000) });
      expect(big.status).toBe(413);
      expect((await big.json()).error.code).toBe('payload_too_large');
    });

    it('does not echo the text in error messages', async () => {
      const res = await env.svc.check(token, {
        ...publicBalance,
        direction: 'sideways',
        text: 'PIN 4821 PL61 1090 1014 0000 0712 1981 2874',
      });
      const raw = await res.text();
      expect(raw).not.toContain('4821');
      expect(raw).not.toContain('1090');
    });

    it('writes nothing for a rejected request', async () => {
      const count = async () =>
        Number(
          (await env.db.handle.query<{ n: string }>('SELECT count(*) AS n FROM audit_events'))[0]
            ?.n,
        );
      const before = await count();
      await env.svc.check(token, { ...publicBalance, channel: {} });
      await env.svc.check('not-a-token', publicBalance);
      expect(await count()).toBe(before);
    });
  });
});

describe('fail closed', () => {
  it('answers 503 when the audit event cannot be written, and stores nothing of it', async () => {
    const db = await createTestDatabase('pglite');
    const svc = await createTestService(db.handle);
    const token = await svc.token('bank-a', ['check']);
    // the head row exists, but inserting the event will fail
    await db.handle.query(
      'ALTER TABLE audit_events ADD CONSTRAINT no_more CHECK (seq < 0) NOT VALID',
    );
    const res = await svc.check(token, publicBalance);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('audit_unavailable');
    const events = await db.handle.query<{ n: string }>('SELECT count(*) AS n FROM audit_events');
    expect(Number(events[0]?.n)).toBe(0);
    const heads = await db.handle.query<{ seq: string | number }>(
      'SELECT seq FROM audit_chain_heads',
    );
    expect(heads.every((h) => Number(h.seq) === 0)).toBe(true); // the head did not move
    await db.drop();
  });

  it('answers 503, never a decision, when the audit store is gone', async () => {
    const db = await createTestDatabase('pglite');
    const svc = await createTestService(db.handle);
    const token = await svc.token('bank-a', ['check']);
    await db.handle.close();
    const res = await svc.check(token, publicBalance);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.code).toBe('audit_unavailable');
    expect(body.decision).toBeUndefined();
  });
});
