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
  });
});
