import { scan, type ScanOptions, type ScanResult } from '../detectors/index.ts';
import { checkPolicy, type EntryProblem } from './check-policy.ts';
import { compiledPolicy } from './compile-policy.ts';
import { storedPolicySchema } from './policy-schema.ts';
import type { TenantPolicy } from './types.ts';

/** A policy file read for the command line: the policy as the check uses it, or what is wrong with it. */
export type LoadedPolicy =
  | { ok: true; policy: TenantPolicy; secretWeakenings: string[] }
  | { ok: false; problems: EntryProblem[] };

/**
 * Parses, validates and compiles a policy document (the JSON of `PUT /v1/policy`) as the
 * service would store it, for `sargas policy validate file.json` and `sargas check --policy`.
 * Pure: no database, no network (a `jwksUrl` is not checked against the address policy here).
 */
export function loadPolicy(json: unknown, tenant = 'offline', version = 0): LoadedPolicy {
  const parsed = storedPolicySchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        field: i.path.map(String).join('.') || '(document)',
        message: i.message,
      })),
    };
  const { doc, problems, secretWeakenings } = checkPolicy(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  const { identityProvider, ...rest } = doc;
  const policy: TenantPolicy = {
    tenant,
    version,
    ...rest,
    identityProvider: identityProvider as TenantPolicy['identityProvider'],
  };
  compiledPolicy(policy); // compiled now, so a check never pays for it
  return { ok: true, policy, secretWeakenings };
}

/** Scans a message under a tenant's policy: its region, custom kinds, denied values, context words and thresholds. */
export function scanUnder(
  policy: TenantPolicy,
  text: string,
  options: Omit<ScanOptions, 'tenant'> = {},
): ScanResult {
  return scan(text, {
    region: policy.defaultRegion,
    ...options,
    tenant: compiledPolicy(policy).detection,
  });
}
