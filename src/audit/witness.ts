import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request, type Dispatcher } from 'undici';

/** A checkpoint as witnesses receive it: the signed tree head and its fields, for reading without decoding. */
export interface WitnessRecord {
  tenant: string;
  seq: number;
  hash: string;
  root?: string | undefined;
  treeSize?: number | undefined;
  createdAt: string;
  jws: string;
}

/** Somewhere outside the database that keeps the checkpoints it is given. */
export interface Witness {
  readonly name: string;
  publish(records: readonly WitnessRecord[]): Promise<void>;
  /** Every checkpoint it holds for a tenant (their JWS, by seq), when they can be read back. */
  checkpoints?(tenant: string): Promise<string[]>;
}

/** A tenant's file name: readable, and safe whatever the tenant is called. */
function fileFor(tenant: string): string {
  const slug = tenant.replace(/[^\w.-]/g, '_').slice(0, 40);
  return `${slug}-${createHash('sha256').update(tenant).digest('hex').slice(0, 16)}.jsonl`;
}

/**
 * A directory of append-only files, one per tenant, one checkpoint a line, each written
 * with O_APPEND and fsync'd before it counts as delivered. Make it append-only for the
 * service's user on the file system (chattr +a, or a volume only it appends to), and keep
 * it off the database's host: its point is to outlive whoever controls the database.
 */
export class DirectoryWitness implements Witness {
  readonly name = 'directory';

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  async publish(records: readonly WitnessRecord[]): Promise<void> {
    const byFile = new Map<string, string>();
    for (const r of records)
      byFile.set(fileFor(r.tenant), `${byFile.get(fileFor(r.tenant)) ?? ''}${JSON.stringify(r)}\n`);
    for (const [file, lines] of byFile) {
      const handle = await open(join(this.dir, file), 'a', 0o640);
      try {
        await handle.appendFile(lines);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }

  /**
   * Every checkpoint witnessed for the tenant, by seq, each once (a checkpoint is delivered
   * again on start): verify holds the log against all of them, since a truncated log that the
   * service appended past again gets a newest checkpoint of the new history.
   */
  async checkpoints(tenant: string): Promise<string[]> {
    let text: string;
    try {
      text = await readFile(join(this.dir, fileFor(tenant)), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []; // nothing witnessed yet
      throw err;
    }
    const found: WitnessRecord[] = [];
    const seen = new Set<string>();
    for (const line of text.split('\n')) {
      try {
        const r = JSON.parse(line) as WitnessRecord;
        if (
          r.tenant === tenant &&
          typeof r.jws === 'string' &&
          Number.isSafeInteger(r.seq) &&
          !seen.has(r.jws)
        ) {
          seen.add(r.jws);
          found.push(r);
        }
      } catch {
        // a torn last line
      }
    }
    return found.sort((a, b) => a.seq - b.seq).map((r) => r.jws);
  }

  /** The newest checkpoint witnessed for the tenant, or null. */
  async latest(tenant: string): Promise<string | null> {
    return (await this.checkpoints(tenant)).at(-1) ?? null;
  }
}

/** An HTTPS endpoint that receives each batch of checkpoints as JSON `{ "checkpoints": [...] }` and answers 2xx once it keeps them. */
export class HttpsWitness implements Witness {
  readonly name = 'https';

  constructor(
    private readonly url: string,
    private readonly options: { timeoutMs?: number; dispatcher?: Dispatcher } = {},
  ) {}

  async publish(records: readonly WitnessRecord[]): Promise<void> {
    const res = await request(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ checkpoints: records }),
      headersTimeout: this.options.timeoutMs ?? 5000,
      bodyTimeout: this.options.timeoutMs ?? 5000,
      ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
    });
    await res.body.dump();
    if (res.statusCode < 200 || res.statusCode >= 300)
      throw new Error(`witness answered ${res.statusCode}`);
  }
}
