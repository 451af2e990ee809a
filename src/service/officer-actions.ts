import type { Caller } from '../auth/access-token.ts';
import type { KeyMaterial } from '../auth/keys.ts';
import { reviewContentHash } from '../audit/content-hash.ts';
import { channelOf, toDraft } from '../audit/events.ts';
import { ulid } from '../audit/ids.ts';
import { lookupFingerprints, type Lookup } from '../audit/lookup.ts';
import { findOverride, getEvent, insertReview, type ReviewRow } from '../audit/query.ts';
import type { Appended, AuditWriter } from '../audit/writer.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { scanUnder } from '../policies/policy-file.ts';
import { DomainError } from '../errors.ts';
import type { PolicyStore } from '../stores/policy-store.ts';
import { auditUnavailable } from './audit-failure.ts';
import { maskFreeText } from './free-text.ts';

/** What the officers' actions need from the running service. */
export interface OfficerDeps {
  db: Database;
  writer: AuditWriter;
  keys: KeyMaterial;
  clock: Clock;
  policies: PolicyStore;
}

/**
 * An officer's verdict on an event. The review and the chain event recording its content
 * hash commit together: editing or removing the review later breaks verification.
 */
export async function addReview(
  deps: OfficerDeps,
  caller: Caller,
  eventId: string,
  input: { verdict: string; note: string },
): Promise<ReviewRow> {
  const found = await getEvent(deps.db, caller.tenant, eventId);
  if (!found) throw new DomainError('not_found', 'No such event for this tenant.');
  const now = deps.clock.now();
  const row: ReviewRow = {
    id: ulid(now),
    tenant: caller.tenant,
    eventId: found.row.id,
    verdict: input.verdict,
    note: maskFreeText(input.note),
    reviewer: caller.subject,
    createdAt: now,
  };
  const event = toDraft(caller.tenant, now, {
    type: 'review',
    id: row.id,
    actor: { kind: 'person', id: caller.subject },
    eventId: row.eventId,
    details: { verdict: row.verdict, eventSeq: found.row.seq, contentHash: reviewContentHash(row) },
  });
  try {
    await deps.writer.appendWith(event, (q) => insertReview(q, row));
  } catch (err) {
    throw auditUnavailable(err, 'this review');
  }
  return row;
}

/**
 * A supervisor lets a warned message through with a written justification: a new event
 * linked to the original. Never for a block, a would-be block, a secret or a request for one.
 */
export async function overrideWarning(
  deps: OfficerDeps,
  caller: Caller,
  checkId: string,
  justification: string,
): Promise<Appended> {
  const found = await getEvent(deps.db, caller.tenant, checkId);
  if (found?.row.type !== 'check')
    throw new DomainError('not_found', 'No such check for this tenant.');
  const original = found.row;
  const details = original.details as { overridable?: boolean } | null;
  if (original.decision !== 'warn' || original.wouldBlock)
    throw new DomainError(
      'conflict',
      'Only a warning can be overridden; this check was not a warning.',
    );
  if (!details?.overridable)
    throw new DomainError(
      'forbidden',
      'This warning concerns a secret or a request for one; it cannot be overridden.',
    );
  const earlier = await findOverride(deps.db, caller.tenant, original.id);
  if (earlier) throw alreadyOverridden(earlier);
  const event = toDraft(caller.tenant, deps.clock.now(), {
    type: 'override',
    actor: { kind: 'person', id: caller.subject },
    original: {
      id: original.id,
      decision: original.decision,
      rules: original.rules,
      kinds: original.kinds,
      policyVersion: original.policyVersion,
      channel: channelOf(original),
    },
    details: { justification: maskFreeText(justification), originalDecision: original.decision },
  });
  let appended: Appended;
  try {
    appended = await deps.writer.append(event);
  } catch (err) {
    throw auditUnavailable(err, 'this request');
  }
  // another supervisor's override committed between the look above and this one
  if (appended.replayed) throw alreadyOverridden(appended.row.id);
  return appended;
}

function alreadyOverridden(overrideEventId: string): DomainError {
  return new DomainError('conflict', 'This warning was already overridden.', { overrideEventId });
}

/**
 * A data subject's values to fingerprints under every key, current and rotated out. The values
 * go through the same detectors as a check; the lookup itself is an audit event (who looked,
 * which kinds), without the values.
 */
export async function lookUp(
  deps: OfficerDeps,
  caller: Caller,
  query: { text?: string | undefined; customerId?: string | undefined },
): Promise<Lookup> {
  let policy: Awaited<ReturnType<PolicyStore['get']>>;
  try {
    policy = await deps.policies.get(caller.tenant);
  } catch (err) {
    throw auditUnavailable(err, 'this lookup');
  }
  // only the store's failures are the store's: a fault of the lookup itself is an internal error
  const values = query.text ? scanUnder(policy, query.text, { findRequests: false }).findings : [];
  const result = lookupFingerprints(
    [deps.keys.hmac, ...deps.keys.hmacPrevious],
    values,
    query.customerId,
  );
  const details = {
    kinds: [...new Set(result.findings.map((f) => f.kind))],
    customer: query.customerId !== undefined,
    fingerprint: result.fingerprint,
  };
  try {
    await deps.writer.append(
      toDraft(caller.tenant, deps.clock.now(), {
        type: 'lookup',
        actor: { kind: 'person', id: caller.subject },
        details,
      }),
    );
  } catch (err) {
    throw auditUnavailable(err, 'this lookup');
  }
  return result;
}
