import type { Caller } from '../auth/access-token.ts';
import { toDraft } from '../audit/events.ts';
import type { SinkDeliverer } from '../audit/sinks/deliverer.ts';
import { lockedCursor, Outbox, setCursor } from '../audit/sinks/outbox.ts';
import type { Appended, AuditWriter } from '../audit/writer.ts';
import type { Clock } from '../clock.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { DomainError } from '../errors.ts';
import { auditUnavailable } from './audit-failure.ts';

/** What the sinks' administration needs from the running service. */
export interface SinkAdminDeps {
  database: DatabaseHandle;
  writer: AuditWriter;
  clock: Clock;
  sinks: readonly SinkDeliverer[];
}

/** One configured sink as an operator sees it, for the caller's tenant. */
export interface SinkStatus {
  name: string;
  kind: 'webhook' | 'directory';
  origin: string | null;
  cursor: number;
  head: number;
  lagEvents: number;
  lagSeconds: number;
  failures: { count: number; lastAt: string | null };
  refusals: Array<{ status: number; count: number }>;
}

/**
 * Each configured sink: where it stands in the caller's tenant's chain (from the database,
 * so true whichever replica delivers) and its failures (this replica's deliverer: the one
 * that holds the sink's lease has them).
 */
export async function sinkStatus(deps: SinkAdminDeps, tenant: string): Promise<SinkStatus[]> {
  const now = deps.clock.now().getTime();
  return Promise.all(
    deps.sinks.map(async ({ sink, stats }) => {
      const at = await new Outbox(deps.database, sink.name).position(tenant);
      return {
        name: sink.name,
        kind: sink.kind,
        origin: sink.origin,
        cursor: at.cursor,
        head: at.head,
        lagEvents: at.lagEvents,
        lagSeconds: at.oldest ? Math.max(0, (now - at.oldest.getTime()) / 1000) : 0,
        failures: {
          count: stats.failures,
          lastAt: stats.lastFailureAt === null ? null : new Date(stats.lastFailureAt).toISOString(),
        },
        refusals: [...stats.refusals].map(([status, count]) => ({ status, count })),
      };
    }),
  );
}

/** The cursor moved while the replay was being recorded: read it again. */
class CursorMoved extends Error {}

/**
 * Moves the caller's tenant's cursor for the sink back to `after`, in one transaction with
 * the `sink_replay` event recording it: the sink gets every event after `after` again (at
 * least once, as always; receivers de-duplicate by id). Never forward: past the last seq
 * delivered would skip events.
 */
export async function replaySink(
  deps: SinkAdminDeps,
  caller: Caller,
  name: string,
  after: number,
): Promise<{ appended: Appended; previousCursor: number }> {
  const deliverer = deps.sinks.find((d) => d.sink.name === name);
  if (!deliverer) throw new DomainError('not_found', 'No such sink.');
  const tenant = caller.tenant;
  // the deliverer may advance the cursor between the read and the transaction: the event
  // records the cursor as the transaction found it, so a moved one is read again
  for (let attempt = 0; ; attempt++) {
    const { cursor } = await new Outbox(deps.database, name).position(tenant);
    if (after > cursor)
      throw new DomainError(
        'invalid_request',
        `after: must be at most ${cursor}, the last seq this sink acknowledged.`,
        [{ field: 'after', message: `must be at most ${cursor}, the last seq delivered` }],
      );
    const draft = toDraft(tenant, deps.clock.now(), {
      type: 'sink_replay',
      actor: { kind: 'person', id: caller.subject },
      details: { sink: name, after, previousCursor: cursor },
    });
    try {
      const appended = await deps.writer.appendWith(draft, async (q) => {
        if ((await lockedCursor(q, name, tenant)) !== cursor) throw new CursorMoved();
        await setCursor(q, name, tenant, after);
      });
      return { appended, previousCursor: cursor };
    } catch (err) {
      if (err instanceof CursorMoved) {
        if (attempt < 4) continue;
        // the deliverer kept moving it: a conflict to retry, not an outage
        throw new DomainError(
          'conflict',
          'The sink kept delivering while the replay was recorded; try again.',
        );
      }
      throw auditUnavailable(err, 'this change');
    }
  }
}
