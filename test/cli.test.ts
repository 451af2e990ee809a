import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
