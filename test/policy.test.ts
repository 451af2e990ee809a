import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/database.ts';
import { asTenant, useTestService } from './support/service.ts';

describe.each(BACKENDS)('tenant policies on %s', (backend) => {
  const env = useTestService(backend);

  const admin = (tenant: string) =>
    asTenant(env.svc, tenant, ['check', 'audit:read', 'policy:admin', 'check:override']);

  const outbound = (text: string, visibility = 'public', extra: Record<string, unknown> = {}) => ({
    direction: 'outbound',
    text,
    channel: { platform: 'facebook', visibility },
    agent: { id: 'agent-1' },
    ...extra,
  });

  it('stores immutable versions, names the version in every decision, and audits each change', async () => {
    const a = await admin('versions');
    expect(await (await a.get()).json()).toMatchObject({ version: 0, policy: { mode: 'enforce' } });
    const bad = await a.put({ mode: 'sometimes' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^mode/);
    expect((await a.put({ mode: 'enforce', unknownSetting: 1 })).status).toBe(400);
    expect((await a.put({ mode: 'enforce', brand: 'Bank A' })).status).toBe(201);
    const second = await (await a.put({ mode: 'monitor', brand: 'Bank A' })).json();
    expect(second).toMatchObject({ version: 2, policyVersion: 'versions@2' });
    const check = await (await env.svc.check(a.token, outbound('Dzień dobry'))).json();
    expect(check.policyVersion).toBe('versions@2');
    const changes = await a.events('?type=policy_change');
    expect(
      changes.map((e: { details: { version: number; changed: string[] } }) => [
        e.details.version,
        e.details.changed,
      ]),
    ).toEqual([
      [2, ['mode']],
      [1, ['mode', 'allowList', 'brand']],
    ]);
    const rows = await env.db.handle.query<{ version: number }>(
      `SELECT version FROM tenant_policies WHERE tenant = 'versions' ORDER BY version`,
    );
    expect(rows.map((r) => Number(r.version))).toEqual([1, 2]);
    await expect(
      env.db.handle.query(`UPDATE tenant_policies SET policy = '{}' WHERE tenant = 'versions'`),
    ).rejects.toThrow(/append-only/);
  });

  it("never blocks the company's hotline, written any way, while a customer's number in the same reply still blocks", async () => {
    const a = await admin('hotline');
    const put = await a.put({
      allowList: {
        phones: ['+48 22 123 45 67'],
        ibans: ['PL61 1090 1014 0000 0712 1981 2874'],
        emails: ['Pomoc@Bank.pl'],
      },
    });
    expect(put.status).toBe(201);
    expect((await put.json()).policy.allowList).toMatchObject({
      phones: ['+48221234567'],
      ibans: ['PL61109010140000071219812874'],
      emails: ['pomoc@bank.pl'],
    });
    for (const written of [
      '+48 22 123 45 67',
      '22 123 45 67',
      '(22) 123-45-67',
      '0048 22 123 45 67',
    ]) {
      const body = await (
        await env.svc.check(a.token, outbound(`Zapraszamy do kontaktu z infolinią: ${written}.`))
      ).json();
      expect(body.decision, written).toBe('allow');
      expect(body.findings).toMatchObject([{ kind: 'phone', allowListed: true }]);
    }
    const mixed = await (
      await env.svc.check(
        a.token,
        outbound('Nasza infolinia 22 123 45 67, oddzwonimy też na Pana numer 22 123 45 68.'),
      )
    ).json();
    expect(mixed.decision).toBe('block');
    expect(mixed.violations[0].rule).toBe('contact-data-public');
    expect(mixed.findings.filter((f: { allowListed?: boolean }) => !f.allowListed)).toHaveLength(1);
    const iban = await (
      await env.svc.check(
        a.token,
        outbound('Wpłaty prosimy kierować na rachunek 61 1090 1014 0000 0712 1981 2874.'),
      )
    ).json();
    expect(iban.decision).toBe('allow');
    const bad = await a.put({ allowList: { phones: ['12'] } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe('allowList.phones.0');
  });

  it('in monitor mode computes and audits the decision but reports a would-be block as warn', async () => {
    const a = await admin('trial');
    await a.put({ mode: 'monitor' });
    const body = await (await env.svc.check(a.token, outbound('Saldo wynosi 2 500,00 zł.'))).json();
    expect(body).toMatchObject({
      decision: 'warn',
      wouldBlock: true,
      mode: 'monitor',
      violations: [{ rule: 'account-data-public' }],
    });
    const [event] = await a.events('?type=check');
    expect(event).toMatchObject({
      decision: 'warn',
      wouldBlock: true,
      details: { effectiveDecision: 'block' },
    });
    const summary = await (
      await env.svc.app.request('/v1/audit/summary', {
        headers: { authorization: `Bearer ${a.token}` },
      })
    ).json();
    expect(summary.wouldBlock).toBe(1);
  });

  it('uses the tenant wording with its brand and private channel link', async () => {
    const a = await admin('wording');
    const put = await a.put({
      brand: 'Bankas',
      privateChannelLink: 'https://m.me/bankas',
      wording: { lt: { privateChannelMessage: '{brand}: parašykite mums{link}.' } },
    });
    expect(put.status).toBe(201);
    const lt = await (
      await env.svc.check(a.token, outbound('Jūsų sąskaitos likutis yra 12,00 EUR.'))
    ).json();
    expect(lt.suggestion.privateChannelMessage).toBe(
      'Bankas: parašykite mums (https://m.me/bankas).',
    );
    const pl = await (await env.svc.check(a.token, outbound('Saldo wynosi 12,00 zł.'))).json();
    expect(pl.suggestion.privateChannelMessage).toContain('(https://m.me/bankas)');
    expect(pl.suggestion.privateChannelMessage).toMatch(/^Dzień dobry/);
  });

  describe("identity through the tenant's own identity provider", () => {
    let sign: (claims: {
      sub: string;
      aud?: string;
      iss?: string;
      exp?: string;
    }) => Promise<string>;

    beforeAll(async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256' };
      const a = await admin('idp');
      const res = await a.put({
        identityProvider: {
          issuer: 'https://id.bank.example',
          audience: 'sargas-idp',
          jwks: { keys: [jwk] },
        },
      });
      expect(res.status).toBe(201);
      sign = (c) =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
          .setSubject(c.sub)
          .setIssuer(c.iss ?? 'https://id.bank.example')
          .setAudience(c.aud ?? 'sargas-idp')
          .setExpirationTime(c.exp ?? '5m')
          .sign(privateKey);
    });

    const privateReply = (identityToken?: string, extra: Record<string, unknown> = {}) =>
      outbound('Saldo wynosi 2 500,00 zł.', 'private', {
        customer: { id: 'fb:42', ...(identityToken ? { identityToken } : {}), ...extra },
      });

    it.each([
      ['valid', async () => sign({ sub: 'fb:42' }), 'allow', { status: 'verified' }],
      [
        'expired',
        async () => sign({ sub: 'fb:42', exp: '-1m' }),
        'block',
        { status: 'rejected', reason: 'expired' },
      ],
      [
        'for another subject',
        async () => sign({ sub: 'fb:43' }),
        'block',
        { status: 'rejected', reason: 'subject_mismatch' },
      ],
      [
        'for another audience',
        async () => sign({ sub: 'fb:42', aud: 'other' }),
        'block',
        { status: 'rejected', reason: 'claim_aud' },
      ],
      [
        'from another issuer',
        async () => sign({ sub: 'fb:42', iss: 'https://evil.example' }),
        'block',
        { status: 'rejected', reason: 'claim_iss' },
      ],
      [
        'signed by another key (the dev key)',
        async () => env.svc.identity('idp', 'fb:42'),
        'block',
        { status: 'rejected', reason: 'signature' },
      ],
    ])('%s', async (_label, mint, decision, identity) => {
      const a = await admin('idp');
      const body = await (await env.svc.check(a.token, privateReply(await mint()))).json();
      expect(body.decision).toBe(decision);
      expect(body.identity).toEqual(identity);
      const [event] = await a.events('?type=check&limit=1');
      expect(event.identity.status).toBe(identity.status);
      expect(JSON.stringify(event)).not.toMatch(/eyJ/); // the token is never stored
    });

    it('a bare verified flag changes nothing', async () => {
      const a = await admin('idp');
      const body = await (
        await env.svc.check(
          a.token,
          privateReply(undefined, { verified: true, identityVerified: true }),
        )
      ).json();
      expect(body.decision).toBe('block');
    });
  });

  describe('overrides', () => {
    /** A check warned of (the customer's phone in public), to override. */
    const warnedCheck = async (token: string) =>
      (
        await env.svc.check(token, {
          direction: 'inbound',
          text: 'Mój numer to 600 123 456',
          channel: { platform: 'fb', visibility: 'public' },
        })
      ).json();

    it('lets a supervisor override a warning with a justification, linked to the original and with personal data masked', async () => {
      const a = await admin('override');
      const warned = await warnedCheck(a.token);
      expect(warned.decision).toBe('warn');
      const res = await a.post(`/v1/audit/events/${warned.audit.id}/override`, {
        justification: 'Klient sam prosi o kontakt pod 600 123 456, zgoda w wątku.',
      });
      expect(res.status).toBe(201);
      const { override } = await res.json();
      expect(override).toMatchObject({
        type: 'override',
        linkedEventId: warned.audit.id,
        decision: 'allow',
      });
      expect(override.details.justification).not.toContain('600 123 456');
      expect(
        (
          await a.post(`/v1/audit/events/${warned.audit.id}/override`, {
            justification: 'Drugi raz to samo uzasadnienie.',
          })
        ).status,
      ).toBe(409);
    });

    it('records one override of a warning when two supervisors override it at once', async () => {
      const a = await admin('override-race');
      const warned = await warnedCheck(a.token);
      const path = `/v1/audit/events/${warned.audit.id}/override`;
      const statuses = await Promise.all(
        ['Klient prosi o kontakt.', 'Zgoda klienta w wątku.', 'Pilne, klient czeka.'].map(
          async (justification) => (await a.post(path, { justification })).status,
        ),
      );
      expect(statuses.sort()).toEqual([201, 409, 409]);
      expect(await a.events('?type=override')).toHaveLength(1);
    });

    it('refuses to override a warning about a secret, a block, or without the scope', async () => {
      const a = await admin('override-no');
      const secret = await (
        await env.svc.check(a.token, {
          direction: 'inbound',
          text: 'Mój PIN to 4821',
          channel: { platform: 'fb', visibility: 'public' },
        })
      ).json();
      expect(
        (
          await a.post(`/v1/audit/events/${secret.audit.id}/override`, {
            justification: 'Klient nalega, to pilne.',
          })
        ).status,
      ).toBe(403);
      const block = await (await env.svc.check(a.token, outbound('Saldo wynosi 12,00 zł.'))).json();
      expect(
        (
          await a.post(`/v1/audit/events/${block.audit.id}/override`, {
            justification: 'Klient nalega, to pilne.',
          })
        ).status,
      ).toBe(409);
      const agent = await env.svc.token('override-no', ['check']);
      const res = await env.svc.app.request(`/v1/audit/events/${secret.audit.id}/override`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' },
        body: JSON.stringify({ justification: 'Klient nalega, to pilne.' }),
      });
      expect(res.status).toBe(403);
    });
  });

  it('simulates a candidate policy on recent events and counts what would change, by rule', async () => {
    const a = await admin('sim');
    // recorded under the default policy:
    await env.svc.check(a.token, outbound('Zadzwoń na infolinię 22 123 45 67.')); // block contact-data-public
    await env.svc.check(a.token, outbound('Infolinia: +48 22 123 45 67, czynna całą dobę.')); // block contact-data-public
    await env.svc.check(
      a.token,
      outbound('Wpłaty na rachunek PL61 1090 1014 0000 0712 1981 2874.'),
    ); // block account-data-public
    await env.svc.check(a.token, outbound('Prosimy o podanie PIN-u.')); // block secret-request
    await env.svc.check(a.token, {
      direction: 'inbound',
      text: 'Mój numer 600 123 456',
      channel: { platform: 'fb', visibility: 'public' },
    }); // warn
    await env.svc.check(a.token, outbound('Dziękujemy za wiadomość.')); // allow
    // candidate: the hotline is ours, and monitor mode
    const res = await a.post('/v1/policy/simulate', {
      policy: { mode: 'monitor', allowList: { phones: ['22 123 45 67'] } },
    });
    expect(res.status).toBe(200);
    // by hand: 2 hotline blocks → allow; the IBAN and the PIN request blocks → warn (monitor); the inbound warn and the allow stay
    expect(await res.json()).toMatchObject({
      evaluated: 6,
      changed: 4,
      transitions: { 'block→allow': 2, 'block→warn': 2 },
      byRule: {
        'contact-data-public': { before: 2, after: 0 },
        'account-data-public': { before: 1, after: 1 },
        'secret-request': { before: 1, after: 1 },
        'personal-data-exposed-public': { before: 1, after: 1 },
      },
    });
    // nothing was stored by simulating
    expect((await (await a.get()).json()).version).toBe(0);
  });
});
