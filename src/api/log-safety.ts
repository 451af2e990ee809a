import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The request id of a request: the caller's `X-Request-Id` when it is a UUID, else a new
 * one. Hono's own check lets through any 255 word characters, enough for an IBAN.
 */
export function safeRequestId(header: string | undefined): string {
  return header !== undefined && UUID.test(header) ? header : randomUUID();
}

/**
 * What of an unknown error may be logged: its class, a database error code, and the
 * stack's frames ("    at …" lines, code locations). Never the message, nor the lines that
 * repeat it: drizzle's message lists the statement's parameters, values a caller sent.
 */
export function errorSummary(err: unknown): { type: string; code?: string; frames: string } {
  const e = err instanceof Error ? err : new Error('non-error thrown');
  const code = (e as { code?: unknown }).code ?? (e.cause as { code?: unknown } | undefined)?.code;
  // V8 writes "Name: message" and then the frames; the message may span lines of its own
  const head = `${e.name}${e.message ? `: ${e.message}` : ''}`;
  const stack = e.stack ?? '';
  const frames = (stack.startsWith(head) ? stack.slice(head.length) : '')
    .split('\n')
    .filter((line) => /^ {4}at \S/.test(line))
    .slice(0, 6)
    .join('\n');
  return {
    type: e.name,
    ...(typeof code === 'string' && /^[\w-]{1,32}$/.test(code) ? { code } : {}),
    frames,
  };
}
