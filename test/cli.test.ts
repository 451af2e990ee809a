import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './support/temp-dirs.ts';

const tempDir = useTempDirs();

const BIN = fileURLToPath(new URL('../bin/sargas.js', import.meta.url));

function run(args: string[], input: string) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return {
    status: res.status,
    lines: res.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    stderr: res.stderr,
  };
}

describe('sargas command line', () => {
  it('scan: JSON Lines in, findings out, same shape as the API', () => {
    const out = run(
      ['scan'],
      `${JSON.stringify({ id: 'a', text: 'mój PIN to 4821' })}\n${JSON.stringify({ id: 'b', text: 'Dzień dobry' })}\n`,
    );
    expect(out.status).toBe(0);
    expect(out.lines).toEqual([
      {
        id: 'a',
        locale: 'pl',
        findings: [
          {
            kind: 'pin',
            start: 11,
            end: 15,
            confidence: expect.any(Number),
            masked: '****',
            evidence: ['context:pin'],
          },
        ],
      },
      { id: 'b', locale: 'pl', findings: [] },
    ]);
  });

  it('check: decisions with the default policy', () => {
    const out = run(
      ['check'],
      `${JSON.stringify({ id: 1, text: 'Please send us your PIN via DM.', direction: 'outbound', channel: { visibility: 'private' } })}\n`,
    );
    expect(out.lines[0]).toMatchObject({
      id: 1,
      decision: 'block',
      violations: [{ rule: 'secret-request' }],
    });
  });

  it('answers a bad line with an error line, goes on, and exits 1', () => {
    const out = run(
      ['scan', '--locale', 'en'],
      `not json\n${JSON.stringify({ id: 'x' })}\n${JSON.stringify({ id: 'ok', text: 'hello' })}\n`,
    );
    expect(out.status).toBe(1);
    expect(out.lines[0]).toMatchObject({ line: 1, error: { code: 'invalid_request' } });
    expect(out.lines[1]).toMatchObject({ id: 'x', error: { code: 'invalid_request' } });
    expect(out.lines[2]).toMatchObject({ id: 'ok', findings: [] });
  });

  it('refuses unknown options', () => {
    expect(run(['scan', '--locale', 'de'], '').status).toBe(2);
    expect(run(['frobnicate'], '').status).toBe(2);
  });
});

describe('sargas command line over files', () => {
  const dir = tempDir('sargas-cli-');
  const file = (name: string, rows: unknown[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    return path;
  };
  const plain = (args: string[], input = '') =>
    spawnSync(process.execPath, [BIN, ...args], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  const phone = {
    id: 'p',
    text: 'Zadzwoń do nas: 600 700 800',
    direction: 'outbound',
    channel: { visibility: 'public' },
  };

  it('reads the files given, in order, and "-" as standard input', () => {
    const a = file('a.jsonl', [{ id: 'a1', text: 'mój PIN to 4821' }]);
    const b = file('b.jsonl', [
      { id: 'b1', text: 'IBAN LT12 1000 0111 0100 1000' },
      { id: 'b2', text: 'hej' },
    ]);
    const out = plain(['scan', a, b]);
    expect(out.status).toBe(0);
    expect(
      out.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['a1', 'b1', 'b2']);
    expect(out.stderr).toContain('sargas scan: 3 lines');
    expect(out.stderr).toMatch(/findings by kind: .*pin 1/);
    const stdin = plain(['scan', '-'], `${JSON.stringify({ id: 's', text: 'hej' })}\n`);
    expect(JSON.parse(stdin.stdout).id).toBe('s');
  });

  it('decides by a policy file, and validates one', () => {
    const rows = file('phone.jsonl', [phone]);
    expect(JSON.parse(plain(['check', rows]).stdout).decision).toBe('block');
    const policy = join(dir, 'policy.json');
    writeFileSync(
      policy,
      JSON.stringify({ allowList: { phones: ['600 700 800'] }, defaultRegion: 'PL' }),
    );
    const allowed = JSON.parse(plain(['check', '--policy', policy, rows]).stdout);
    expect(allowed.decision).toBe('allow');
    expect(allowed.findings[0]).toMatchObject({ kind: 'phone' });
    expect(plain(['policy', 'validate', policy])).toMatchObject({ status: 0 });
    // a tenant's own kind, as the service would find it
    const loans = join(dir, 'loans.json');
    writeFileSync(
      loans,
      JSON.stringify({
        customKinds: [
          { name: 'loan_contract', class: 'ACCOUNT', patterns: ['KR/[0-9]{4}/[0-9]{6}'] },
        ],
      }),
    );
    const loan = file('loan.jsonl', [
      { ...phone, id: 'l', text: 'Umowa KR/2024/123456 jest aktywna.' },
    ]);
    const custom = JSON.parse(plain(['check', '--policy', loans, loan]).stdout);
    expect(custom.findings.map((f: { kind: string }) => f.kind)).toEqual(['loan_contract']);
    expect(custom.decision).toBe('block');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ mode: 'sometimes', allowList: { phones: ['not a phone'] } }),
    );
    const invalid = plain(['policy', 'validate', bad]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('mode:');
    const refused = plain(['check', '--policy', bad, rows]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('--policy');
  });

  it('writes a table for people and SARIF for code scanning, never the values', () => {
    const rows = file('mixed.jsonl', [phone, { ...phone, id: 'q', text: 'Dziękujemy!' }]);
    const table = plain(['check', '--format', 'table', rows]);
    expect(table.stdout.split('\n')[0]).toMatch(/^LINE\s+ID\s+DECISION\s+KINDS\s+MASKED/);
    expect(table.stdout).toMatch(/mixed\.jsonl:1\s+p\s+block\s+phone/);
    expect(table.stdout).not.toContain('600 700 800');
    const sarif = JSON.parse(plain(['check', '--format', 'sarif', rows]).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].results[0]).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { region: { startLine: 1 } } }],
    });
    expect(JSON.stringify(sarif)).not.toContain('600 700 800');
  });

  it('shows progress on standard error when asked, and exits 3 at --fail-on', () => {
    const many = file(
      'many.jsonl',
      Array.from({ length: 3000 }, (_, i) => ({ ...phone, id: i })),
    );
    const out = plain(['check', '--progress', '--fail-on', 'block', many]);
    expect(out.status).toBe(3);
    expect(out.stderr).toMatch(/100% \| 3000 lines/);
    expect(out.stderr).toMatch(/decisions: block 3000/);
    expect(out.stdout.trim().split('\n')).toHaveLength(3000);
  });

  it('answers bad usage in one line and exit 2, and --help per command', () => {
    for (const args of [
      ['scan', '--frobnicate'],
      ['scan', '--format', 'xml'],
      ['scan', join(dir, 'missing.jsonl')],
      ['scan', '--fail-on', 'block'],
      ['nonsense'],
    ]) {
      const out = plain(args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    for (const command of ['scan', 'check', 'policy']) {
      const help = plain([command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`usage: sargas ${command}`);
    }
  });
});

describe('npm run token', () => {
  const token = (args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../src/cli/token.ts', import.meta.url)), ...args],
      {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, DATA_DIR: tempDir('sargas-token-') },
      },
    );

  it('answers --help with its usage, and an unknown option with its name and the usage, no stack trace', () => {
    const help = token(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: npm run token');
    const wrong = token(['--tenat', 'demo']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Unknown option '--tenat'");
    expect(wrong.stderr).toContain('usage: npm run token');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  });
});
