// What the server benchmarks share: a fresh PostgreSQL database and data directory, and
// the service (or the bare endpoint) started as a child process on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { signAccessToken } from '../src/auth/access-token.ts';
import { loadKeys } from '../src/auth/keys.ts';
import { loadConfig } from '../src/config.ts';
import { loadCorpus } from '../eval/corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Starts a script of the project with node (and `nodeFlags`) on 127.0.0.1 and a free port; resolves once it listens. */
export function startProcess(
  script: string,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    // TypeScript through tsx; JavaScript (the build, the bare endpoint) by plain node
    const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...nodeFlags, ...loader, script], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let listening = false;
    child.stdout!.on('data', (d: Buffer) => {
      // read until it listens; after that only drained (a run at LOG_LEVEL=info logs every request)
      if (listening) return;
      out += d.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        listening = true;
        out = '';
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
}

/** A database and data directory of the bench's own; `drop` removes both and stops the given children. */
export async function benchEnvironment(prefix: string) {
  const name = `${prefix}_${process.pid}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sargas-bench-'));
  const children: ChildProcess[] = [];
  return {
    name,
    url,
    dataDir,
    children,
    async drop() {
      for (const c of children) c.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A development token for the bench tenant, signed with the keys the service made in `dataDir`. */
export async function benchToken(dataDir: string, scopes: string[] = ['check']): Promise<string> {
  const keys = await loadKeys(loadConfig({ DATA_DIR: dataDir }));
  return signAccessToken(
    keys.dev!,
    { tenant: 'bench', scopes },
    { issuer: 'sargas-dev', audience: 'sargas' },
  );
}

/** The corpus's messages as check requests, as the server benchmarks send them. */
export function checkRequests() {
  return loadCorpus().map((r) => ({
    direction: r.direction,
    text: r.text,
    channel: r.channel,
    agent: { id: 'agent-1' },
    customer: { id: 'fb:1' },
    thread: { id: r.id },
  }));
}

/** autocannon's run as a promise. */
export function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) =>
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

/** The corpus's messages as autocannon's requests to `path` (the check), with `token`. */
export function corpusRequests(token: string, path = '/v1/check') {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return checkRequests().map((b) => ({
    method: 'POST' as const,
    path,
    body: JSON.stringify(b),
    headers,
  }));
}
