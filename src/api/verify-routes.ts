import { Hono, type Context } from 'hono';
import type { AppDeps } from './deps.ts';
import { readHeld, type Held } from '../audit/held.ts';
import { publishedKeys } from '../audit/service-keys.ts';
import { verifyLog } from '../audit/verify.ts';
import { ApiError } from './errors.ts';
import { errorSummary } from './log-safety.ts';
import { requireScope } from './auth.ts';
import { heldQuery, heldSchema, parseQuery, type HeldInput } from './audit-schemas.ts';
import { readJson } from './body.ts';
import type { AppEnv } from './env.ts';

/**
 * GET /v1/audit/verify (optionally ?checkpoint=…&receipt=…) and POST /v1/audit/verify with
 * `{ checkpoint, receipt, checkpoints, receipts }`: the tenant's log verified in one
 * snapshot, and each checkpoint or receipt an officer holds (and every checkpoint the
 * witness holds) proven to be in it, with RFC 6962 inclusion and consistency proofs to check
 * offline (`sargas verify-proof`).
 */
export function verifyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);

  const answer = async (c: Context<AppEnv>, input: HeldInput) => {
    const tenant = c.get('caller').tenant;
    const keys = await publishedKeys(deps.database.db, deps.keys.service);
    const held: Held[] = [];
    const take = (kind: 'checkpoint' | 'receipt', value: string, field: string) => {
      const h = readHeld(kind, value, keys);
      if (!h)
        throw new ApiError(
          'invalid_request',
          `${field}: not signed by this service (or not a ${kind}).`,
          [{ field, message: `not a ${kind} signed by this service` }],
        );
      if ((h.kind === 'receipt' ? h.receipt.tenant : h.head.tenant) !== tenant)
        throw new ApiError('invalid_request', `${field}: a ${kind} of another tenant.`, [
          { field, message: `a ${kind} of another tenant` },
        ]);
      held.push(h);
    };
    if (input.checkpoint) take('checkpoint', input.checkpoint, 'checkpoint');
    if (input.receipt) take('receipt', input.receipt, 'receipt');
    for (const [i, v] of (input.checkpoints ?? []).entries())
      take('checkpoint', v, `checkpoints.${i}`);
    for (const [i, v] of (input.receipts ?? []).entries()) take('receipt', v, `receipts.${i}`);
    // every checkpoint the witness holds: truncation and rewriting are caught without anyone
    // holding one, also once the service has appended past a truncation again. A witness that
    // cannot be read proves nothing: the report says so rather than pass without it (a
    // truncation only the witness would show would go unseen)
    let witnessed: string[] = [];
    let witnessProblem: string | null = null;
    try {
      witnessed = deps.witness ? await deps.witness.checkpoints(tenant) : [];
    } catch (err) {
      witnessProblem = 'the witness could not be read: the log was not held against it';
      c.get('log')?.warn({ cause: errorSummary(err) }, 'witness unreadable');
    }
    for (const jws of witnessed) {
      const h = readHeld('witness', jws, keys);
      if (h && h.kind !== 'receipt' && h.head.tenant === tenant) held.push(h);
      else witnessProblem = 'the witness holds a checkpoint the service did not sign';
    }
    const report = await verifyLog(deps.database, tenant, {
      keys,
      held,
      signing: { key: deps.keys.service, clock: deps.clock },
    });
    if (witnessProblem) {
      report.breaks.push({ seq: null, id: null, reason: witnessProblem });
      report.breakCount++;
      report.ok = false;
      report.brokenAt ??= report.breaks[0];
    }
    return c.json(report);
  };

  app.get('/verify', read, async (c) => answer(c, parseQuery(heldQuery, c.req.query())));
  app.post('/verify', read, async (c) => answer(c, (await readJson(c, heldSchema)).data));
  return app;
}
