import { z } from 'zod';
import type { ErrorCode } from '../../errors.ts';
import { ERROR_STATUS } from '../errors.ts';
import { errorResponseSchema } from '../response-schemas.ts';
import { SCOPES, type Operation } from './operation.ts';

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a request (`input`) or an answer (`output`). */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...out } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return tidy(out) as Record<string, unknown>;
}

// What JSON Schema says by default, said again by zod: `additionalProperties: {}` (any
// member allowed: the default) and an integer's safe-integer bounds. Left out, viewers
// stop inventing "additionalProp1" and -9007199254740991 for the examples.
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'additionalProperties' && isEmptyObject(v)) continue;
    if (k === 'minimum' && v === Number.MIN_SAFE_INTEGER) continue;
    if (k === 'maximum' && v === Number.MAX_SAFE_INTEGER) continue;
    out[k] = tidy(v);
  }
  return out;
}

const isEmptyObject = (v: unknown) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

/** The error codes an operation can answer: its own and those of its kind. */
export function errorCodes(op: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>(op.errors ?? []);
  if (op.scope) {
    codes.add('unauthorized');
    codes.add('forbidden');
  }
  if (op.body) {
    codes.add('invalid_request');
    codes.add('payload_too_large');
    codes.add('unsupported_media_type');
  }
  if (op.query || op.params) codes.add('invalid_request');
  if (op.path.startsWith('/v1/')) codes.add('audit_unavailable');
  codes.add('internal');
  return [...codes];
}

const ERROR_TEXT: Record<ErrorCode, string> = {
  invalid_request: 'the body, a parameter or a header is invalid; `details` names the fields',
  unauthorized: 'no token, or a token that does not verify',
  forbidden: 'the token lacks the scope',
  not_found: 'no such resource for this tenant',
  idempotency_conflict: 'the Idempotency-Key was used for a different request',
  conflict: 'the change conflicts with the current state',
  precondition_failed:
    'If-Match names a version that is no longer in force (or is malformed); read the policy again',
  payload_too_large: 'the body is larger than the limit',
  unsupported_media_type: 'the body is not application/json',
  rate_limited: "past the tenant's rate; wait for Retry-After",
  internal: 'a fault of the service; the request id identifies it in the logs',
  audit_unavailable:
    'the audit store cannot record or read now; nothing may be sent; retry after Retry-After',
  not_ready: 'the service is starting or stopping',
};

/**
 * The OpenAPI 3.1 document of `operations`: paths, parameters, bodies, answers, scopes and
 * error codes, every schema generated from the zod schemas the routes use.
 */
export function buildDocument(
  operations: readonly Operation[],
  info: { title: string; version: string; description: string },
  /** JSON Schemas the operations refer to by name. */
  shared: Record<string, Record<string, unknown>> = {},
): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    ...shared,
    Error: jsonSchema(errorResponseSchema, 'output'),
  };
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters: unknown[] = [];
    for (const [name, description] of Object.entries(op.params ?? {}))
      parameters.push({
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'string' },
      });
    if (op.query) {
      const shape = op.query.shape as Record<string, z.ZodType>;
      for (const [name, field] of Object.entries(shape)) {
        const schema = jsonSchema(field, 'input');
        parameters.push({
          name,
          in: 'query',
          required: !field.safeParse(undefined).success,
          ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
          schema,
        });
      }
    }
    for (const h of op.headers ?? [])
      parameters.push({
        name: h.name,
        in: 'header',
        required: false,
        description: h.description,
        schema: jsonSchema(h.schema, 'input'),
      });
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      let content: Record<string, unknown> | undefined;
      if (r.schema || r.jsonSchema) {
        const schema = r.jsonSchema ?? jsonSchema(r.schema!, 'output');
        if (r.name) schemas[r.name] = schema;
        content = {
          'application/json': {
            schema: r.name ? ref(r.name) : schema,
            ...(r.example !== undefined ? { example: r.example } : {}),
          },
        };
      }
      if (r.content) content = { ...content, ...r.content };
      responses[status] = { description: r.description, ...(content ? { content } : {}) };
    }
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of errorCodes(op)) {
      const status = ERROR_STATUS[code];
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0]))
      responses[String(status)] = {
        description: codes.map((c) => `\`${c}\`: ${ERROR_TEXT[c]}`).join('; '),
        content: { 'application/json': { schema: ref('Error') } },
        ...(status === 429 || status === 503
          ? {
              headers: {
                'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
              },
            }
          : {}),
      };
    let requestBody: unknown;
    if (op.body) {
      schemas[op.body.name] = jsonSchema(op.body.schema, 'input');
      requestBody = {
        required: true,
        content: {
          'application/json': {
            schema: ref(op.body.name),
            ...(op.body.example !== undefined ? { example: op.body.example } : {}),
          },
        },
      };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description || op.scope
        ? {
            description: [op.description, op.scope ? `Scope: \`${op.scope}\`.` : undefined]
              .filter(Boolean)
              .join('\n\n'),
          }
        : {}),
      ...(op.scope
        ? { security: [{ bearer: [op.scope] }], 'x-scope': op.scope }
        : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: `A JWT with the tenant and scopes: ${Object.entries(SCOPES)
            .map(([s, d]) => `\`${s}\` (${d})`)
            .join(', ')}.`,
        },
      },
    },
  };
}
