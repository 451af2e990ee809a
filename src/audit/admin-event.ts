import { ulid } from './ids.ts';
import type { EventDraft } from './writer.ts';

/**
 * An audit event that records something a person or the service did rather than a check:
 * a policy change, an override, a purge. `details` must hold no customer data.
 */
export function adminEvent(
  tenant: string,
  type: 'policy_change' | 'override' | 'purge' | 'lookup' | 'review',
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
