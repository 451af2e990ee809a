import type { Caller } from '../auth/access-token.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import { policyContentHash } from '../audit/content-hash.ts';
import { toDraft } from '../audit/events.ts';
import type { AuditWriter } from '../audit/writer.ts';
import type { Clock } from '../clock.ts';
import { DomainError } from '../errors.ts';
import type { AddressPolicy } from '../net/address-policy.ts';
import { normalizeAllowList } from '../policies/normalize-allow-list.ts';
import type { StoredPolicy } from '../policies/policy-schema.ts';
import type { PolicyStore } from '../stores/policy-store.ts';
import { auditUnavailable } from './audit-failure.ts';

/** What changing a tenant's policy needs from the running service. */
export interface PolicyAdminDeps {
  writer: AuditWriter;
  clock: Clock;
  policies: PolicyStore;
  addresses: AddressPolicy;
}

/**
 * Validates a policy document and normalises its allow-list; an invalid_request naming each
 * bad entry. An identity provider's key set URL at a literal internal address is refused
 * here (a name is checked after resolution, at every fetch).
 */
export function preparePolicy(doc: StoredPolicy, addresses: AddressPolicy): StoredPolicy {
  const { list, problems } = normalizeAllowList(doc.allowList, doc.defaultRegion);
  const url = doc.identityProvider?.jwksUrl;
  const urlProblem = url ? addresses.literalProblem(new URL(url)) : null;
  if (urlProblem) problems.unshift({ field: 'identityProvider.jwksUrl', message: urlProblem });
  if (problems.length > 0)
    throw new DomainError(
      'invalid_request',
      `${problems[0]!.field}: ${problems[0]!.message}`,
      problems,
    );
  return { ...doc, allowList: list };
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

/**
 * Stores a new version of the caller's tenant's policy. The change is audited — who, which
 * version replaced which, which settings changed, the stored version's content hash — in
 * the transaction that stores the version, so neither exists without the other.
 */
export async function changePolicy(
  deps: PolicyAdminDeps,
  caller: Caller,
  input: StoredPolicy,
): Promise<{ version: number; policy: StoredPolicy }> {
  const doc = preparePolicy(input, deps.addresses);
  const previous = await deps.policies.latest(caller.tenant);
  const now = deps.clock.now();
  const version = (previous?.version ?? 0) + 1;
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
      previousVersion: previous?.version ?? 0,
      changed: changedSettings(previous?.policy, doc),
      mode: doc.mode,
      policyHash: policyContentHash(row),
    },
  });
  try {
    await deps.writer.appendWith(event, (q) => deps.policies.insertVersion(q, row));
  } catch (err) {
    // the primary key (tenant, version): another version was stored meanwhile
    if (isUniqueViolation(err))
      throw new DomainError(
        'conflict',
        'Another version of the policy was stored at the same time; read it and try again.',
      );
    throw auditUnavailable(err, 'this change');
  } finally {
    deps.policies.invalidate(caller.tenant);
  }
  return { version, policy: doc };
}
