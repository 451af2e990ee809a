import type { Caller } from '../auth/access-token.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import { policyContentHash } from '../audit/content-hash.ts';
import { toDraft } from '../audit/events.ts';
import type { AuditWriter } from '../audit/writer.ts';
import type { Clock } from '../clock.ts';
import { DomainError } from '../errors.ts';
import type { AddressPolicy } from '../net/address-policy.ts';
import { checkPolicy } from '../policies/check-policy.ts';
import { storedPolicySchema, type StoredPolicy } from '../policies/policy-schema.ts';
import type { PolicyStore } from '../stores/policy-store.ts';
import { auditUnavailable } from './audit-failure.ts';

/** What changing a tenant's policy needs from the running service. */
export interface PolicyAdminDeps {
  writer: AuditWriter;
  clock: Clock;
  policies: PolicyStore;
  addresses: AddressPolicy;
}

/** A policy document as it would be stored, and the tuning fields that weaken a secret kind's protection. */
export interface ValidatedPolicy {
  doc: StoredPolicy;
  secretWeakenings: string[];
}

/**
 * Validates a policy document beyond its shape (policies/check-policy.ts: custom kinds, RE2
 * patterns, limits, tuning) and normalises its allow-list; an invalid_request naming each bad
 * entry. An identity provider's key set URL at a literal internal address is refused here (a
 * name is checked after resolution, at every fetch).
 */
export function validatePolicy(
  input: StoredPolicy,
  addresses: AddressPolicy,
  /** The version in force: its own weakenings of secret protection need no new acknowledgement. */
  previous?: StoredPolicy,
): ValidatedPolicy {
  const { doc, problems, secretWeakenings } = checkPolicy(input, previous);
  const url = doc.identityProvider?.jwksUrl;
  const urlProblem = url ? addresses.literalProblem(new URL(url)) : null;
  if (urlProblem) problems.unshift({ field: 'identityProvider.jwksUrl', message: urlProblem });
  if (problems.length > 0)
    throw new DomainError(
      'invalid_request',
      `${problems[0]!.field}: ${problems[0]!.message}`,
      problems,
    );
  return { doc, secretWeakenings };
}

/** `validatePolicy`'s document alone (simulation). */
export function preparePolicy(doc: StoredPolicy, addresses: AddressPolicy): StoredPolicy {
  return validatePolicy(doc, addresses).doc;
}

/** The top-level settings whose values differ between two policy documents. */
export function changedSettings(
  previous: StoredPolicy | Record<string, unknown> | undefined,
  next: StoredPolicy,
): string[] {
  const before = (previous ?? {}) as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  return Object.keys({ ...before, ...after }).filter(
    (k) => canonicalJson(before[k]) !== canonicalJson(after[k]),
  );
}

const isUniqueViolation = (err: unknown): boolean => {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, d = 0;
    e && d < 5;
    e = e.cause as typeof e, d++
  )
    if (e.code === '23505') return true;
  return false;
};

/** What a write of the policy may carry besides the document. */
export interface ChangeOptions {
  /** The version the writer read (If-Match): the write fails with precondition_failed if another is in force. */
  ifMatch?: number | undefined;
  /** A rollback: the version whose document is restored. */
  restoredVersion?: number | undefined;
}

function stale(current: number, read: number): DomainError {
  return new DomainError(
    'precondition_failed',
    `The policy is at version ${current}, not the version ${read} this change was based on; read it again and reapply the change.`,
    { currentVersion: current },
  );
}

/**
 * Stores a new version of the caller's tenant's policy. The change is audited — who, which
 * version replaced which, which settings changed, the stored version's content hash, what it
 * weakens of secret protection — in the transaction that stores the version, so neither exists
 * without the other.
 */
export async function changePolicy(
  deps: PolicyAdminDeps,
  caller: Caller,
  input: StoredPolicy,
  options: ChangeOptions = {},
): Promise<{ version: number; policy: StoredPolicy }> {
  const previous = await deps.policies.latest(caller.tenant);
  const { doc, secretWeakenings } = validatePolicy(
    input,
    deps.addresses,
    previous?.policy as StoredPolicy | undefined,
  );
  const current = previous?.version ?? 0;
  if (options.ifMatch !== undefined && options.ifMatch !== current)
    throw stale(current, options.ifMatch);
  const now = deps.clock.now();
  const version = current + 1;
  const row = {
    tenant: caller.tenant,
    version,
    policy: doc,
    createdAt: now,
    createdBy: caller.subject,
  };
  const event = toDraft(caller.tenant, now, {
    type: 'policy_change',
    actor: { kind: 'person', id: caller.subject },
    policyVersion: `${caller.tenant}@${version}`,
    details: {
      version,
      previousVersion: current,
      changed: changedSettings(previous?.policy, doc),
      mode: doc.mode,
      policyHash: policyContentHash(row),
      ...(secretWeakenings.length > 0 ? { secretWeakenings } : {}),
      ...(options.restoredVersion !== undefined
        ? { restoredVersion: options.restoredVersion }
        : {}),
    },
  });
  try {
    await deps.writer.appendWith(event, (q) => deps.policies.insertVersion(q, row));
  } catch (err) {
    // the primary key (tenant, version): another version was stored meanwhile
    if (isUniqueViolation(err)) {
      if (options.ifMatch !== undefined) throw stale(current + 1, options.ifMatch);
      throw new DomainError(
        'conflict',
        'Another version of the policy was stored at the same time; read it and try again.',
      );
    }
    throw auditUnavailable(err, 'this change');
  } finally {
    deps.policies.invalidate(caller.tenant);
  }
  return { version, policy: doc };
}

/**
 * Rolls the policy back to an earlier version's document, as a new version (versions are never
 * removed or rewritten), audited like any change and naming the version restored.
 */
export async function rollbackPolicy(
  deps: PolicyAdminDeps,
  caller: Caller,
  target: number,
  options: { ifMatch?: number | undefined } = {},
): Promise<{ version: number; policy: StoredPolicy }> {
  const row = await deps.policies.version(caller.tenant, target);
  if (!row) throw new DomainError('not_found', `The policy has no version ${target}.`);
  // a version stored before today's rules must pass them to be in force again
  const parsed = storedPolicySchema.safeParse(row.policy);
  if (!parsed.success)
    throw new DomainError(
      'invalid_request',
      `version ${target} does not pass today's policy rules and cannot be restored as it is; PUT a corrected document instead`,
      parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
    );
  return changePolicy(deps, caller, parsed.data, { ...options, restoredVersion: target });
}
