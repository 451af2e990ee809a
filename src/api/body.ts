import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.ts';
import type { AppEnv } from './env.ts';
import { validationError } from './errors.ts';

/** The largest body accepted unless the app is given another limit. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** How much of an oversized body is read and dropped before the 413 (beyond it the connection is closed). */
const DRAIN_BYTES = 1024 * 1024;

const tooLarge = (limit: number) =>
  new ApiError('payload_too_large', `The body is larger than ${limit} bytes.`);

/**
 * Sets the body size limit and refuses a body whose declared length is over it before
 * anything reads it; `readJson` enforces the limit on bodies sent without a length.
 * (Hono's bodyLimit middleware reads `c.req.raw.body`, which makes @hono/node-server build
 * a WHATWG Request for every request; see readBody.)
 */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('maxBodyBytes', maxBytes);
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
    await next();
  };
}

/**
 * The body as text, refused with 413 as soon as it passes the limit. Under
 * @hono/node-server it is read straight from Node's request stream: `c.req.text()` would
 * build a WHATWG Request with an AbortController and web streams per check, objects that
 * outlive V8's young-generation collections and pile up for full ones, whose pauses were
 * the service's slowest moments under load (docs/performance.md). In-process requests
 * (`app.request`) carry their body in a Request.
 */
async function readBody(c: Context<AppEnv>): Promise<string> {
  const limit = c.get('maxBodyBytes') ?? DEFAULT_MAX_BODY_BYTES;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  };
  if (incoming) {
    const read = await readIncoming(incoming, limit);
    if (read.over) throw tooLarge(limit);
    return decode(read.chunks, read.size);
  }
  if (c.req.raw.body) {
    const reader = c.req.raw.body.getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) take(r.value);
    } finally {
      reader.releaseLock();
    }
  }
  return decode(chunks, size);
}

/** The body's text, decoded once, whole (a letter's bytes may be split between chunks). */
function decode(chunks: Uint8Array[], size: number): string {
  const text = Buffer.concat(chunks, size).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte order mark, as fetch's text() drops it
}

/**
 * Node's request stream read by its events (a `for await` over it builds an async iterator
 * and end-of-stream watchers per request, ~1.5% of a check's CPU). Past the limit the rest
 * is read and dropped, up to DRAIN_BYTES more, before the 413: closing a socket the client is
 * still writing to resets it, and the reset can destroy the 413 before the client reads it
 * (it then sees ECONNRESET, not why). Beyond that the stream is destroyed.
 */
function readIncoming(
  incoming: IncomingMessage,
  limit: number,
): Promise<{ chunks: Buffer[]; size: number; over: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    if (incoming.readableEnded) return resolve({ chunks, size, over });
    if (incoming.destroyed)
      return reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    // the error listener stays: a stream error with none would be thrown as uncaught
    const finish = (err?: Error) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('close', onClose);
      if (err) reject(err);
      else resolve({ chunks, size, over });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (!over && size > limit) over = true;
      if (!over) chunks.push(chunk);
      else if (size > limit + DRAIN_BYTES) {
        finish();
        incoming.destroy();
      }
    };
    const onEnd = () => finish();
    // the client went away before the body ended
    const onClose = () =>
      finish(
        incoming.complete ? undefined : Object.assign(new Error('aborted'), { code: 'ECONNRESET' }),
      );
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', finish);
    incoming.on('close', onClose);
  });
}

/** Reads a JSON body: 415 unless it is JSON, 413 past the size limit, 400 if it does not parse or validate. Returns the raw text too. */
export async function readJson<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<{ data: z.infer<S>; raw: string }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(type))
    throw new ApiError('unsupported_media_type', 'Send the body as application/json.');
  const raw = await readBody(c);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError('invalid_request', 'The body is not valid JSON.');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw validationError(result.error);
  return { data: result.data, raw };
}
