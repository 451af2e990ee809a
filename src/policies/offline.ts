import type { ScanResult } from '../detectors/index.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import type { Direction, TenantPolicy, Visibility } from './types.ts';

/**
 * A decision without the service: the command line and the corpus evaluation, where a
 * line's `identityVerified` stands in for a verified identity assertion (no token to check).
 */
export function decideOffline(
  text: string,
  result: ScanResult,
  input: {
    direction: Direction;
    visibility: Visibility;
    identityVerified?: boolean | undefined;
    policy: TenantPolicy;
  },
): Evaluation {
  return evaluate({
    direction: input.direction,
    visibility: input.visibility,
    identity: input.identityVerified
      ? { status: 'verified', issuer: 'offline', subject: 'offline' }
      : { status: 'absent' },
    text,
    locale: result.locale,
    findings: result.findings,
    secretRequests: result.secretRequests,
    policy: input.policy,
  });
}
