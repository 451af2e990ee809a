import { inArray } from 'drizzle-orm';
import type { SigningKey } from '../auth/keys.ts';
import type { Clock } from '../clock.ts';
import type { DatabaseHandle, RawQuery } from '../db/client.ts';
import { auditEvents, type AuditEventRow } from '../db/schema/index.ts';
import { isLostInFlight, StoreUnavailable } from '../db/unavailable.ts';
import { DeadlineExceeded } from './append-errors.ts';
import {
  CAS_APPEND,
  CAS_APPEND_WITH_CHECKPOINT,
  columns,
  ENSURE_HEAD,
  FIND_KEYS,
  INSERT_AND_ADVANCE,
  INSERT_CHECKPOINT,
  LOCK_HEAD,
  READ_HEAD,
  READ_LEAVES,
} from './append-sql.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';
import { CompactRange, leafHash } from './merkle.ts';
import { CURRENT_HASH_VERSION } from './event-fields.ts';
import { storedForm } from './stored-form.ts';
import { readTreeHead, signTreeHead, type SignedTreeHead, type TreeHead } from './tree-head.ts';

export type { SignedTreeHead };

/** The seal of the batch an event was committed in: the first at or after it. */
const FIND_SEAL =
  'SELECT seal FROM audit_events WHERE tenant = $1 AND seq >= $2 AND seal IS NOT NULL ORDER BY seq LIMIT 1';
import type { Appended, EventDraft } from './draft.ts';

/** Where a tenant's chain and tree stand. */
interface Head {
  seq: number;
  hash: string;
  /** The tree's leaves are the events after this seq. */
  treeFrom: number;
  /** The tree's compact range at `seq`. */
  range: CompactRange;
}
type HeadRow = {
  seq: string | number;
  hash: string;
  tree_from: string | number;
  frontier: string;
  base_seq: string | number;
  base_frontier: string;
};

/** One draft's outcome: committed (or an earlier event replayed), or refused on its own. */
export type Outcome = Appended | { error: unknown };
type Sealed = Outcome | { replayOf: string };

/**
 * How long after a statement's own timeout the client stops waiting for the server's answer.
 * PostgreSQL cancels the statement at its timeout; an answer that has not come by then plus
 * this margin is lost with its connection, and the outcome is unknown (docs/audit.md).
 */
const ANSWER_GRACE_MS = 1000;

/**
 * Appends one tenant's batch to its hash chain, all or nothing. First optimistically: the
 * head moves only if it is still where this process last left it (compare-and-set, one
 * statement); when another replica moved it, the head is re-read and the batch re-sealed;
 * after a few lost races the head row is locked FOR UPDATE instead. Every attempt runs
 * under the batch's deadline (see DatabaseHandle.transaction).
 */
