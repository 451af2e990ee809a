import type { Caller } from '../auth/access-token.ts';
import { verifyIdentity, type KeySetFetching } from '../auth/identity.ts';
import type { KeyMaterial } from '../auth/keys.ts';
import { buildCheckEvent } from '../audit/check-event.ts';
import { signReceipt } from '../audit/receipt.ts';
import type { AuditWriter } from '../audit/writer.ts';
import type { Clock } from '../clock.ts';
import { publicFinding, scan } from '../detectors/index.ts';
import { ApiError } from '../errors.ts';
import type { CheckRequest } from '../api/check-schema.ts';
import { evaluate } from '../policies/evaluate.ts';
import type { PolicyStore } from '../policies/store.ts';
import type { StoreAvailability } from '../db/availability.ts';
import { auditUnavailable, beforeDeadline } from './audit-failure.ts';

/** What a check needs from the running service. */
export interface CheckDeps {
  writer: AuditWriter;
  policies: PolicyStore;
  keys: KeyMaterial;
  clock: Clock;
  /** Told when the policy read fails because the store is unreachable (the breaker). */
  availability?: StoreAvailability | undefined;
  /** How identity providers' key sets are fetched (never to an address the policy refuses); without it, only inline key sets work. */
  keySetFetching?: KeySetFetching | undefined;
}

/** Observations for metrics and logs: kinds found, never values. */
export interface CheckOutcome {
  body: Record<string, unknown>;
  decision: string;
  kinds: string[];
  replayed: boolean;
}

/**
 * One pre-send or on-receive check: detect, verify identity, decide, append the audit
 * event and wait for its commit, sign a receipt, all before `deadline` (performance.now()
 * milliseconds). If the audit store fails or the deadline passes, the caller answers 503
 * with Retry-After: no decision leaves without its record, and no record is written after
 * its caller was told 503.
 */
export async function performCheck(
  deps: CheckDeps,
  caller: Caller,
  req: CheckRequest,
  rawBody: string,
  idempotencyKey: string | undefined,
  deadline: number,
): Promise<CheckOutcome> {
  let policy;
  try {
    policy = await beforeDeadline(deps.policies.get(caller.tenant), deadline);
  } catch (err) {
    deps.availability?.observe(err);
    throw auditUnavailable(err, 'this check');
  }
  const result = scan(req.text, { locale: req.locale, region: policy.defaultRegion, findRequests: req.direction === 'outbound' });
  const identity =
    req.channel.visibility === 'private'
      ? await verifyIdentity(req.customer?.identityToken, req.customer?.id, policy.identityProvider ?? null, deps.keySetFetching)
      : { status: 'absent' as const };
  const evaluation = evaluate({
    direction: req.direction,
    visibility: req.channel.visibility,
    identity,
    text: req.text,
    locale: result.locale,
    findings: result.findings,
    secretRequests: result.secretRequests,
    policy,
  });
  const now = deps.clock.now();
  const draft = buildCheckEvent(
    {
      tenant: caller.tenant,
      direction: req.direction,
      visibility: req.channel.visibility,
      platform: req.channel.platform,
      locale: result.locale,
      agentId: req.agent?.id,
      customerId: req.customer?.id,
      threadId: req.thread?.id,
      postId: req.thread?.postId,
      idempotencyKey,
      rawBody,
    },
    evaluation,
    result.findings,
    identity,
    policy,
    deps.keys.hmac,
    now,
  );
  let appended;
  try {
    appended = await deps.writer.append(draft, { deadline });
  } catch (err) {
    throw auditUnavailable(err, 'this check');
  }
  const { row, replayed, treeHead } = appended;
  if (replayed && row.requestFp !== draft.requestFp) {
    throw new ApiError('idempotency_conflict', 'This Idempotency-Key was already used for a different request.');
  }
  const allowListed = new Set(evaluation.allowListed);
  // the stored event answers for what was decided (for a retry: what was decided the first time)
  const body: Record<string, unknown> = {
    decision: row.decision,
    mode: policy.mode,
    ...(row.wouldBlock ? { wouldBlock: true } : {}),
    locale: result.locale,
    findings: result.findings.map((f) => ({ ...publicFinding(f), ...(allowListed.has(f) ? { allowListed: true } : {}) })),
    violations: evaluation.violations,
    actions: evaluation.actions,
    ...(evaluation.urgent ? { urgent: true } : {}),
    suggestion: evaluation.suggestion,
    identity: identity.status === 'rejected' ? { status: 'rejected', reason: identity.reason } : { status: identity.status },
    policyVersion: row.policyVersion,
    // the event's place: its hash, and the signed tree head of its batch (POST /v1/audit/verify proves it is still in the log)
    audit: { id: row.id, seq: row.seq, hash: row.hash, ...(treeHead?.root ? { treeHead: { seq: treeHead.seq, treeSize: treeHead.treeSize, root: treeHead.root, jws: treeHead.jws } } : {}) },
    receipt: signReceipt(deps.keys.service, row, treeHead),
    ...(replayed ? { replayed: true } : {}),
  };
  return { body, decision: String(body.decision), kinds: row.kinds, replayed };
}
