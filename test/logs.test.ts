import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { devIdentityProvider } from '../src/auth/dev-identity.ts';
import { AuditWriter } from '../src/audit/writer.ts';
import { PolicyStore } from '../src/stores/policy-store.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { AUTH, createTestService, steppingClock } from './support/service.ts';

const PLANTED = [
  'PL61 1090 1014 0000 0712 1981 2874',
  '4111 1111 1111 1111',
  '44051401458',
  '600 123 456',
  'jan.kowalski@example.pl',
  '4821',
  'Kot123!xyz',
  'fb:100029384756',
];

/** A logger at its most verbose level whose lines the test reads. */
function capturedLogs() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: pino({ level: 'trace' }, sink) };
}

/** The test service's app, logging into `lines`. */
async function loggingService(db: TestDatabase) {
  const { lines, logger } = capturedLogs();
  const base = await createTestService(db.handle);
  return { lines, base, app: createApp({ ...base.deps, logger }) };
}

describe('logs', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('hold none of the planted values, at the most verbose level, for good, bad and failing requests', async () => {
    const { lines, logger } = capturedLogs();
    const base = await createTestService(db.handle);
    const writer = new AuditWriter(db.handle, steppingClock());
    const policies = new PolicyStore(db.handle.db, {
      ttlMs: 0,
      fallbackIdentityProvider: (tenant) => devIdentityProvider(base.keys.dev!, tenant),
    });
    const app = createApp({
      database: db.handle,
      writer,
      policies,
      keys: base.keys,
      clock: steppingClock(),
      auth: AUTH,
      logger,
    });
    const token = await base.token('logs', ['check', 'audit:read']);
    const text = `Mój rachunek ${PLANTED[0]}, karta ${PLANTED[1]}, PESEL ${PLANTED[2]}, tel. ${PLANTED[3]}, mail ${PLANTED[4]}, PIN ${PLANTED[5]}, hasło: ${PLANTED[6]}`;
    const send = (body: unknown) =>
      app.request('/v1/check', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (
        await send({
          direction: 'inbound',
          text,
          channel: { platform: 'fb', visibility: 'public' },
          customer: { id: PLANTED[7] },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send({
          direction: 'sideways',
          text,
          channel: { platform: 'fb', visibility: 'public' },
        })
      ).status,
    ).toBe(400);
    // an officer's lookup carries the values themselves
    const lookup = (body: unknown) =>
      app.request('/v1/audit/fingerprints', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await lookup({ text, customerId: PLANTED[7] })).status).toBe(200);
    expect((await lookup({ text, customerId: PLANTED[7], extra: true })).status).toBe(400);
    await db.handle.close(); // and a failure: the store is gone
    expect(
      (
        await send({
          direction: 'inbound',
          text,
          channel: { platform: 'fb', visibility: 'public' },
        })
      ).status,
    ).toBe(503);
    // an audit read on a store that is gone is a 503 too, not a 500
    expect(
      (
        await app.request(`/v1/audit/events?agent=${PLANTED[7]}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(503);
    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(log).toContain('"status":200');
    expect(log).toContain('"status":503');
    for (const value of PLANTED) {
      for (const v of new Set([value, value.replace(/\s/g, '')]))
        expect(log.includes(v), `${v} in the logs`).toBe(false);
    }
    db = await createTestDatabase('pglite'); // afterAll drops a fresh one
  });

  it('log why the audit store refused a write: the cause by its type and code, never its message', async () => {
    const { lines, base, app } = await loggingService(db);
    const token = await base.token('logs-3', ['check']);
    // the statement fails for a reason of the database's own: a column is gone
    await db.handle.query('ALTER TABLE audit_events RENAME COLUMN agent_id TO agent_gone');
    try {
      const res = await app.request('/v1/check', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          direction: 'inbound',
          text: `Mój PESEL ${PLANTED[2]}`,
          channel: { platform: 'fb', visibility: 'public' },
          agent: { id: PLANTED[7] },
        }),
      });
      expect(res.status).toBe(503);
      const failed = lines
        .map(
          (l) => JSON.parse(l) as { msg: string; code?: string; cause?: Record<string, unknown> },
        )
        .find((l) => l.msg === 'request failed');
      // 42703: undefined column, as PostgreSQL and PGlite both name it
      expect(failed).toMatchObject({ code: 'audit_unavailable', cause: { code: '42703' } });
      expect(typeof failed?.cause?.type).toBe('string');
      const log = lines.join('');
      expect(log).not.toContain(PLANTED[2]);
      expect(log).not.toContain(PLANTED[7]);
      expect(log).not.toContain('agent_gone');
    } finally {
      await db.handle.query('ALTER TABLE audit_events RENAME COLUMN agent_gone TO agent_id');
    }
  });

  it('log an unhandled error without the parameters of the statement that failed, nor the path sent', async () => {
    const { lines, base, app } = await loggingService(db);
    const token = await base.token('logs-2', ['audit:read']);
    // a failure no input causes: the statement refers to a column that is gone
    await db.handle.query('ALTER TABLE audit_events RENAME COLUMN agent_id TO agent_gone');
    try {
      const iban = PLANTED[0]!.replace(/\s/g, '');
      const res = await app.request(`/v1/audit/events?agent=${iban}&thread=${PLANTED[2]}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(500);
      const log = lines.join('');
      expect(log).toContain('unhandled error');
      expect(log).toMatch(/"frames":"\s+at /);
      expect(log).toContain('"route":"/v1/audit/events"');
      expect(log).not.toContain(iban);
      expect(log).not.toContain(PLANTED[2]);
      expect(log).not.toContain('agent_gone'); // nor the statement
    } finally {
      await db.handle.query('ALTER TABLE audit_events RENAME COLUMN agent_gone TO agent_id');
    }
  });
});
