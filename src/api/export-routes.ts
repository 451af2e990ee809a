import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { AppDeps } from './deps.ts';
import { currentHead, signManifest, writeExport } from '../audit/export.ts';
import type { EventFilter } from '../audit/query.ts';
import { requireScope } from './auth.ts';
import { exportSchema, parseQuery, queryOf } from './audit-schemas.ts';
import type { AppEnv } from './env.ts';

type Manifest = Parameters<typeof signManifest>[1];

/**
 * The download's file name: ASCII for `filename` (a header value cannot carry anything else,
 * and a tenant name from a token may), the tenant as written in `filename*` (RFC 6266/8187).
 */
export function exportFileName(tenant: string, through: number, format: string): string {
  const ascii = tenant.replace(/[^\w.-]/g, '_');
  const encoded = encodeURIComponent(tenant).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="sargas-audit-${ascii}-${through}.${format}"; filename*=UTF-8''sargas-audit-${encoded}-${through}.${format}`;
}

/**
 * GET /v1/audit/export and /export/manifest. The export covers events up to the head at the
 * time of the request (`through`), so the manifest endpoint can recompute the same bytes
 * later. JSON Lines end with the signed manifest as their last line; for CSV ask
 * /export/manifest with the same query and `through`.
 */
export function exportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('audit:read', deps.keys.accessKeys, deps.auth);
  const db = deps.database.db;
  /** The manifest of an export, dated and signed with the service key. */
  const signed = (content: Omit<Manifest, 'generatedAt'>) => {
    const manifest: Manifest = { ...content, generatedAt: deps.clock.now().toISOString() };
    return { manifest, jws: signManifest(deps.keys.service, manifest) };
  };

  app.get('/export', read, async (c) => {
    const q = parseQuery(exportSchema, queryOf(c));
    const tenant = c.get('caller').tenant;
    const through = q.through ?? (await currentHead(db, tenant));
    const { format, through: _t, ...filters } = q;
    c.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    c.header('content-disposition', exportFileName(tenant, through, format));
    c.header('x-sargas-export-through', String(through));
    return stream(c, async (out) => {
      const digest = await writeExport(
        db,
        tenant,
        filters as EventFilter,
        format,
        through,
        (chunk) => out.write(chunk).then(() => undefined),
      );
      if (format === 'jsonl') {
        await out.write(
          `${JSON.stringify(signed({ tenant, format, filters: filters as EventFilter, through, ...digest }))}\n`,
        );
      }
    });
  });

  app.get('/export/manifest', read, async (c) => {
    const q = parseQuery(exportSchema, queryOf(c));
    const tenant = c.get('caller').tenant;
    const through = q.through ?? (await currentHead(db, tenant));
    const { format, through: _t, ...filters } = q;
    const digest = await writeExport(
      db,
      tenant,
      filters as EventFilter,
      format,
      through,
      async () => {},
    );
    return c.json(signed({ tenant, format, filters: filters as EventFilter, through, ...digest }));
  });
  return app;
}