export class ChainAppender {
  /** Where this process last left each tenant's head (the optimistic append's expectation). */
  private heads = new Map<string, Head>();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly clock: Clock,
    /** Seals every batch with a signed tree head, and keeps one as a checkpoint every `every` events. */
    private readonly signing: { key: SigningKey; every: number } | undefined,
    private readonly onCheckpoint: (cp: SignedTreeHead) => void = () => {},
  ) {}

  /** Forgets a tenant's head (after a failure: the next append reads it again). */
  forget(tenant: string): void {
    this.heads.delete(tenant);
  }

  /** Appends `drafts` of `tenant` before `deadline` (performance.now() milliseconds). */
  async append(tenant: string, drafts: EventDraft[], deadline: number): Promise<Outcome[]> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const done = await this.within(deadline, async (query) => {
        const head = this.heads.get(tenant) ?? (await this.readHead(query, tenant));
        const now = this.clock.now();
        const sealed = this.seal(
          tenant,
          drafts,
          head,
          await this.existingKeys(query, tenant, drafts),
          now,
        );
        if (sealed.rows.length === 0) return { sealed, head: null, cp: null };
        const cp = this.checkpointFor(head.seq, sealed);
        const params = [
          ...this.advance(tenant, head, sealed, now),
          ...(cp ? [tenant, cp.seq, cp.hash, cp.createdAt, cp.jws, cp.root] : []),
        ];
        const [r] = await query<{ n: number | string }>(
          cp ? CAS_APPEND_WITH_CHECKPOINT : CAS_APPEND,
          params,
        );
        return Number(r?.n ?? 0) === sealed.rows.length ? { sealed, head: sealed.head, cp } : null;
      });
      if (done) return this.committed(tenant, done);
      this.heads.delete(tenant); // another replica appended first
    }
    return this.committed(
      tenant,
      await this.within(
        deadline,
        (query) => this.appendLocked(query, tenant, drafts),
        'transaction',
      ),
    );
  }

  /**
   * One event and an action of the same transaction (storing a review or a policy version
   * with the chain event that covers its content): both commit, or neither.
   */
  async appendWith(
    draft: EventDraft,
    deadline: number,
    action: (query: RawQuery, row: AuditEventRow) => Promise<void>,
  ): Promise<Outcome> {
    const [outcome] = await this.committed(
      draft.tenant,
      await this.within(
        deadline,
        (query) => this.appendLocked(query, draft.tenant, [draft], action),
        'transaction',
      ),
    );
    return outcome!;
  }

  private async committed(
    tenant: string,
    done: {
      sealed: ReturnType<ChainAppender['seal']>;
      head: Head | null;
      cp: SignedTreeHead | null;
    },
  ): Promise<Outcome[]> {
    if (done.head) this.heads.set(tenant, done.head);
    if (done.cp) this.onCheckpoint(done.cp);
    return this.withReplays(done.sealed.results);
  }

  /** The eight parameters after the batch's columns: the head's new place, where it was, the tree. */
  private advance(
    tenant: string,
    head: Head,
    sealed: ReturnType<ChainAppender['seal']>,
    now: Date,
  ): unknown[] {
    return [
      ...columns(sealed.rows),
      sealed.seq,
      sealed.hash,
      now.toISOString(),
      tenant,
      head.seq,
      head.hash,
      sealed.head.range.serialize(),
      String(head.treeFrom),
    ];
  }

  /** The head row locked FOR UPDATE, the batch inserted and the head moved in one transaction. */
  private async appendLocked(
    query: RawQuery,
    tenant: string,
    drafts: EventDraft[],
    action?: (query: RawQuery, row: AuditEventRow) => Promise<void>,
  ) {
    const now = this.clock.now();
    const [row] = await query<HeadRow>(LOCK_HEAD, [tenant, GENESIS_HASH, now.toISOString()]);
    if (!row) throw new Error('audit chain head not returned');
    const head = await this.headFrom(query, tenant, row);
    const sealed = this.seal(
      tenant,
      drafts,
      head,
      await this.existingKeys(query, tenant, drafts),
      now,
    );
    if (sealed.rows.length === 0) return { sealed, head, cp: null };
    await query(INSERT_AND_ADVANCE, this.advance(tenant, head, sealed, now));
    const cp = this.checkpointFor(head.seq, sealed);
    if (cp)
      await query(INSERT_CHECKPOINT, [tenant, cp.seq, cp.hash, cp.createdAt, cp.jws, cp.root]);
    if (action) await action(query, sealed.rows[0]!);
    return { sealed, head: sealed.head, cp };
  }

  /**
   * Runs `fn` (its statements each atomic on a connection of its own, or one transaction)
   * so that nothing of it outlives `deadline`. If it has not started by then (a connection
   * still busy, say), the caller is answered at once and it stops, when it starts, before
   * writing anything. Once started, on
   * PostgreSQL the server cancels its statements at the deadline (so nothing commits after
   * the caller was answered 503), and the client stops waiting a grace period later (the
   * connection was lost: the outcome is unknown). PGlite runs in-process and commits or not
   * within moments: its answer is awaited.
   */
  private within<T>(
    deadline: number,
    fn: (query: RawQuery) => Promise<T>,
    mode: 'statements' | 'transaction' = 'statements',
  ): Promise<T> {
    if (deadline <= performance.now()) return Promise.reject(new DeadlineExceeded());
    let started = false;
    let abandoned = false;
    const work = this.database[mode === 'transaction' ? 'transaction' : 'exclusive'](
      (query) => {
        if (abandoned || deadline <= performance.now()) throw new DeadlineExceeded();
        started = true;
        return fn(query);
      },
      { deadline },
    );
    return new Promise<T>((resolve, reject) => {
      let grace: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        if (!started) {
          abandoned = true;
          reject(new DeadlineExceeded());
        } else if (this.database.driver === 'postgres') {
          grace = setTimeout(
            () =>
              reject(
                new StoreUnavailable(
                  'no answer from the database: the outcome is unknown',
                  'outcome_unknown',
                ),
              ),
            ANSWER_GRACE_MS,
          );
        }
      }, deadline - performance.now());
      // lost with a statement in flight: it may have committed, and the caller must be told so
      const failed = (err: unknown) =>
        reject(
          started && isLostInFlight(err) && !(err instanceof StoreUnavailable)
            ? new StoreUnavailable(
                'the connection was lost with the append in flight: the outcome is unknown',
                'outcome_unknown',
              )
            : err,
        );
      work.then(resolve, failed).finally(() => {
        clearTimeout(timer);
        clearTimeout(grace);
      });
    });
  }

  /** The tenant's head as stored, creating it on first use. */
  private async readHead(query: RawQuery, tenant: string): Promise<Head> {
    await query(ENSURE_HEAD, [tenant, GENESIS_HASH, this.clock.now().toISOString()]);
    const [row] = await query<HeadRow>(READ_HEAD, [tenant]);
    if (!row) throw new Error('audit chain head missing');
    return this.headFrom(query, tenant, row);
  }

  /**
   * A head row as this process works with it. A chain written before the tree existed has no
   * compact range yet: it is built once from the stored event hashes (from the retention
   * boundary's, when a purge kept one; a chain purged before the tree existed starts its
   * tree at the boundary) and stored with the next append.
   */
  private async headFrom(query: RawQuery, tenant: string, row: HeadRow): Promise<Head> {
    const seq = Number(row.seq);
    let treeFrom = Number(row.tree_from);
    try {
      return {
        seq,
        hash: row.hash,
        treeFrom,
        range: CompactRange.parse(seq - treeFrom, row.frontier),
      };
    } catch {
      // not built yet
    }
    const base = Number(row.base_seq);
    let range = new CompactRange();
    if (base > treeFrom && row.base_frontier)
      range = CompactRange.parse(base - treeFrom, row.base_frontier);
    else if (base > treeFrom) treeFrom = base;
    for (const r of await query<{ hash: string }>(READ_LEAVES, [
      tenant,
      treeFrom + range.size,
      seq,
    ]))
      range.push(leafHash(r.hash));
    if (range.size !== seq - treeFrom)
      throw new Error('audit chain has gaps: its tree cannot be built');
    return { seq, hash: row.hash, treeFrom, range };
  }

  private async existingKeys(
    query: RawQuery,
    tenant: string,
    drafts: EventDraft[],
  ): Promise<Map<string, string>> {
    const keys = drafts.map((d) => d.idempotencyKey).filter((k): k is string => !!k);
    const existing = new Map<string, string>();
    if (keys.length > 0)
      for (const r of await query<{ id: string; idempotency_key: string }>(FIND_KEYS, [
        tenant,
        keys,
      ]))
        existing.set(r.idempotency_key, r.id);
    return existing;
  }

  /**
   * Gives each new event its place after `head`, hashed in the form the database will give
   * back (storedForm); a draft that could not be stored as it is fails alone, before the
   * database sees it. Retries of stored or same-batch keys point at the earlier event.
   */
  private seal(
    tenant: string,
    drafts: EventDraft[],
    head: Head,
    existing: Map<string, string>,
    now: Date,
  ) {
    let seq = head.seq;
    let hash = head.hash;
    const range = head.range.clone();
    const rows: AuditEventRow[] = [];
    const results: Sealed[] = [];
    const fresh = new Map<string, AuditEventRow>();
    for (const draft of drafts) {
      if (draft.tenant !== tenant) throw new Error('draft of another tenant');
      const key = draft.idempotencyKey;
      const earlier = key ? existing.get(key) : undefined;
      if (earlier) {
        results.push({ replayOf: earlier });
        continue;
      }
      const sameBatch = key ? fresh.get(key) : undefined;
      if (sameBatch) {
        results.push({ row: sameBatch, replayed: true });
        continue;
      }
      let stored: EventDraft;
      try {
        stored = storedForm(draft);
      } catch (error) {
        results.push({ error });
        continue;
      }
      seq += 1;
      // the hash covers what is stored but the seal, as the current hash version lists it;
      // storedForm's copy is the row (a copy of its 40 fields per step measured ~2% of a check)
      const row = Object.assign(stored, {
        seq,
        prevHash: hash,
        seal: null,
        hashVersion: CURRENT_HASH_VERSION,
        hash: '',
      }) as AuditEventRow;
      row.hash = eventHash(row);
      hash = row.hash;
      range.push(leafHash(hash));
      rows.push(row);
      if (key) fresh.set(key, row);
      results.push({ row, replayed: false });
    }
    // the batch's last event carries the signed tree head at it: every event of the batch
    // is under it (the chain), and an event added by anyone but the service is under none
    let treeHead: SignedTreeHead | null = null;
    const last = rows[rows.length - 1];
    if (last && this.signing) {
      const claim: TreeHead = {
        tenant,
        seq,
        hash,
        createdAt: now.toISOString(),
        root: range.root().toString('hex'),
        treeSize: range.size,
      };
      treeHead = { ...claim, jws: signTreeHead(this.signing.key, claim) };
      last.seal = treeHead.jws;
    }
    if (treeHead) for (const r of results) if ('row' in r) r.treeHead = treeHead;
    return {
      rows,
      results,
      seq,
      hash,
      treeHead,
      head: { seq, hash, treeFrom: head.treeFrom, range },
    };
  }

  /** The batch's tree head, kept as a checkpoint when the chain passes a multiple of `every`; else null. */
  private checkpointFor(
    from: number,
    sealed: ReturnType<ChainAppender['seal']>,
  ): SignedTreeHead | null {
    const every = this.signing?.every;
    if (!every || !sealed.treeHead || Math.floor(sealed.seq / every) <= Math.floor(from / every))
      return null;
    return sealed.treeHead;
  }

  /** Earlier events returned for retried keys are committed and immutable: read them whole. */
  private async withReplays(results: Sealed[]): Promise<Outcome[]> {
    const ids = results.flatMap((r) => ('replayOf' in r ? [r.replayOf] : []));
    if (ids.length === 0) return results as Outcome[];
    const rows = await this.database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.id, [...new Set(ids)]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    // a retry learns the tree head of the batch its event was committed in, as the first answer did
    const heads = new Map<string, SignedTreeHead>();
    for (const row of rows) {
      const [sealed] = await this.database.query<{ seal: string }>(FIND_SEAL, [
        row.tenant,
        row.seq,
      ]);
      // read back from the database, so checked: the service signs nothing it did not sign before
      const claim =
        sealed && this.signing ? readTreeHead(sealed.seal, [this.signing.key.publicJwk]) : null;
      if (claim && claim.tenant === row.tenant && claim.seq >= row.seq)
        heads.set(row.id, {
          tenant: claim.tenant,
          seq: claim.seq,
          hash: claim.hash,
          createdAt: claim.createdAt,
          root: claim.root,
          treeSize: claim.treeSize,
          jws: sealed!.seal,
        });
    }
    return results.map((r) =>
      'replayOf' in r
        ? {
            row: byId.get(r.replayOf) as AuditEventRow,
            replayed: true,
            treeHead: heads.get(r.replayOf),
          }
        : r,
    );
  }
}
