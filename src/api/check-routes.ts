import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppDeps } from './deps.ts';
import { ApiError, validationError } from './errors.ts';
import {
  performCheck,
  performChecks,
  type BatchItem,
  type CheckOutcome,
} from '../service/check.ts';
import type { CheckInput } from '../service/check-types.ts';
import { DomainError } from '../errors.ts';
import { requireScope } from './auth.ts';
import { readJson } from './body.ts';
import { rateLimit, TenantBuckets } from './rate-limit.ts';
import { batchItemSchema, batchRequestSchema, checkRequestSchema } from './check-schema.ts';
import { idempotencyKeySchema } from './check-schema.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import { errorSummary } from './log-safety.ts';
import type { AppEnv } from './env.ts';
import type { Metrics } from './metrics.ts';

/** How long a check may take, from its arrival to its committed event, unless configured (CHECK_DEADLINE_MS). */
export const DEFAULT_CHECK_DEADLINE_MS = 2000;

/** Batches decided at once per process; more answer 429 with Retry-After. */
export const MAX_BATCHES_IN_FLIGHT = 4;

/** A batch's items share one deadline: the check's, and this much more per item. */
export const BATCH_DEADLINE_MS_PER_ITEM = 5;

/** An item of a batch that has no decision: why, in the API's error shape. */
export interface ItemError {
  error: { code: string; message: string; details?: unknown };
}

/** POST /v1/check, the pre-send and on-receive check, and POST /v1/check/batch. */
export function checkRoutes(deps: AppDeps, metrics: Metrics) {
  const app = new Hono<AppEnv>();
  const buckets = deps.rateLimit ? new TenantBuckets(deps.rateLimit) : null;
  const limit = buckets ? [rateLimit(buckets)] : [];
  const deadlineMs = deps.checkDeadlineMs ?? DEFAULT_CHECK_DEADLINE_MS;
  // the whole request inside the service, authentication and body included, whatever its answer
  const timed: MiddlewareHandler<AppEnv> = async (_c, next) => {
    const stop = metrics.latency.startTimer();
    try {
      await next();
    } finally {
      stop();
    }
  };
  const counted = (input: CheckInput, outcome: CheckOutcome) => {
    metrics.checks.inc({
      decision: outcome.decision,
      direction: input.direction,
      visibility: input.channel.visibility,
    });
    for (const kind of outcome.kinds) metrics.findings.inc({ kind });
  };
  const scope = requireScope('check', deps.keys.accessKeys, deps.auth);

  app.post('/', timed, scope, ...limit, async (c) => {
    // the deadline counts from the request's arrival (the helpdesk tool's clock is running)
    const deadline = c.get('startedAt') + deadlineMs;
    const { data, raw } = await readJson(c, checkRequestSchema);
    const key = headerKey(c);
    const outcome = await performCheck(
      deps,
      c.get('caller'),
      data,
      key === undefined ? '' : canonicalJson(data),
      key,
      deadline,
      raw,
    );
    counted(data, outcome);
    return c.json(outcome.body);
  });

  // Each item is decided and audited exactly as a single check; they are started together,
  // so their events reach the writer in the same turn and commit in as few transactions as
  // its batch size allows. An item that fails (invalid, a conflicting idempotency key, its
  // event not committed) answers its error in its place; the others are unaffected.
  let batchesInFlight = 0;
  app.post('/batch', scope, async (c) => {
    const caller = c.get('caller');
    // a batch is retried item by item: a key for the whole would hide which items it covers
    if (c.req.header('idempotency-key') !== undefined)
      throw new ApiError(
        'invalid_request',
        'Idempotency-Key: give each item its own idempotencyKey instead.',
        [{ field: 'Idempotency-Key', message: 'give each item its own idempotencyKey instead' }],
      );
    // refused before its body is read, when the tenant has nothing left
    buckets?.admit(c, caller.tenant);
    // a few batches at once per process: together they could fill the writer's queue, and
    // every tenant's checks would then answer 503
    if (batchesInFlight >= MAX_BATCHES_IN_FLIGHT) {
      c.header('retry-after', '1');
      throw new ApiError('rate_limited', 'Too many batches in progress; retry after 1 s.');
    }
    batchesInFlight++;
    try {
      return await batch(c);
    } finally {
      batchesInFlight--;
    }
  });

  const batch = async (c: Context<AppEnv>) => {
    const { data } = await readJson(c, batchRequestSchema);
    const caller = c.get('caller');
    buckets?.take(c, caller.tenant, data.items.length);
    const deadline =
      c.get('startedAt') + deadlineMs + data.items.length * BATCH_DEADLINE_MS_PER_ITEM;
    const results: unknown[] = new Array(data.items.length);
    const valid: BatchItem[] = [];
    const places: number[] = [];
    data.items.forEach((item, i) => {
      const parsed = batchItemSchema.safeParse(item);
      if (!parsed.success) {
        results[i] = itemError(validationError(parsed.error));
        return;
      }
      const { idempotencyKey, ...input } = parsed.data;
      // an item's fingerprint for idempotency: its canonical form, without the key itself
      valid.push({
        input,
        raw: idempotencyKey === undefined ? '' : canonicalJson(input),
        idempotencyKey,
      });
      places.push(i);
    });
    const outcomes = valid.length > 0 ? await performChecks(deps, caller, valid, deadline) : [];
    let unavailable: DomainError | undefined;
    outcomes.forEach((outcome, j) => {
      const i = places[j]!;
      if (outcome instanceof DomainError) {
        if (outcome.code === 'audit_unavailable') unavailable ??= outcome;
        if (outcome.code === 'internal')
          c.get('log')?.error({ err: errorSummary(outcome.cause) }, 'batch item failed');
        else if (outcome.code === 'audit_unavailable')
          c.get('log')?.warn(
            { code: outcome.code, cause: errorSummary(outcome.cause) },
            'batch item not recorded',
          );
        results[i] = itemError(outcome);
      } else {
        counted(valid[j]!.input, outcome);
        results[i] = outcome.body;
      }
    });
    // nothing could be recorded (the store is down): a 503 for the batch, to retry as a whole
    if (
      unavailable &&
      outcomes.length === data.items.length &&
      outcomes.every((o) => o instanceof DomainError && o.code === 'audit_unavailable')
    )
      throw unavailable;
    return c.json({ results });
  };
  return app;
}

function itemError(err: DomainError): ItemError {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details !== undefined ? { details: err.details } : {}),
    },
  };
}

// stored with the event: printable ASCII only, as the Idempotency-Key draft's keys are
function headerKey(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !idempotencyKeySchema.safeParse(key).success) {
    throw new ApiError(
      'invalid_request',
      'Idempotency-Key: must be 1 to 200 printable ASCII characters.',
      [{ field: 'Idempotency-Key', message: 'must be 1 to 200 printable ASCII characters' }],
    );
  }
  return key;
}
