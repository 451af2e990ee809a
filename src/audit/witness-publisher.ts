import type { JWK } from 'jose';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/client.ts';
import { checkpointRow, type RawCheckpointRow } from './checkpoint.ts';
import { readTreeHead } from './tree-head.ts';
import type { Witness, WitnessRecord } from './witness.ts';

const MAX_PENDING = 10_000;

/** Tenants whose head is past their newest checkpoint, with the seal of the head's event. */
const UNCHECKPOINTED = `SELECT h.tenant, e.seq, e.hash, e.seal FROM audit_chain_heads h
  JOIN audit_events e ON e.tenant = h.tenant AND e.seq = h.seq
  WHERE e.seal IS NOT NULL AND h.seq > COALESCE((SELECT max(c.seq) FROM audit_checkpoints c WHERE c.tenant = h.tenant), 0)`;
const LATEST = `SELECT DISTINCT ON (tenant) tenant, seq, hash, root, created_at, jws FROM audit_checkpoints ORDER BY tenant, seq DESC`;
const PROMOTE = `INSERT INTO audit_checkpoints (tenant, seq, hash, created_at, jws, root) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`;

/**
 * Delivers checkpoints to the witnesses outside the database, each in order, with retries
 * (doubling from 250 ms to 30 s) while one is unreachable: a check never waits for them. At
 * most MAX_PENDING wait per witness; past that the oldest go (every later checkpoint covers
 * them: the newest is what matters). `sweep` keeps a tenant's newest batch seal as a
 * checkpoint when the head moved since its last one, so the witnesses are at most one
 * sweep interval behind, however few events a tenant has.
 */
export class WitnessPublisher {
  private readonly queues = new Map<
    Witness,
    { pending: WitnessRecord[]; attempt: number; timer: NodeJS.Timeout | null; sending: boolean }
  >();
  readonly stats = { delivered: 0, failures: 0, dropped: 0 };

  constructor(
    readonly witnesses: readonly Witness[],
    private readonly logger: Logger,
  ) {
    for (const w of witnesses)
      this.queues.set(w, { pending: [], attempt: 0, timer: null, sending: false });
  }

  /** Checkpoints waiting for a witness. */
  get pending(): number {
    return Math.max(0, ...[...this.queues.values()].map((q) => q.pending.length));
  }

  publish(record: WitnessRecord): void {
    for (const [w, q] of this.queues) {
      q.pending.push(record);
      if (q.pending.length > MAX_PENDING) {
        q.pending.shift();
        this.stats.dropped++;
      }
      if (!q.timer && !q.sending) this.schedule(w, 0);
    }
  }

  private schedule(w: Witness, ms: number): void {
    const q = this.queues.get(w)!;
    q.timer = setTimeout(() => {
      q.timer = null;
      void this.flush(w);
    }, ms);
    q.timer.unref();
  }

  private async flush(w: Witness): Promise<void> {
    const q = this.queues.get(w)!;
    if (q.sending || q.pending.length === 0) return;
    q.sending = true;
    const batch = q.pending.slice(0, 100);
    try {
      await w.publish(batch);
      q.pending.splice(0, batch.length);
      q.attempt = 0;
      this.stats.delivered += batch.length;
    } catch (err) {
      q.attempt++;
      this.stats.failures++;
      this.logger.warn(
        { witness: w.name, waiting: q.pending.length, err: { type: (err as Error).name } },
        'witness unreachable: checkpoints kept for a retry',
      );
    } finally {
      q.sending = false;
    }
    if (q.pending.length > 0)
      this.schedule(w, q.attempt === 0 ? 0 : Math.min(30_000, 250 * 2 ** (q.attempt - 1)));
  }

  /** Keeps each moved tenant's newest seal as a checkpoint and delivers it (a timer in main.ts). */
  async sweep(database: DatabaseHandle, keys: readonly JWK[]): Promise<number> {
    let promoted = 0;
    for (const r of await database.query<{
      tenant: string;
      seq: string | number;
      hash: string;
      seal: string;
    }>(UNCHECKPOINTED)) {
      const head = readTreeHead(r.seal, keys);
      if (!head || head.tenant !== r.tenant || head.seq !== Number(r.seq) || head.hash !== r.hash)
        continue; // verify names it
      const inserted = await database.query(PROMOTE, [
        head.tenant,
        head.seq,
        head.hash,
        head.createdAt,
        r.seal,
        head.root ?? null,
      ]);
      if (inserted.length > 0) {
        this.publish({ ...head, jws: r.seal });
        promoted++;
      }
    }
    return promoted;
  }

  /** At start: every tenant's newest checkpoint again, in case the last run stopped before delivering it. */
  async catchUp(database: DatabaseHandle): Promise<void> {
    for (const cp of (await database.query<RawCheckpointRow>(LATEST)).map(checkpointRow))
      this.publish({ ...cp, root: cp.root ?? undefined, createdAt: cp.createdAt.toISOString() });
  }

  /** Waits (up to `ms`) for what is waiting to be delivered (shutdown). */
  async drain(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (this.pending > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  }
}
