import { ulid } from '../../src/audit/ids.ts';
import type { EventDraft } from '../../src/audit/writer.ts';

/**
 * A raw event draft for the writer's tests: any type, any details, any column overridden. The
 * service builds its events from the typed definitions (src/audit/events.ts); the writer takes
 * whatever draft it is given, which these tests exercise.
 */
export function testDraft(
  tenant: string,
  type: string,
  now: Date,
  by: string,
  details: Record<string, unknown>,
  extra: Partial<EventDraft> = {},
): EventDraft {
  return {
    id: ulid(now),
    tenant,
    createdAt: now,
    type,
    direction: null,
    visibility: null,
    platform: null,
    decision: null,
    wouldBlock: false,
    mode: null,
    policyVersion: null,
    rules: [],
    kinds: [],
    findings: [],
    actions: [],
    locale: null,
    agentId: by,
    customerFp: null,
    threadId: null,
    postId: null,
    identity: null,
    details,
    linkedEventId: null,
    idempotencyKey: null,
    requestFp: null,
    hmacKeyId: 'none',
    ...extra,
  };
}
