import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { adminEvent } from '../audit/admin-event.ts';
import { maskFreeText } from '../audit/free-text.ts';
import { getEvent, publicEvent } from '../audit/query.ts';
import { signReceipt } from '../audit/receipt.ts';
import { auditEvents } from '../db/schema/index.ts';
import { ApiError } from '../errors.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import { eventIdParam } from './audit-schemas.ts';
import { safeText } from '../validation/text.ts';
import type { AppEnv } from './env.ts';

const overrideSchema = z.strictObject({
  justification: safeText({ max: 2000, multiline: true }).pipe(z.string().trim().min(10, 'write at least a sentence')),
});

/**
 * POST /v1/audit/events/:id/override: a supervisor lets a warned message through with a
 * written justification. Never for SECRET findings or requests for secrets; recorded as a
 * new event linked to the original.
 */
export function overrideRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.post('/:id/override', requireScope('check:override', deps.keys.accessKeys, deps.auth), async (c) => {
    const id = eventIdParam(c);
    const { data } = await readJson(c, overrideSchema);
    const caller = c.get('caller');
    const found = await getEvent(deps.database.db, caller.tenant, id);
    if (!found || found.row.type !== 'check') throw new ApiError('not_found', 'No such check for this tenant.');
    const original = found.row;
    const details = original.details as { overridable?: boolean } | null;
    if (original.decision !== 'warn' || original.wouldBlock) throw new ApiError('conflict', 'Only a warning can be overridden; this check was not a warning.');
    if (!details?.overridable) throw new ApiError('forbidden', 'This warning concerns a secret or a request for one; it cannot be overridden.');
    const [earlier] = await deps.database.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenant, caller.tenant), eq(auditEvents.linkedEventId, original.id), eq(auditEvents.type, 'override')));
    if (earlier) throw new ApiError('conflict', 'This warning was already overridden.', { overrideEventId: earlier.id });
    const now = deps.clock.now();
    const { row, treeHead } = await deps.writer.append(
      adminEvent(caller.tenant, 'override', now, caller.subject, { justification: maskFreeText(data.justification), originalDecision: original.decision }, {
        linkedEventId: original.id,
        decision: 'allow',
        rules: original.rules,
        kinds: original.kinds,
        policyVersion: original.policyVersion,
        threadId: original.threadId,
        direction: original.direction,
        visibility: original.visibility,
        platform: original.platform,
      }),
    );
    return c.json({ override: publicEvent(row), receipt: signReceipt(deps.keys.service, row, treeHead) }, 201);
  });
  return app;
}
