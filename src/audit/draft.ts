import type { AuditEventRow } from '../db/schema/index.ts';
import type { SignedTreeHead } from './tree-head.ts';

/** An event before the chain gives it its place: everything but seq and hashes. */
export type EventDraft = Omit<AuditEventRow, 'seq' | 'prevHash' | 'hash' | 'seal' | 'hashVersion'>;

/** A committed event; `replayed` when an earlier event with the same idempotency key was returned instead. */
export interface Appended {
  row: AuditEventRow;
  replayed: boolean;
  /** The signed tree head of the batch it was committed in (not for an event committed earlier). */
  treeHead?: SignedTreeHead | undefined;
}
