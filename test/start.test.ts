import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signAccessToken } from '../src/auth/access-token.ts';
import { loadKeys } from '../src/auth/keys.ts';
import { loadConfig } from '../src/config.ts';
import { startService } from './support/process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// the start message ends with how to get tokens
const start = (env: Record<string, string>, args?: string[], timeoutMs?: number) =>
  startService(env, { args, timeoutMs, ready: (out) => out.includes('--identity') });

describe('npm start', () => {
  it('builds the JavaScript when it is missing or stale, and serves from it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sargas-build-'));
    // what `npm start` runs: scripts/start.mjs builds dist/ (tsc) when needed, then runs it
    const { child, port } = await start({ DATA_DIR: dataDir }, ['scripts/start.mjs'], 150_000);
    try {
      expect(existsSync(join(ROOT, 'dist/main.js'))).toBe(true);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      // the files beside the modules (the console's) and the package's (the reference page's)
      expect((await fetch(`${base}/console/console.js`)).status).toBe(200);
      expect((await fetch(`${base}/docs/swagger-ui-bundle.js`)).status).toBe(200);
      const doc = await (await fetch(`${base}/openapi.json`)).json();
      expect(doc.info.version).toBe(
        JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      );
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('comes up on embedded PostgreSQL, migrates, says how to get a token, and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sargas-start-'));
    const witnessDir = join(dataDir, 'witness');
    const { child, port, output } = await start({
      DATA_DIR: dataDir,
      WITNESS_DIR: witnessDir,
      CHECKPOINT_INTERVAL_SECONDS: '1',
    });
    try {
      expect(output()).toContain('npm run token -- --tenant demo --scopes check,audit:read');
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // a check, and within a checkpoint interval its tree head is in the witness directory
      const config = loadConfig({ DATA_DIR: dataDir });
      const token = await signAccessToken(
        (await loadKeys(config)).dev!,
        { tenant: 'demo', scopes: ['check'] },
        { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE },
      );
      const res = await fetch(`http://127.0.0.1:${port}/v1/check`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          direction: 'inbound',
          text: 'Dzień dobry',
          channel: { platform: 'x', visibility: 'public' },
        }),
      });
      expect(res.status).toBe(200);
      let files: string[] = [];
      for (let i = 0; i < 60 && files.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        files = existsSync(witnessDir) ? readdirSync(witnessDir) : [];
      }
      expect(files).toHaveLength(1);
      expect(
        JSON.parse(readFileSync(join(witnessDir, files[0]!), 'utf8').trim().split('\n')[0]!),
      ).toMatchObject({ tenant: 'demo', seq: 1, treeSize: 1 });
      const exited = new Promise<number | null>((r) => child.on('exit', r));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong configuration with a message per variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'loud' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/PORT/);
    expect(err).toMatch(/LOG_LEVEL/);
  });
});
