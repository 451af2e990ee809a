import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/** Where PostgreSQL's server binaries are (initdb, pg_ctl), or null when this machine has none. */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const version of readdirSync(root).sort().reverse()) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

const USER = 'sargas-test-pg';

/** initdb refuses to run as root: as root, the cluster belongs to an unprivileged user of its own (created once). */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  if (spawnSync('id', ['-u', USER]).status !== 0)
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
  return {
    uid: Number(execFileSync('id', ['-u', USER]).toString()),
    gid: Number(execFileSync('id', ['-g', USER]).toString()),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL cluster of a test's own, on a port of its own, that the test may stop, kill and remove. */
export interface TestCluster {
  url: string;
  port: number;
  /** pg_ctl stop -m fast: backends are told to terminate, then the server exits. */
  stop(): void;
  /** SIGKILL to the postmaster and every backend at once, as a crash would leave it. */
  kill(): Promise<void>;
  /** pg_ctl start, waiting until it accepts connections (after a kill: crash recovery first). */
  start(): void;
  remove(): void;
}

/** Creates and starts a cluster in a temporary directory, with a database `test`, trust authentication on 127.0.0.1. */
export async function startTestCluster(bin: string): Promise<TestCluster> {
  const owner = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'sargas-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const opts: SpawnSyncOptions = { cwd: dir, stdio: 'pipe', timeout: 60_000, ...(owner ?? {}) };
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(join(bin, cmd), args, opts);
    if (r.status !== 0)
      throw new Error(`${cmd} failed (${r.status}): ${String(r.stderr)}${String(r.stdout)}`);
  };
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const serverOptions = `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c max_connections=40`;
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-o',
      serverOptions,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  start();
  const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, {
    max: 1,
    onnotice: () => {},
  });
  await admin.unsafe('CREATE DATABASE test');
  await admin.end();
  const pids = () => {
    const main = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(main)])
      .stdout.toString()
      .split('\n')
      .filter(Boolean)
      .map(Number);
    return [main, ...children];
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/test`,
    port,
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    async kill() {
      const all = pids();
      for (const pid of all) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      // until every process is gone (a new postmaster refuses to start beside old backends)
      for (let i = 0; i < 200 && all.some((pid) => existsSync(`/proc/${pid}`)); i++)
        await new Promise((r) => setTimeout(r, 25));
    },
    start,
    remove() {
      spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], opts);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
