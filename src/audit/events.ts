import type { AuditEventRow } from '../db/schema/index.ts';
import { ulid } from './ids.ts';
import type { EventDraft } from './draft.ts';

/**
 * Who did what an event records: the agent whose reply or the customer whose post was
 * checked, an officer or administrator (the token's subject), or the service itself.
 */
export type Actor =
  | { kind: 'agent'; id: string | null }
  | { kind: 'person'; id: string }
  | { kind: 'service'; id: 'retention' | 'service' };

/** One finding as stored: kind, span, confidence, masked preview, keyed fingerprint. Never the value. */
export interface StoredFinding {
  kind: string;
  start: number;
  end: number;
  confidence: number;
  masked: string;
  fp: string | null;
  allowListed?: boolean;
  /** Of a kind the tenant's tuning monitors: reported, not counted in the decision. */
  monitored?: boolean;
}

/** The channel a checked message went through, and the people by reference only. */
export interface Channel {
  direction: 'inbound' | 'outbound';
  visibility: 'public' | 'private';
  platform: string;
  threadId: string | null;
  postId: string | null;
}

/** A check: what was decided for one message and why (never its text or its values). */
export interface CheckEvent {
  type: 'check';
  actor: { kind: 'agent'; id: string | null };
  channel: Channel;
  decision: 'allow' | 'warn' | 'block';
  wouldBlock: boolean;
  mode: 'enforce' | 'monitor';
  policyVersion: string;
  rules: string[];
  kinds: string[];
  findings: StoredFinding[];
  actions: string[];
  locale: string;
  customerFp: string | null;
  identity: Record<string, unknown>;
  details: { effectiveDecision: string; urgent: boolean; overridable: boolean };
  idempotencyKey: string | null;
  requestFp: string | null;
  hmacKeyId: string;
}

/** A supervisor let a warned message through: a new event linked to the original check. */
export interface OverrideEvent {
  type: 'override';
  actor: { kind: 'person'; id: string };
  original: {
    id: string;
    decision: string;
    rules: string[];
    kinds: string[];
    policyVersion: string | null;
    channel: Channel;
  };
  details: { justification: string; originalDecision: string };
}

/** An officer's verdict on an event; its content hash is what the chain covers. */
export interface ReviewEvent {
  type: 'review';
  /** The review's own id, which the event takes too. */
  id: string;
  actor: { kind: 'person'; id: string };
  eventId: string;
  details: { verdict: string; eventSeq: number; contentHash: string };
}

/** A new version of the tenant's policy; its content hash is what the chain covers. */
export interface PolicyChangeEvent {
  type: 'policy_change';
  actor: { kind: 'person'; id: string };
  policyVersion: string;
  details: {
    version: number;
    previousVersion: number;
    changed: string[];
    mode: string;
    policyHash: string;
    /** Tuning fields that weaken a SECRET kind's protection (acknowledged in the document). */
    secretWeakenings?: string[];
    /** A rollback: the version whose document this one restores. */
    restoredVersion?: number;
  };
}

/** Events removed by retention, through a signed checkpoint. */
export interface PurgeEvent {
  type: 'purge';
  actor: { kind: 'person'; id: string } | { kind: 'service'; id: 'retention' };
  details: {
    purgedThrough: number;
    purgedEvents: number;
    cutoff: string;
    checkpointHash: string;
    checkpointRoot: string;
  };
}

/** An officer turned a data subject's values into fingerprints (which kinds, never the values). */
export interface LookupEvent {
  type: 'lookup';
  actor: { kind: 'person'; id: string };
  details: {
    kinds: string[];
    customer: boolean;
    fingerprint: Record<string, unknown> | string[] | null;
  };
}

/** What the helpdesk did about a thread (POST /v1/threads/:id/actions): the care metrics' follow-ups. */
export interface ThreadActionEvent {
  type: 'thread_action';
  actor: { kind: 'agent'; id: string };
  threadId: string;
  details: { action: 'post_hidden' | 'customer_contacted'; at: string };
}

/**
 * A public self-disclosure was not followed up by the tenant's deadline (docs/care.md): the
 * service records it once, so it reaches the sinks and the stream as any event does.
 */
export interface CareAlertEvent {
  type: 'care_alert';
  actor: { kind: 'service'; id: 'service' };
  disclosure: {
    eventId: string;
    platform: string;
    threadId: string;
    postId: string | null;
    kinds: string[];
  };
  details: { disclosedAt: string; deadlineAt: string; followUpMinutes: number };
}

/**
 * An administrator moved a sink's cursor for the tenant back (POST /v1/audit/sinks/:name/replay):
 * the sink gets every event after `after` again, this one included.
 */
