import type { Caller } from '../auth/access-token.ts';
import { toDraft } from '../audit/events.ts';
import type { Appended, AuditWriter } from '../audit/writer.ts';
import type { Clock } from '../clock.ts';
import { DomainError } from '../errors.ts';
import { auditUnavailable } from './audit-failure.ts';

/** How far ahead of the service's clock a reported time may be (the helpdesk's clock skew). */
const MAX_SKEW_MS = 5 * 60_000;

/**
 * Records what the helpdesk did about a thread — the post hidden, the customer contacted —
 * as a chain event (the follow-up of a public self-disclosure, docs/care.md). It changes
 * nothing but the log, so it goes in the writer's batches like a check.
 */
export async function recordThreadAction(
  deps: { writer: AuditWriter; clock: Clock; deadlineMs: number },
  caller: Caller,
  threadId: string,
  input: { action: 'post_hidden' | 'customer_contacted'; at?: Date | undefined },
): Promise<Appended> {
  const now = deps.clock.now();
  const at = input.at ?? now;
  if (at.getTime() > now.getTime() + MAX_SKEW_MS)
    throw new DomainError('invalid_request', 'at: must not be in the future.', [
      { field: 'at', message: 'must not be in the future' },
    ]);
  const draft = toDraft(caller.tenant, now, {
    type: 'thread_action',
    actor: { kind: 'agent', id: caller.subject },
    threadId,
    details: { action: input.action, at: at.toISOString() },
  });
  try {
    return await deps.writer.append(draft, { deadline: performance.now() + deps.deadlineMs });
  } catch (err) {
    throw auditUnavailable(err, 'this thread action');
  }
}
