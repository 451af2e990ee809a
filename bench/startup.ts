import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// npm run bench:startup: time to listening and resident memory after start, the service
// run through tsx (compiling TypeScript at start) and from its build (node dist/main.js),
// side by side, each started five times on a fresh embedded database. Run `npm run build` first.
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function once(args: string[]): Promise<{ ms: number; rssMb: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sargas-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve(performance.now() - started);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  await new Promise((r) => setTimeout(r, 500));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
  return { ms, rssMb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: Record<string, Array<{ ms: number; rssMb: number }>> = { tsx: [], build: [] };
for (let i = 0; i < 5; i++) {
  runs.tsx!.push(await once(['--import', 'tsx', 'src/main.ts']));
  runs.build!.push(await once(['dist/main.js']));
}
for (const [name, r] of Object.entries(runs))
  console.log(
    `${name.padEnd(6)} start to listening: median ${median(r.map((x) => x.ms)).toFixed(0)} ms; RSS after start: median ${median(r.map((x) => x.rssMb)).toFixed(1)} MB`,
  );
