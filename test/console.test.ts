import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { createTestService, type TestService } from './support/service.ts';

describe('the audit console', () => {
  let db: TestDatabase;
  let svc: TestService;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    svc = await createTestService(db.handle);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('serves the page, its script and style under a strict content security policy', async () => {
    const page = await svc.app.request('/console');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/console/console.js" defer></script>');
    const js = await svc.app.request('/console/console.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const script = await js.text();
    expect(script).toContain('/v1/audit/events');
    // finding a data subject's values goes through the service's fingerprints
    expect(html).toContain('<form id="lookup">');
    expect(script).toContain('/v1/audit/fingerprints');
    expect(script).not.toMatch(/innerHTML/); // values are only ever written as text
    expect((await svc.app.request('/console/console.css')).status).toBe(200);
    // Chart.js from the npm package, served here: no script from elsewhere
    const charts = await svc.app.request('/console/chart.js');
    expect(charts.headers.get('content-type')).toMatch(/javascript/);
    expect(await charts.text()).toContain('Chart.js v4');
    expect(html).not.toMatch(/src="https?:/);
    const { texts, kinds, rules } = await (await svc.app.request('/console/texts.json')).json();
    expect(Object.keys(texts).sort()).toEqual(['en', 'lt', 'pl']);
    expect(kinds.map((k: { name: string }) => k.name)).toContain('iban');
    expect(rules.map((r: { id: string }) => r.id)).toContain('account-data-public');
  });

  it('shows the fields the audit event declares, with their labels, and none it keeps to itself', async () => {
    const fields = (await (await svc.app.request('/console/fields.json')).json()) as Array<{
      name: string;
      label: string;
    }>;
    const names = fields.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'id',
        'seq',
        'decision',
        'kinds',
        'findings',
        'customerFingerprint',
        'hash',
      ]),
    );
    expect(names).not.toContain('tenant');
    expect(names).not.toContain('requestFp');
    expect(names).not.toContain('seal');
    // the list and the detail read fields by name: each name console.js reads of an event is
    // one the audit declares (or one the API adds), so renaming a field cannot blank a column
    const script = readFileSync(
      fileURLToPath(new URL('../src/console/console.js', import.meta.url)),
      'utf8',
    );
    const read = new Set([...script.matchAll(/\be\.([A-Za-z]+)/g)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((n) => !names.includes(n as string)).sort()).toEqual([
      'overrides',
      'reviewCount',
      'reviews',
    ]);
    // what the list of events shows is every name the API answers with (and whether it was reviewed)
    const t = await svc.token('console', ['check', 'audit:read']);
    await svc.check(t, {
      direction: 'inbound',
      text: 'Mój PIN 4821',
      channel: { platform: 'x', visibility: 'public' },
    });
    const [event] = (
      await (
        await svc.app.request('/v1/audit/events', { headers: { authorization: `Bearer ${t}` } })
      ).json()
    ).events;
    expect(Object.keys(event).sort()).toEqual([...names, 'reviewCount'].sort());
  });
});
