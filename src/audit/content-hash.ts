import type { ReviewRow } from './query.ts';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/**
 * The hash of a review as stored, which its chain event carries (details.contentHash):
 * editing the note, the verdict or anything else of the row breaks verification.
 */
export function reviewContentHash(r: ReviewRow): string {
  return sha256({
    id: r.id,
    tenant: r.tenant,
    eventId: r.eventId,
    verdict: r.verdict,
    note: r.note,
    reviewer: r.reviewer,
    createdAt: r.createdAt.toISOString(),
  });
}

/** The hash of a stored policy version, which its policy_change event carries (details.policyHash). */
export function policyContentHash(p: {
  tenant: string;
  version: number;
  policy: unknown;
  createdAt: Date;
  createdBy: string;
}): string {
  // the document as jsonb gives it back: a JSON round trip (src/audit/stored-form.ts)
  return sha256({
    tenant: p.tenant,
    version: p.version,
    policy: JSON.parse(JSON.stringify(p.policy)),
    createdAt: p.createdAt.toISOString(),
    createdBy: p.createdBy,
  });
}
