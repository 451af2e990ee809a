import { describe, expect, it } from 'vitest';
import { BACKENDS } from './support/database.ts';
import { asTenant, useTestService } from './support/service.ts';

describe.each(BACKENDS)('policy as code on %s', (backend) => {
  const env = useTestService(backend);

  const admin = (tenant: string) =>
    asTenant(env.svc, tenant, ['check', 'audit:read', 'policy:admin']);

  it('names the version in an ETag and refuses a write based on a stale one with 412', async () => {
    const a = await admin('pac-etag');
    const first = await a.get();
    expect(first.headers.get('etag')).toBe('"0"');
    const put = await a.put({ brand: 'Bank A' }, '"0"');
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe('"1"');
    expect((await a.get()).headers.get('etag')).toBe('"1"');
    // a second editor who read version 0 too
    const stale = await a.put({ brand: 'Bank B' }, '"0"');
    expect(stale.status).toBe(412);
    const error = (await stale.json()).error;
    expect(error.code).toBe('precondition_failed');
    expect(error.message).toMatch(/version 1/);
    expect((await a.put({ brand: 'Bank B' }, 'W/"1"')).status).toBe(201);
    expect((await a.put({ brand: 'Bank C' }, 'garbage')).status).toBe(412);
    // without If-Match the last writer wins, as before
    expect((await a.put({ brand: 'Bank C' })).status).toBe(201);
    expect((await a.events('?type=policy_change')).length).toBe(3);
  });

  it('lists versions with who and when, answers one, and diffs two', async () => {
    const a = await admin('pac-versions');
    await a.put({
      mode: 'monitor',
      customKinds: [{ name: 'loan', class: 'ACCOUNT', terms: ['umowa kredytowa'] }],
    });
    await a.put({
      mode: 'enforce',
      customKinds: [
        { name: 'loan', class: 'ACCOUNT', terms: ['umowa kredytowa', 'umowa leasingu'] },
      ],
    });
    const list = await (await a.get('/v1/policy/versions')).json();
    expect(list.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(list.versions[0]).toMatchObject({
      policyVersion: 'pac-versions@2',
      createdBy: expect.any(String),
      createdAt: expect.stringMatching(/^\d{4}-/),
    });
    const page = await (await a.get('/v1/policy/versions?limit=1')).json();
    expect(page).toMatchObject({ versions: [{ version: 2 }], next: 2 });
    const older = await (await a.get('/v1/policy/versions?limit=1&before=2')).json();
    expect(older.versions.map((v: { version: number }) => v.version)).toEqual([1]);

    const one = await a.get('/v1/policy/versions/1');
    expect(one.headers.get('etag')).toBe('"1"');
    expect(await one.json()).toMatchObject({ version: 1, policy: { mode: 'monitor' } });
    expect((await a.get('/v1/policy/versions/9')).status).toBe(404);
    expect((await a.get('/v1/policy/versions/x')).status).toBe(400);

    const diff = await (await a.get('/v1/policy/versions/1/diff/2')).json();
    expect(diff).toEqual({
      from: 1,
      to: 2,
      changes: [
        { path: 'customKinds.loan.terms', added: ['umowa leasingu'], removed: [] },
        { path: 'mode', before: 'monitor', after: 'enforce' },
      ],
    });
    expect((await (await a.get('/v1/policy/versions/2/diff/2')).json()).changes).toEqual([]);
  });

  it('rolls back as a new version, audited with the version restored', async () => {
    const a = await admin('pac-rollback');
    await a.put({ brand: 'First' });
    await a.put({ brand: 'Second', mode: 'monitor' });
    const stale = await a.send(
      'POST',
      '/v1/policy/rollback',
      { version: 1 },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    const res = await a.send('POST', '/v1/policy/rollback', { version: 1 }, { 'if-match': '"2"' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"3"');
    expect(await res.json()).toMatchObject({
      version: 3,
      policy: { brand: 'First', mode: 'enforce' },
    });
    const [change] = await a.events('?type=policy_change&limit=1');
    expect(change.details).toMatchObject({
      version: 3,
      previousVersion: 2,
      restoredVersion: 1,
      changed: expect.arrayContaining(['brand', 'mode']),
    });
    const check = await (
      await env.svc.check(a.token, {
        direction: 'outbound',
        text: 'Dzień dobry',
        channel: { platform: 'x', visibility: 'public' },
        agent: { id: 'agent-1' },
      })
    ).json();
    expect(check.policyVersion).toBe('pac-rollback@3');
    expect((await a.send('POST', '/v1/policy/rollback', { version: 7 })).status).toBe(404);
  });

  it('validates a candidate without storing it or writing an event', async () => {
    const a = await admin('pac-validate');
    await a.put({ brand: 'Bank' });
    const ok = await a.send('POST', '/v1/policy/validate', {
      brand: 'Bank',
      allowList: { phones: ['22 123 45 67'] },
      tuning: { kinds: { one_time_code: { mode: 'monitor' } }, acknowledgeSecretWeakening: true },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      valid: true,
      basedOn: 1,
      changed: ['allowList', 'tuning'],
      secretWeakenings: ['tuning.kinds.one_time_code.mode'],
      policy: { allowList: { phones: ['+48221234567'] } },
    });
    const bad = await a.send('POST', '/v1/policy/validate', {
      customKinds: [{ name: 'a_kind', class: 'INFO', patterns: ['(?<=x)y'] }],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe('customKinds.0.patterns.0');
    expect((await a.get()).headers.get('etag')).toBe('"1"');
    expect((await a.events('?type=policy_change')).length).toBe(1);
  });

  it('simulates a candidate on history, by rule and by custom kind', async () => {
    const a = await admin('pac-simulate');
    const loan = { name: 'loan_contract', class: 'ACCOUNT', patterns: ['KR/[0-9]{4}/[0-9]{6}'] };
    await a.put({ customKinds: [loan] });
    const reply = (text: string) =>
      env.svc.check(a.token, {
        direction: 'outbound',
        text,
        channel: { platform: 'facebook', visibility: 'public' },
        agent: { id: 'agent-1' },
      });
    expect((await (await reply('Umowa KR/2024/123453 jest aktywna.')).json()).decision).toBe(
      'block',
    );
    expect((await (await reply('Umowa KR/2023/000001 też.')).json()).decision).toBe('block');
    expect((await (await reply('Dzwonimy z 600 100 200.')).json()).decision).toBe('block');
    const res = await a.send('POST', '/v1/policy/simulate', {
      policy: {
        customKinds: [
          { ...loan, class: 'INFO' },
          { name: 'brand_new', class: 'INFO', terms: ['abc'] },
        ],
        tuning: { kinds: { phone: { mode: 'monitor' } } },
      },
    });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({
      evaluated: 3,
      changed: 3,
      transitions: { 'block→allow': 3 },
      byCustomKind: { loan_contract: { before: 2, after: 2, changed: 2 } },
      notSimulated: { newCustomKinds: ['brand_new'] },
    });
    expect(report.byRule['account-data-public']).toEqual({ before: 2, after: 0, changed: 2 });
    expect(report.byRule['contact-data-public']).toEqual({ before: 1, after: 0, changed: 1 });
    expect((await a.events('?type=policy_change')).length).toBe(1);
  });

  it('gives each tenant its own development identity key: an assertion for one never verifies for another', async () => {
    const tokenA = await env.svc.token('pac-id-a', ['check']);
    const tokenB = await env.svc.token('pac-id-b', ['check']);
    const assertion = await env.svc.identity('pac-id-a', 'fb:77');
    const privateReply = (identityToken: string) => ({
      direction: 'outbound',
      text: 'Saldo Pana konta to 1 250,00 zł.',
      channel: { platform: 'messenger', visibility: 'private' },
      customer: { id: 'fb:77', identityToken },
      agent: { id: 'agent-1' },
    });
    const forA = await (await env.svc.check(tokenA, privateReply(assertion))).json();
    expect(forA.identity).toEqual({ status: 'verified' });
    expect(forA.decision).toBe('allow');
    const forB = await (await env.svc.check(tokenB, privateReply(assertion))).json();
    expect(forB.identity).toEqual({ status: 'rejected', reason: 'signature' });
    expect(forB.decision).toBe('block');
  });
});
