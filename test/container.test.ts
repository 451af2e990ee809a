import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Docker is not on this machine: the Dockerfile is held to the rules hadolint and the Docker
// documentation give (the VS Code Docker language service's validator, dockerfile-utils,
// plus the rules below), and compose.yaml to the deployment docs/audit.md describes.
const ROOT = new URL('..', import.meta.url);
const text = readFileSync(new URL('Dockerfile', ROOT), 'utf8');
const dockerfile = DockerfileParser.parse(text);
const instructions = dockerfile.getInstructions();
const stages = dockerfile.getFROMs();
const final = instructions.slice(instructions.indexOf(stages.at(-1)!));
const args = (keyword: string, list = instructions) =>
  list.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? '');

describe('the Dockerfile', () => {
  it('has no problem the Docker language service finds', () => {
    expect(validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds in stages from a pinned base image, dependencies from the lock file', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const from of stages) expect(from.getImageTag()).toMatch(/^\d+\.\d+/); // DL3006, DL3007
    expect(args('COPY').some((a) => a.includes('package-lock.json'))).toBe(true);
    expect(args('RUN').some((a) => /\bnpm ci\b/.test(a))).toBe(true);
    expect(args('RUN').some((a) => /\bnpm install\b/.test(a))).toBe(false); // DL3016
    expect(args('ADD')).toEqual([]); // DL3020: COPY, never ADD
    expect(args('RUN').some((a) => /\bsudo\b|curl .*\| *sh/.test(a))).toBe(false); // DL3004
    expect(args('WORKDIR').every((w) => w.startsWith('/'))).toBe(true); // DL3000
  });

  it('runs as a non-root user, with a health check, in exec form', () => {
    const user = args('USER', final).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/); // DL3002
    expect(args('HEALTHCHECK', final)).toHaveLength(1);
    expect(args('HEALTHCHECK', final)[0]).toContain('/readyz');
    expect(args('CMD', final).at(-1)).toMatch(/^\[/); // exec form: signals reach node
    expect(args('CMD', final).at(-1)).toContain('dist/main.js');
    // the final image carries the build, not the sources or the dev tools
    expect(args('COPY', final).some((a) => /^src\b|\bsrc\s/.test(a))).toBe(false);
    expect(args('RUN').some((a) => /npm prune --omit=dev/.test(a))).toBe(true);
  });

  it('leaves local state out of the build context', () => {
    const ignored = readFileSync(new URL('.dockerignore', ROOT), 'utf8').split('\n');
    for (const path of ['node_modules', '.data', 'dist', '.git']) expect(ignored).toContain(path);
  });
});

describe('compose.yaml', () => {
  const compose = parse(readFileSync(new URL('compose.yaml', ROOT), 'utf8'));
  const env = (service: string) => compose.services[service].environment as Record<string, string>;

  it('migrates as the owner, once, before the service starts', () => {
    expect(compose.services.migrate.command).toEqual(['node', 'dist/db/migrate.js']);
    expect(env('migrate').DATABASE_URL).toMatch(/^postgres:\/\/sargas_owner:/);
    expect(compose.services.migrate.depends_on.postgres.condition).toBe('service_healthy');
    expect(compose.services.sargas.depends_on.migrate.condition).toBe(
      'service_completed_successfully',
    );
  });

  it('runs the service as a login granted only the append-only role', () => {
    expect(env('sargas').DATABASE_URL).toMatch(/^postgres:\/\/sargas_app:/);
    expect(env('sargas').MIGRATE_ON_START).toBe('false');
    const init = readFileSync(new URL('deploy/initdb/01-roles.sh', ROOT), 'utf8');
    expect(init).toContain("CREATE ROLE sargas_app LOGIN PASSWORD :'pw'");
    // the password as a psql variable, never pasted into the SQL text
    expect(init).not.toMatch(/PASSWORD '\$/);
    expect(JSON.stringify(compose)).not.toMatch(/:-[^}]*}/); // no default passwords
    expect(init).toContain('GRANT sargas_writer TO sargas_app');
    expect(init).not.toMatch(/GRANT (ALL|sargas_owner)/i);
  });
});
