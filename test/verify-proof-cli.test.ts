import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestService } from './support/service.ts';

const BIN = fileURLToPath(new URL('../bin/sargas.js', import.meta.url));

// An officer keeps a receipt and a checkpoint, asks the service later, and checks its answer
// on a machine of their own: no service, no database, the key set they pinned.
describe('sargas verify-proof', () => {
  const env = useTestService('pglite');

  it('proves a held receipt and checkpoint offline, and says so when the proof is not for them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sargas-proof-'));
    try {
      const token = await env.svc.token('offline', ['check', 'audit:read']);
      const receipts: string[] = [];
      for (let i = 0; i < 7; i++)
        receipts.push(
          (
            await (
              await env.svc.check(token, {
                direction: 'inbound',
                text: `m ${i}`,
                channel: { platform: 'x', visibility: 'public' },
              })
            ).json()
          ).receipt,
        );
      const checkpoint = (
        await (
          await env.svc.app.request('/v1/audit/checkpoints', {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json()
      ).checkpoints[0].jws;
      const answer = await (
        await env.svc.app.request('/v1/audit/verify', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ checkpoint, receipt: receipts[2] }),
        })
      ).text();
      writeFileSync(
        join(dir, 'jwks.json'),
        await (await env.svc.app.request('/.well-known/jwks.json')).text(),
      );
      writeFileSync(join(dir, 'answer.json'), answer);
      writeFileSync(join(dir, 'receipt.jws'), receipts[2]!);
      writeFileSync(join(dir, 'other.jws'), receipts[5]!);
      writeFileSync(join(dir, 'checkpoint.jws'), checkpoint);
      const run = (...args: string[]) =>
        spawnSync(
          process.execPath,
          [
            BIN,
            'verify-proof',
            '--jwks',
            join(dir, 'jwks.json'),
            '--proof',
            join(dir, 'answer.json'),
            ...args,
          ],
          { encoding: 'utf8', timeout: 30_000 },
        );
      const receipt = run('--receipt', join(dir, 'receipt.jws'));
      expect(receipt.status).toBe(0);
      expect(receipt.stdout).toMatch(/^proven: the log held this receipt/);
      expect(run('--checkpoint', join(dir, 'checkpoint.jws')).status).toBe(0);
      const other = run('--receipt', join(dir, 'other.jws'));
      expect(other.status).toBe(1);
      expect(other.stdout).toMatch(/not proven/);
      expect(spawnSync(process.execPath, [BIN, 'verify-proof'], { encoding: 'utf8' }).status).toBe(
        2,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
