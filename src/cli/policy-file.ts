import { readFileSync } from 'node:fs';
import { loadPolicy } from '../policies/policy-file.ts';
import type { TenantPolicy } from '../policies/types.ts';

/** A policy file's problems, one `field: message` each, as the API's 400 would name them. */
export class PolicyFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Array<{ field: string; message: string }>,
  ) {
    super(`${file}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
}

/**
 * Reads a policy document (the body of PUT /v1/policy) from a file and validates it as the
 * service would, for offline checks: `sargas check --policy` and `sargas policy validate`.
 * The identity provider is not used offline (a line's `identityVerified` stands in for it).
 */
export function loadPolicyFile(file: string): TenantPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyFileError(file, [
      { field: '(file)', message: `cannot be read (${(err as NodeJS.ErrnoException).code})` },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PolicyFileError(file, [{ field: '(file)', message: 'is not valid JSON' }]);
  }
  // validated and compiled as the service stores it (custom kinds, tuning, limits)
  const loaded = loadPolicy(json, 'cli');
  if (!loaded.ok) throw new PolicyFileError(file, loaded.problems);
  return loaded.policy;
}
