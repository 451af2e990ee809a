import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditReviews, tenantPolicies } from '../db/schema/index.ts';
import type { Break, Walk } from './chain-walk.ts';
import { policyContentHash, reviewContentHash } from './content-hash.ts';

/** What the chain says of the reviews and policy versions stored beside it. */
export interface AnchorReport {
  reviews: { anchored: number; unanchored: string[] };
  policies: { anchored: number; unanchored: number[] };
}

/**
 * Holds the stored reviews and policy versions against the chain events that recorded them
 * (their content hashes): an edited row, a deleted one, or one no event recorded is a
 * break. Rows from before their events carried content hashes are listed as unanchored:
 * nothing can prove or disprove them (docs/audit.md).
 */
export async function checkAnchors(
  db: Database,
  tenant: string,
  walk: Walk,
  broken: (b: Break) => void,
): Promise<AnchorReport> {
  const report: AnchorReport = {
    reviews: { anchored: 0, unanchored: [] },
    policies: { anchored: 0, unanchored: [] },
  };
  const seen = new Set<string>();
  const rows = await db.select().from(auditReviews).where(eq(auditReviews.tenant, tenant));
  // once reviews are recorded in the chain, a later review that is not is no review of ours
  const since = Math.min(
    ...rows.filter((r) => walk.reviews.has(r.id)).map((r) => r.createdAt.getTime()),
  );
  for (const r of rows) {
    seen.add(r.id);
    const anchor = walk.reviews.get(r.id);
    if (!anchor) {
      if (r.createdAt.getTime() >= since)
        broken({ seq: null, id: r.id, reason: `review ${r.id} is not recorded in the chain` });
      else report.reviews.unanchored.push(r.id);
      continue;
    }
    if (anchor.contentHash !== reviewContentHash(r))
      broken({
        seq: null,
        id: r.id,
        reason: `review ${r.id} differs from what its chain event recorded`,
      });
    else report.reviews.anchored++;
  }
  for (const [id, anchor] of walk.reviews) {
    // a review of an event a retention purge removed goes with it
    const purged = anchor.eventSeq !== null && anchor.eventSeq <= walk.baseSeq;
    if (!seen.has(id) && !purged)
      broken({ seq: null, id, reason: `review ${id}, recorded in the chain, is missing` });
  }
  const versions = new Set<number>();
  // versions follow each other: after the first recorded with its content hash, every one is
  const firstAnchored = Math.min(
    ...[...walk.policies].filter(([, h]) => h !== null).map(([v]) => v),
  );
  for (const p of await db.select().from(tenantPolicies).where(eq(tenantPolicies.tenant, tenant))) {
    versions.add(p.version);
    const anchor = walk.policies.get(p.version);
    if (!anchor) {
      if (p.version > firstAnchored)
        broken({
          seq: null,
          id: null,
          reason: `policy version ${p.version} is not recorded in the chain`,
        });
      // else: its policy_change event predates the content hash, or was purged by retention
      else report.policies.unanchored.push(p.version);
      continue;
    }
    if (anchor !== policyContentHash(p))
      broken({
        seq: null,
        id: null,
        reason: `policy version ${p.version} differs from what its chain event recorded`,
      });
    else report.policies.anchored++;
  }
  for (const [version, anchor] of walk.policies) {
    if (anchor !== null && !versions.has(version))
      broken({
        seq: null,
        id: null,
        reason: `policy version ${version}, recorded in the chain, is missing`,
      });
  }
  return report;
}
