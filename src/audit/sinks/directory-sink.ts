import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sink } from './sink.ts';

/**
 * A directory of NDJSON files for a log shipper (Filebeat, Fluent Bit, Vector) to tail:
 * batches are appended to the current file and fsync'd before the delivery counts (so the
 * cursor never moves past what is on disk); a file is closed and a new one started when it
 * would pass `maxBytes` or is older than `maxSeconds`. Names sort by time of creation:
 * `sargas-<UTC time>-<random>.ndjson`. A process starts a file of its own, so a line cut by
 * a crash is never continued by another writer.
 */
export class DirectorySink implements Sink {
  readonly kind = 'directory';
  readonly origin = null;
  private current: { handle: FileHandle; path: string; size: number; opened: number } | null = null;
  /** Files this process started (tests, the logs). */
  readonly files: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly options: { maxBytes: number; maxSeconds: number },
    readonly name = 'directory',
    /** Milliseconds since the epoch (tests give their own). */
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  async deliver(body: string): Promise<void> {
    const bytes = Buffer.byteLength(body);
    const c = this.current;
    if (
      c &&
      ((c.size > 0 && c.size + bytes > this.options.maxBytes) ||
        this.now() - c.opened >= this.options.maxSeconds * 1000)
    )
      await this.rotate();
    const file = this.current ?? (await this.start());
    await file.handle.appendFile(body);
    await file.handle.sync();
    file.size += bytes;
  }

  private async start() {
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    const path = join(this.dir, `sargas-${stamp}-${randomBytes(4).toString('hex')}.ndjson`);
    const handle = await open(path, 'a', 0o640);
    // the new name must survive a crash too
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    this.current = { handle, path, size: 0, opened: this.now() };
    this.files.push(path);
    return this.current;
  }

  private async rotate(): Promise<void> {
    const c = this.current;
    this.current = null;
    await c?.handle.close();
  }

  async close(): Promise<void> {
    await this.rotate();
  }
}
