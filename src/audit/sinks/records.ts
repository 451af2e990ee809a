import type { AuditEventRow } from '../../db/schema/index.ts';
import { publicEvent } from '../query.ts';
import type { CheckpointRow } from './outbox.ts';

/**
 * One line of what the sinks receive (JSON Lines): an event in the public shape of
 * GET /v1/audit/events with its tenant (and, on a batch's last event, its seal: the signed
 * tree head), or a stored checkpoint. De-duplicate events by `id` (or tenant and seq),
 * checkpoints by tenant and seq.
 */
export type SinkRecord =
  | ({ record: 'event'; tenant: string; seal?: string } & Record<string, unknown>)
  | {
      record: 'checkpoint';
      tenant: string;
      seq: number;
      hash: string;
      root: string | null;
      createdAt: string;
      jws: string;
    };

export function eventRecord(row: AuditEventRow): SinkRecord {
  return {
    record: 'event',
    tenant: row.tenant,
    ...publicEvent(row),
    ...(row.seal ? { seal: row.seal } : {}),
  };
}

export function checkpointRecord(cp: CheckpointRow): SinkRecord {
  return {
    record: 'checkpoint',
    tenant: cp.tenant,
    seq: cp.seq,
    hash: cp.hash,
    root: cp.root,
    createdAt: cp.createdAt.toISOString(),
    jws: cp.jws,
  };
}

/** A tenant's events with each checkpoint right after the event it covers. */
export function interleave(events: AuditEventRow[], checkpoints: CheckpointRow[]): SinkRecord[] {
  const bySeq = new Map(checkpoints.map((c) => [c.seq, c]));
  return events.flatMap((e) => {
    const cp = bySeq.get(e.seq);
    return cp ? [eventRecord(e), checkpointRecord(cp)] : [eventRecord(e)];
  });
}

/** The records as JSON Lines (each line ends with \n). */
export function jsonLines(records: readonly SinkRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
