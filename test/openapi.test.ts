import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/api/docs-routes.ts';
import { SERVICE_VERSION } from '../src/version.ts';
import { BACKENDS } from './support/database.ts';
import { PUBLIC, ROUTES } from './support/routes.ts';
import { useTestService } from './support/service.ts';

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }
    >
  >;
};
const doc = openApiDocument(SERVICE_VERSION) as unknown as Doc;
const pointer = (...parts: string[]) =>
  `openapi.json#/${parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(structuredClone(doc), 'openapi.json');

/** The documented schema of an answer, or undefined when the document has none. */
function answerSchema(method: string, path: string, status: number, type = 'application/json') {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`${method} ${path} is not in the document`);
  const response = op.responses[String(status)];
  if (!response) throw new Error(`${method} ${path} does not document status ${status}`);
  if (!response.content?.[type])
    throw new Error(`${method} ${path} ${status} does not document ${type}`);
  return pointer('paths', path, method, 'responses', String(status), 'content', type, 'schema');
}

// the service's routes (hono's `:id`) as the document writes them; the console's pages and
// the reference page's assets are for browsers, not part of the API
const documentable = (path: string) => !path.startsWith('/console') && !path.startsWith('/docs/');

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const api = await SwaggerParser.validate(structuredClone(doc) as never);
    expect((api as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('names the scope each route requires, and no scope for the public ones', () => {
    const scopeOf = (name: string) => {
      const [method, path] = name.split(' ') as [string, string];
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] as
        | { 'x-scope'?: string; security?: unknown[] }
        | undefined;
      expect(op, name).toBeDefined();
      return op!;
    };
    for (const route of ROUTES)
      expect(scopeOf(route.name)['x-scope'], route.name).toBe(route.scope);
    for (const name of PUBLIC.filter((n) => documentable(n.split(' ')[1]!)))
      expect(scopeOf(name).security, name).toEqual([]);
  });

  it("holds each operation's examples to its schemas", () => {
    let examples = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const body = (op.requestBody as { content?: Record<string, { example?: unknown }> })
          ?.content?.['application/json'];
        if (body?.example === undefined) continue;
        const validate = ajv.getSchema(
          pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema'),
        )!;
        expect(
          validate(body.example),
          `${method} ${path}: ${ajv.errorsText(validate.errors)}`,
        ).toBe(true);
        examples++;
      }
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const [status, r] of Object.entries(op.responses)) {
          const json = r.content?.['application/json'] as { example?: unknown } | undefined;
          if (json?.example === undefined) continue;
          const validate = ajv.getSchema(answerSchema(method, path, Number(status)))!;
          expect(
            validate(json.example),
            `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`,
          ).toBe(true);
          examples++;
        }
    expect(examples).toBeGreaterThanOrEqual(7);
  });
});

describe.each(BACKENDS)('the running service against its document on %s', (backend) => {
  const env = useTestService(backend);

  it('documents every route the app serves, and nothing it does not', () => {
    const served = env.svc.app.routes
      .filter((r) => r.method !== 'ALL' && documentable(r.path))
      .map((r) => `${r.method} ${r.path}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect([...new Set(served)].sort()).toEqual(documented.sort());
  });

  /** Calls the service and holds the answer to the documented schema of its status. */
  const call = async (
    method: string,
    docPath: string,
    options: { path?: string; token?: string; body?: unknown; type?: string } = {},
  ) => {
    const res = await env.svc.app.request(options.path ?? docPath, {
      method: method.toUpperCase(),
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
    const schema = answerSchema(method, docPath, res.status, type);
    if (type === 'application/json') {
      const body = await res.json();
      const validate = ajv.getSchema(schema)!;
      expect(
        validate(body),
        `${method} ${docPath} ${res.status}: ${ajv.errorsText(validate.errors)}`,
      ).toBe(true);
      return { status: res.status, body };
    }
    return { status: res.status, body: await res.text() };
  };

  it('answers every operation as documented, errors included', async () => {
    const token = await env.svc.token('doc', [
      'check',
      'check:override',
      'audit:read',
      'audit:review',
      'audit:admin',
      'policy:admin',
    ]);
    const outbound = {
      direction: 'outbound',
      text: 'Saldo Pana konta wynosi 2 500,00 zł, a PIN to 4821.',
      channel: { platform: 'facebook', visibility: 'public' },
      agent: { id: 'agent-1' },
    };
    const warned = {
      direction: 'inbound',
      text: 'Mój numer to 600 700 800.',
      channel: { platform: 'x', visibility: 'public' },
    };
    const checked = await call('post', '/v1/check', { token, body: outbound });
    expect(checked.status).toBe(200);
    await call('post', '/v1/check', { token, body: { ...outbound, agent: undefined } });
    await call('post', '/v1/check', { body: outbound });
    const batch = await call('post', '/v1/check/batch', {
      token,
      body: { items: [outbound, warned, { direction: 'sideways' }] },
    });
    expect(batch.body.results[2].error.code).toBe('invalid_request');
    await call('post', '/v1/check/batch', { token, body: { items: [] } });
    const id = checked.body.audit.id as string;
    const list = await call('get', '/v1/audit/events', { token, path: '/v1/audit/events?limit=2' });
    expect(list.body.events.length).toBe(2);
    await call('get', '/v1/audit/events', { token, path: '/v1/audit/events?limit=0' });
    await call('get', '/v1/audit/events/{id}', { token, path: `/v1/audit/events/${id}` });
    await call('get', '/v1/audit/events/{id}', { token, path: '/v1/audit/events/nope' });
    const review = await call('post', '/v1/audit/events/{id}/reviews', {
      token,
      path: `/v1/audit/events/${id}/reviews`,
      body: { verdict: 'confirmed', note: 'a balance in public' },
    });
    expect(review.status).toBe(201);
    const warnedId = batch.body.results[1].audit.id as string;
    const override = await call('post', '/v1/audit/events/{id}/override', {
      token,
      path: `/v1/audit/events/${warnedId}/override`,
      body: { justification: 'The customer asked us to confirm the number publicly.' },
    });
    expect([201, 409]).toContain(override.status);
    const verify = await call('get', '/v1/audit/verify', { token });
    expect(verify.body.ok).toBe(true);
    await call('post', '/v1/audit/verify', {
      token,
      body: { receipts: [checked.body.receipt] },
    });
    await call('get', '/v1/audit/export', { token, path: '/v1/audit/export?format=csv' });
    await call('get', '/v1/audit/export', { token });
    await call('get', '/v1/audit/export/manifest', { token });
    await call('get', '/v1/audit/summary', { token });
    await call('get', '/v1/audit/checkpoints', { token });
    await call('post', '/v1/audit/fingerprints', { token, body: { customerId: 'fb:1' } });
    await call('get', '/v1/audit/stream', { token, path: '/v1/audit/stream?follow=false' });
    await call('get', '/v1/audit/stream', { token, path: '/v1/audit/stream?after=-1' });
    const action = await call('post', '/v1/threads/{id}/actions', {
      token,
      path: '/v1/threads/t-9/actions',
      body: { action: 'customer_contacted' },
    });
    expect(action.status).toBe(201);
    await call('post', '/v1/threads/{id}/actions', {
      token,
      path: '/v1/threads/t-9/actions',
      body: { action: 'deleted' },
    });
    await call('get', '/v1/care/summary', { token });
    await call('get', '/v1/care/summary', { token, path: '/v1/care/summary?from=yesterday' });
    await call('post', '/v1/audit/purge', { token, body: { olderThanDays: 365 } });
    await call('get', '/v1/audit/sinks', { token });
    await call('post', '/v1/audit/sinks/{name}/replay', {
      token,
      path: '/v1/audit/sinks/webhook/replay',
      body: { after: 0 },
    });
    await call('post', '/v1/audit/sinks/{name}/replay', {
      token,
      path: '/v1/audit/sinks/webhook/replay',
      body: { after: -1 },
    });
    await call('get', '/v1/policy', { token });
    await call('put', '/v1/policy', { token, body: { mode: 'monitor' } });
    await call('put', '/v1/policy', { token, body: { mode: 'sometimes' } });
    await call('post', '/v1/policy/simulate', { token, body: { policy: { mode: 'enforce' } } });
    await call('get', '/v1/policy/versions', { token });
    await call('get', '/v1/policy/versions/{version}', { token, path: '/v1/policy/versions/1' });
    await call('get', '/v1/policy/versions/{version}', { token, path: '/v1/policy/versions/99' });
    await call('get', '/v1/policy/versions/{version}/diff/{other}', {
      token,
      path: '/v1/policy/versions/0/diff/1',
    });
    await call('post', '/v1/policy/validate', { token, body: { mode: 'monitor' } });
    await call('post', '/v1/policy/rollback', { token, body: { version: 1 } });
    await call('post', '/v1/policy/rollback', { token, body: { version: 99 } });
    await call('get', '/healthz');
    await call('get', '/readyz');
    await call('get', '/metrics');
    await call('get', '/.well-known/jwks.json');
    await call('get', '/openapi.json');
    const page = await call('get', '/docs');
    expect(page.body).toContain('/docs/swagger-ui-bundle.js');
  });

  it('serves the reference page and its assets from the package, with no other origin', async () => {
    for (const path of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/docs/init.js']) {
      const res = await env.svc.app.request(path);
      expect(res.status, path).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    const page = await env.svc.app.request('/docs');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).not.toMatch(/https?:\/\//);
  });
});
