// npm start: the service from its JavaScript build (dist/), built first when dist/ is
// missing or older than a source file, so `npm install && npm start` works on a fresh clone.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const path = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

// what the build reads: the sources, its configuration and its script
const inputs = () =>
  Math.max(
    newest(join(root, 'src')),
    ...['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'package.json'].map(
      (f) => statSync(join(root, f)).mtimeMs,
    ),
  );
// without the sources (a container image holds the build only) dist/ is what there is
const hasSources = existsSync(join(root, 'src'));
if (hasSources && (!existsSync(stamp) || statSync(stamp).mtimeMs < inputs())) {
  console.error('Building the service (dist/)…');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
}
await import(pathToFileURL(join(root, 'dist', 'main.js')).href);
