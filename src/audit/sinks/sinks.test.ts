import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectorySink } from './directory-sink.ts';
import { retryAfterMs } from './sink.ts';
import { webhookSignature } from './webhook-sink.ts';

const dir = mkdtempSync(join(tmpdir(), 'sargas-dir-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the directory sink', () => {
  it('starts a new file when the current one is older than maxSeconds, and keeps every line', async () => {
    let now = 1_000_000;
    const sink = new DirectorySink(
      join(dir, 'by-time'),
      { maxBytes: 1024 * 1024, maxSeconds: 60 },
      'directory',
      () => now,
    );
    await sink.deliver('{"n":1}\n');
    now += 59_000;
    await sink.deliver('{"n":2}\n');
    now += 1000;
    await sink.deliver('{"n":3}\n');
    await sink.close();
    const files = readdirSync(join(dir, 'by-time')).sort();
    expect(files).toHaveLength(2);
    expect(files.map((f) => readFileSync(join(dir, 'by-time', f), 'utf8'))).toEqual([
      '{"n":1}\n{"n":2}\n',
      '{"n":3}\n',
    ]);
  });

  it('starts a new file before one would pass maxBytes, but never leaves a batch out', async () => {
    const sink = new DirectorySink(join(dir, 'by-size'), { maxBytes: 20, maxSeconds: 3600 });
    const line = '{"n":"0123456789"}\n'; // 19 bytes
    await sink.deliver(line);
    await sink.deliver(line);
    await sink.deliver(line + line); // larger than maxBytes on its own: a file of its own
    await sink.close();
    const files = readdirSync(join(dir, 'by-size'));
    expect(files).toHaveLength(3);
    expect(files.map((f) => readFileSync(join(dir, 'by-size', f), 'utf8').length).sort()).toEqual([
      19, 19, 38,
    ]);
  });
});

describe('the webhook signature and Retry-After', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256', () => {
    const expected = createHmac('sha256', 'k').update('1700000000.{"a":1}\n').digest('hex');
    expect(webhookSignature('k', 1_700_000_000, '{"a":1}\n')).toBe(`t=1700000000,v1=${expected}`);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2026, 11, 1, 12, 0, 0);
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Tue, 01 Dec 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
