import { careSummary, readCareEvents } from '../audit/care.ts';
import { toDraft } from '../audit/events.ts';
import type { AuditWriter } from '../audit/writer.ts';
import type { Clock } from '../clock.ts';
import type { DatabaseHandle } from '../db/client.ts';

/** How far back a sweep looks for disclosures, beyond the deadline itself. */
const LOOK_BACK_MS = 7 * 86_400_000;

/**
 * Records a `care_alert` event for each public self-disclosure of `tenant` past its
 * follow-up deadline with none recorded yet. Each alert's idempotency key is its
 * disclosure's event id, so sweeping again, or on two replicas at once, records it once.
 * Returns how many were new.
 */
export async function sweepCareAlerts(
  deps: { database: DatabaseHandle; writer: AuditWriter; clock: Clock },
  tenant: string,
  followUpMinutes: number,
): Promise<number> {
  const now = deps.clock.now();
  const from = new Date(now.getTime() - followUpMinutes * 60_000 - LOOK_BACK_MS);
  const events = await readCareEvents(deps.database, tenant, from);
  const summary = careSummary(events, { from, to: now, now, followUpMinutes });
  let recorded = 0;
  for (const d of summary.overdue) {
    const appended = await deps.writer.append(
      toDraft(tenant, now, {
        type: 'care_alert',
        actor: { kind: 'service', id: 'service' },
        disclosure: {
          eventId: d.eventId,
          platform: d.platform,
          threadId: d.threadId,
          postId: d.postId,
          kinds: d.kinds,
        },
        details: { disclosedAt: d.disclosedAt, deadlineAt: d.deadlineAt, followUpMinutes },
      }),
    );
    if (!appended.replayed) recorded++;
  }
  return recorded;
}

/** The tenants with a chain (every one a sweep looks at). */
export async function chainTenants(database: DatabaseHandle): Promise<string[]> {
  const rows = await database.query<{ tenant: string }>(
    'SELECT tenant FROM audit_chain_heads ORDER BY tenant',
  );
  return rows.map((r) => r.tenant);
}