export interface SinkReplayEvent {
  type: 'sink_replay';
  actor: { kind: 'person'; id: string };
  details: { sink: string; after: number; previousCursor: number };
}

/** Every kind of audit event, told apart by `type`. */
export type AuditEvent =
  | CareAlertEvent
  | ThreadActionEvent
  | CheckEvent
  | OverrideEvent
  | ReviewEvent
  | PolicyChangeEvent
  | PurgeEvent
  | LookupEvent
  | SinkReplayEvent;
export type AuditEventType = AuditEvent['type'];

const NO_CHANNEL = {
  direction: null,
  visibility: null,
  platform: null,
  threadId: null,
  postId: null,
};
const NO_REQUEST = {
  customerFp: null,
  identity: null,
  linkedEventId: null,
  idempotencyKey: null,
  requestFp: null,
  hmacKeyId: 'none',
};

/** What an event that decides nothing holds where a check holds its decision. */
function nothingDecided() {
  return {
    decision: null,
    wouldBlock: false,
    mode: null,
    policyVersion: null,
    rules: [] as string[],
    kinds: [] as string[],
    findings: [] as unknown[],
    actions: [] as string[],
    locale: null,
  };
}

/**
 * A row of `type` that holds nothing yet: no channel, no decision, no request. Every event
 * starts from it, so a column added to the table needs a value here once (and in the
 * events that carry it), not in every event.
 */
export function blankDraft(
  tenant: string,
  now: Date,
  type: string,
  agentId: string | null,
): EventDraft {
  return {
    id: ulid(now),
    tenant,
    createdAt: now,
    type,
    agentId,
    ...NO_CHANNEL,
    ...nothingDecided(),
    ...NO_REQUEST,
    details: null,
  };
}

/**
 * The idempotency keys the service gives its own events, one per thing they are about. A
 * client's Idempotency-Key may not begin with one (check-schema.ts refuses it), or a check
 * could take the key of an override or a care alert before it is written and so stop it.
 */
export const SERVICE_KEY_PREFIXES = { override: 'override:', careAlert: 'care-alert:' } as const;

/** The row a typed event is stored as (EVENT_FIELDS says what each column is for). */
export function toDraft(tenant: string, now: Date, event: AuditEvent): EventDraft {
  const blank = blankDraft(tenant, now, event.type, event.actor.id);
  switch (event.type) {
    case 'check':
      return {
        ...blank,
        ...event.channel,
        decision: event.decision,
        wouldBlock: event.wouldBlock,
        mode: event.mode,
        policyVersion: event.policyVersion,
        rules: event.rules,
        kinds: event.kinds,
        findings: event.findings,
        actions: event.actions,
        locale: event.locale,
        customerFp: event.customerFp,
        identity: event.identity,
        details: event.details,
        idempotencyKey: event.idempotencyKey,
        requestFp: event.requestFp,
        hmacKeyId: event.hmacKeyId,
      };
    case 'override':
      return {
        ...blank,
        ...event.original.channel,
        decision: 'allow',
        rules: event.original.rules,
        kinds: event.original.kinds,
        policyVersion: event.original.policyVersion,
        linkedEventId: event.original.id,
        // one override per check, however many supervisors press at once: the key is unique per tenant
        idempotencyKey: `${SERVICE_KEY_PREFIXES.override}${event.original.id}`,
        details: event.details,
      };
    case 'review':
      return { ...blank, id: event.id, linkedEventId: event.eventId, details: event.details };
    case 'policy_change':
      return { ...blank, policyVersion: event.policyVersion, details: event.details };
    case 'care_alert':
      return {
        ...blank,
        platform: event.disclosure.platform,
        threadId: event.disclosure.threadId,
        postId: event.disclosure.postId,
        kinds: event.disclosure.kinds,
        linkedEventId: event.disclosure.eventId,
        // one alert per disclosure, whichever replica sweeps: the key is unique per tenant
        idempotencyKey: `${SERVICE_KEY_PREFIXES.careAlert}${event.disclosure.eventId}`,
        details: event.details,
      };
    case 'thread_action':
      return { ...blank, threadId: event.threadId, details: event.details };
    case 'purge':
    case 'lookup':
    case 'sink_replay':
      return { ...blank, details: event.details };
    default:
      return unreachable(event);
  }
}

function unreachable(event: never): never {
  throw new Error(`unknown audit event ${JSON.stringify(event)}`);
}

/** The channel a stored check went through. */
export function channelOf(row: AuditEventRow): Channel {
  return {
    direction: row.direction as Channel['direction'],
    visibility: row.visibility as Channel['visibility'],
    platform: row.platform ?? '',
    threadId: row.threadId,
    postId: row.postId,
  };
}
