import type { z } from 'zod';
import type { ErrorCode } from '../../errors.ts';

/** The scopes a bearer token can carry (docs/architecture.md; API.md). */
export const SCOPES = {
  check: 'Check messages (POST /v1/check, /v1/check/batch)',
  'check:override': 'Let a warned message through with a justification',
  'audit:read': 'Read, verify and export the audit log',
  'audit:review': 'Review events',
  'audit:admin': 'Purge events past retention; see and replay the sinks',
  'policy:admin': "Read and change the tenant's policy",
} as const;

export type Scope = keyof typeof SCOPES;

/** A response body: a zod schema (named as a component), a JSON Schema, or raw content. */
export interface ResponseDoc {
  description: string;
  /** Registered under this name in components.schemas. */
  name?: string;
  schema?: z.ZodType;
  /** A JSON Schema given as it is (the audit event, read from its columns). */
  jsonSchema?: Record<string, unknown>;
  /** Other media types than application/json, each with a schema of its own or none. */
  content?: Record<string, { schema?: Record<string, unknown> }>;
  example?: unknown;
}

/**
 * One endpoint as the OpenAPI document describes it. The schemas are the same objects the
 * route validates with; test/openapi.test.ts holds the list to the app's routes and the
 * running service's answers to the documented ones.
 */
export interface Operation {
  method: 'get' | 'post' | 'put';
  /** In OpenAPI's form: `/v1/audit/events/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** null: public. */
  scope: Scope | null;
  params?: Record<string, string>;
  query?: z.ZodObject;
  headers?: Array<{ name: string; description: string; schema: z.ZodType }>;
  body?: { name: string; schema: z.ZodType; example?: unknown };
  responses: Record<number, ResponseDoc>;
  /** Error codes beyond those every endpoint of its kind has (401, 403, 400, 413, 415, 503). */
  errors?: ErrorCode[];
}
