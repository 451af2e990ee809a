import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/verify.ts';
import { publishedKeys } from '../src/audit/service-keys.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { createTestService, type TestService } from './support/service.ts';

const WORKER = fileURLToPath(new URL('./support/append-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function runWorker(url: string, tenant: string, count: number, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WORKER, url, tenant, String(count), label],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(out.trim())
        : reject(new Error(`worker ${label} exited ${code}: ${out}`)),
    );
  });
}

// Two service processes and this one append to the same tenant's chain at once; the
// database orders them into one gapless, valid chain.
describe.skipIf(!process.env.TEST_DATABASE_URL)('several replicas against one PostgreSQL', () => {
  let db: TestDatabase;
  let svc: TestService;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    svc = await createTestService(db.handle);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('produce one valid chain', async () => {
    const token = await svc.token('shared', ['check']);
    const local = (async () => {
      for (let i = 0; i < 10; i++) {
        await Promise.all(
          Array.from({ length: 10 }, () =>
            svc.check(token, {
              direction: 'inbound',
              text: 'Dzień dobry',
              channel: { platform: 'x', visibility: 'public' },
            }),
          ),
        );
      }
    })();
    const outputs = await Promise.all([
      runWorker(db.url!, 'shared', 150, 'replica-a'),
      runWorker(db.url!, 'shared', 150, 'replica-b'),
      local,
    ]);
    expect(outputs.slice(0, 2)).toEqual(['replica-a appended 150', 'replica-b appended 150']);
    const report = await verifyChain(
      db.handle,
      'shared',
      await publishedKeys(db.handle.db, svc.keys.service),
    );
    expect(report).toMatchObject({ ok: true, events: 400 });
    const platforms = await db.handle.query<{ platform: string; n: string }>(
      `SELECT platform, count(*) AS n FROM audit_events WHERE tenant = 'shared' GROUP BY 1 ORDER BY 1`,
    );
    expect(platforms.map((p) => [p.platform, Number(p.n)])).toEqual([
      ['replica-a', 150],
      ['replica-b', 150],
      ['x', 100],
    ]);
  });
});
