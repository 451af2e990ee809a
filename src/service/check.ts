import type { Caller } from '../auth/access-token.ts';
import { verifyIdentity, type KeySetFetching } from '../auth/identity.ts';
import type { KeyMaterial } from '../auth/keys.ts';
import { buildCheckEvent, requestFingerprint } from '../audit/check-event.ts';
import { toDraft } from '../audit/events.ts';
import { signReceipt } from '../audit/receipt.ts';
import type { Appended, AuditWriter } from '../audit/writer.ts';
import type { Clock } from '../clock.ts';
import { publicFinding } from '../detectors/index.ts';
import { DomainError } from '../errors.ts';
import { evaluate } from '../policies/evaluate.ts';
import { scanUnder } from '../policies/policy-file.ts';
import type { TenantPolicy } from '../policies/types.ts';
import type { PolicyStore } from '../stores/policy-store.ts';
import type { StoreAvailability } from '../db/availability.ts';
import { auditUnavailable, beforeDeadline } from './audit-failure.ts';
import type { CheckInput, CheckOutcome, CheckResponse } from './check-types.ts';

export type { CheckInput, CheckOutcome, CheckResponse } from './check-types.ts';

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
  req: CheckInput,
  /**
   * What two retries under one key must agree on: the request's canonical JSON (only its
   * keyed fingerprint is kept), the same for a single check and a batch item.
   */
  fingerprintBasis: string,
  idempotencyKey: string | undefined,
  deadline: number,
  /** The body as received, which events recorded before the canonical form were fingerprinted over. */
  legacyBody?: string,
): Promise<CheckOutcome> {
  const policy = await tenantPolicy(deps, caller, deadline);
  return decideAndRecord(
    deps,
    caller,
    policy,
    req,
    fingerprintBasis,
    idempotencyKey,
    deadline,
    legacyBody,
  );
}

/** Items decided in one turn of the event loop before the others' requests get theirs. */
const BATCH_SLICE = 100;

/** One item of a batch: the check input with what its idempotency needs. */
export interface BatchItem {
  input: CheckInput;
  /** What the item's idempotency fingerprint is computed over (its canonical JSON). */
  raw: string;
  idempotencyKey: string | undefined;
}

/**
 * Several checks under one policy read, each decided and audited exactly as a single
 * check. Their events reach the writer in the same turn (identity assertions aside, which
 * wait on their key sets) and commit together. Each item settles alone: its outcome, or the
 * DomainError that would have been the single check's answer. A failed policy read fails
 * the whole batch (503), as it would fail each check.
 */
export async function performChecks(
  deps: CheckDeps,
  caller: Caller,
  items: BatchItem[],
  deadline: number,
): Promise<Array<CheckOutcome | DomainError>> {
  const policy = await tenantPolicy(deps, caller, deadline);
  // Detection is synchronous: a thousand items at once would hold the event loop for tens of
  // milliseconds while other requests wait. Slices of BATCH_SLICE, each after the loop has
  // had its turn; each slice's events still go to the writer together.
  const pending: Array<Promise<CheckOutcome | DomainError>> = [];
  for (let i = 0; i < items.length; i += BATCH_SLICE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(i, i + BATCH_SLICE))
      pending.push(
        decideAndRecord(
          deps,
          caller,
          policy,
          item.input,
          item.raw,
          item.idempotencyKey,
          deadline,
        ).catch((err: unknown) =>
          // the other items' events are committed: their answers must not be lost to this one
          err instanceof DomainError
            ? err
            : new DomainError('internal', 'Something went wrong with this item.', undefined, {
                cause: err,
              }),
        ),
      );
  }
  return Promise.all(pending);
}

async function tenantPolicy(
  deps: CheckDeps,
  caller: Caller,
  deadline: number,
): Promise<TenantPolicy> {
  // the cached policy needs no deadline (a timer per check otherwise, docs/performance.md)
  const cached = deps.policies.cached(caller.tenant);
  if (cached) return cached;
  try {
    return await beforeDeadline(deps.policies.get(caller.tenant), deadline);
  } catch (err) {
    deps.availability?.observe(err);
    throw auditUnavailable(err, 'this check');
  }
}

async function decideAndRecord(
  deps: CheckDeps,
  caller: Caller,
  policy: TenantPolicy,
  req: CheckInput,
  rawBody: string,
  idempotencyKey: string | undefined,
  deadline: number,
  legacyBody?: string,
): Promise<CheckOutcome> {
  const result = scanUnder(policy, req.text, {
    locale: req.locale,
    findRequests: req.direction === 'outbound',
  });
  const identity =
    req.channel.visibility === 'private'
      ? await verifyIdentity(
          req.customer?.identityToken,
          req.customer?.id,
          policy.identityProvider ?? null,
          deps.keySetFetching,
        )
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
  const event = buildCheckEvent(
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
      requestFp: idempotencyKey ? requestFingerprint(deps.keys.hmac.key, rawBody) : undefined,
    },
    evaluation,
    result.findings,
    identity,
    policy,
    deps.keys.hmac,
  );
  const draft = toDraft(caller.tenant, now, event);
  let appended: Appended;
  try {
    appended = await deps.writer.append(draft, { deadline });
  } catch (err) {
    throw auditUnavailable(err, 'this check');
  }
  const { row, replayed, treeHead } = appended;
  if (
    replayed &&
    row.requestFp !== draft.requestFp &&
    // an event recorded before requests were fingerprinted in canonical form
    !(
      legacyBody !== undefined &&
      idempotencyKey &&
      row.requestFp === requestFingerprint(deps.keys.hmac.key, legacyBody)
    )
  ) {
    throw new DomainError(
      'idempotency_conflict',
      'This Idempotency-Key was already used for a different request.',
    );
  }
  const allowListed = new Set(evaluation.allowListed);
  const monitored = new Set(evaluation.monitored);
  // the stored event answers for what was decided (for a retry: what was decided the first time)
  const body: CheckResponse = {
    decision: row.decision as CheckResponse['decision'],
    mode: policy.mode,
    ...(row.wouldBlock ? { wouldBlock: true as const } : {}),
    locale: result.locale,
    findings: result.findings.map((f) => ({
      ...publicFinding(f),
      ...(allowListed.has(f) ? { allowListed: true as const } : {}),
      ...(monitored.has(f) ? { monitored: true as const } : {}),
    })),
    violations: evaluation.violations,
    actions: evaluation.actions,
    ...(evaluation.urgent ? { urgent: true as const } : {}),
    suggestion: evaluation.suggestion,
    identity:
      identity.status === 'rejected'
        ? { status: 'rejected', reason: identity.reason }
        : { status: identity.status },
    policyVersion: row.policyVersion ?? event.policyVersion,
    // the event's place: its hash, and the signed tree head of its batch (POST /v1/audit/verify proves it is still in the log)
    audit: {
      id: row.id,
      seq: row.seq,
      hash: row.hash,
      ...(treeHead?.root
        ? {
            treeHead: {
              seq: treeHead.seq,
              treeSize: treeHead.treeSize,
              root: treeHead.root,
              jws: treeHead.jws,
            },
          }
        : {}),
    },
    receipt: signReceipt(deps.keys.service, row, treeHead),
    ...(replayed ? { replayed: true as const } : {}),
  };
  return { body, decision: body.decision, kinds: row.kinds, replayed };
}
