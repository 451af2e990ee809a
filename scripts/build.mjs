// npm run build: compiles src/ to JavaScript in dist/ (tsc, .ts imports rewritten to .js)
// and copies the console's static files beside their module, which reads them at start.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
for (const name of readdirSync(join(root, 'src/console')))
  if (!name.endsWith('.ts')) cpSync(join(root, 'src/console', name), join(dist, 'console', name));
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
