import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { publicEvent } from '../audit/query.ts';
import { eventsAfter } from '../audit/stream.ts';
import { parseQuery } from './audit-schemas.ts';
import { ApiError } from './errors.ts';
import { requireScope } from './auth.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { streamQuerySchema } from './stream-schemas.ts';

const PAGE = 500;

/** Follow streams open at once, per process and per tenant: each reads the chain as it moves, so together they could hold the database pool the checks need. */
export const MAX_STREAMS = 32;
export const MAX_STREAMS_PER_TENANT = 4;

/**
 * GET /v1/audit/stream?after=: the tenant's events after `after` as NDJSON, one per line in
 * the shape of /v1/audit/events, then each new one as it is committed, until the client
 * closes (or the service shuts down: resume with after= the last seq received). New events
 * are found by reading the chain on from the last seq sent, woken by this process's
 * commits and at least every poll interval (another replica's commits).
 */
export function streamRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);
  const pollMs = deps.stream?.pollMs ?? 1000;
  const heartbeatMs = deps.stream?.heartbeatMs ?? 15_000;

  let open = 0;
  const openBy = new Map<string, number>();

  app.get('/stream', read, async (c) => {
    const q = parseQuery(streamQuerySchema, c.req.query());
    const tenant = c.get('caller').tenant;
    if (q.follow && (open >= MAX_STREAMS || (openBy.get(tenant) ?? 0) >= MAX_STREAMS_PER_TENANT)) {
      c.header('retry-after', '5');
      throw new ApiError(
        'rate_limited',
        'Too many audit streams are open; close one or retry after 5 s.',
      );
    }
    // counted at once, so concurrent requests cannot all pass the cap
    open++;
    openBy.set(tenant, (openBy.get(tenant) ?? 0) + 1);
    c.header('content-type', 'application/x-ndjson');
    c.header('x-accel-buffering', 'no');
    return stream(
      c,
      async (out) => {
        let after = q.after;
        let wake: (() => void) | null = null;
        let woken = false;
        // only this tenant's commits wake it (another replica's arrive with the poll)
        const unsubscribe = deps.writer.onAnyCommit((tenants) => {
          if (!tenants.has(tenant)) return;
          woken = true;
          wake?.();
        });
        out.onAbort(() => wake?.());
        let lastWrite = Date.now();
        // a console session says for itself; a token holds until it expires
        const caller = c.get('caller');
        const valid =
          c.get('stillValid') ??
          (() => caller.expiresAt === undefined || Date.now() < caller.expiresAt * 1000);
        try {
          while (!out.aborted && !deps.lifecycle?.draining) {
            // the token expired or the session ended: the stream ends, with a line saying why
            if (!valid()) {
              await out.write(`${JSON.stringify({ end: 'credentials_expired', after })}\n`);
              break;
            }
            woken = false;
            const rows = await eventsAfter(deps.database.db, tenant, after, PAGE);
            if (rows.length > 0) {
              await out.write(rows.map((r) => `${JSON.stringify(publicEvent(r))}\n`).join(''));
              after = rows[rows.length - 1]!.seq;
              lastWrite = Date.now();
              if (rows.length === PAGE) continue;
            }
            if (!q.follow) break;
            if (Date.now() - lastWrite >= heartbeatMs) {
              await out.write(
                `${JSON.stringify({ heartbeat: new Date().toISOString(), after })}\n`,
              );
              lastWrite = Date.now();
            }
            if (woken) continue;
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, Math.min(pollMs, heartbeatMs));
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = null;
          }
        } finally {
          unsubscribe();
          open--;
          const left = (openBy.get(tenant) ?? 1) - 1;
          if (left > 0) openBy.set(tenant, left);
          else openBy.delete(tenant);
        }
      },
      async (err) => {
        // the database went away, say: the stream ends and the client resumes with after=
        c.get('log').warn({ err: { type: err.name } }, 'audit stream ended');
      },
    );
  });
  return app;
}
