import type { components, operations } from './openapi-types.ts';

// A typed client of the Sargas API, for helpdesk integrations and scripts. It imports
// nothing of the service: its types are generated from the OpenAPI document
// (src/client/openapi-types.ts), so it can be copied into a bank's code base as it is.

type Schemas = components['schemas'];
export type CheckRequest = Schemas['CheckRequest'];
export type CheckResponse = Schemas['CheckResponse'];
export type BatchItem = Schemas['BatchRequest']['items'][number];
export type ItemError = Schemas['Error'];
export type AuditEvent = Schemas['AuditEvent'];
export type EventFilter = NonNullable<operations['listEvents']['parameters']['query']>;
export type ExportQuery = NonNullable<operations['exportEvents']['parameters']['query']>;
export type Policy = Schemas['Policy'];
export type PolicyDocument = Schemas['PolicyDocument'];
export type VerifyReport = Schemas['VerifyReport'];
export type Review = Schemas['Review'];
export type ReviewRequest = Schemas['ReviewRequest'];
export type Summary = Schemas['Summary'];
export type Simulation = Schemas['Simulation'];

/** The most items the service takes in one batch call; `checkBatch` splits larger lists. */
export const MAX_BATCH_ITEMS = 1000;

/** An error answer of the service, with its stable code (`invalid_request`, `audit_unavailable` …). */
export class SargasError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = 'SargasError';
  }
}

export interface ClientOptions {
  /** The service's base URL, e.g. `https://sargas.bank.internal`. */
  baseUrl: string;
  /** A bearer token, or a function that returns a fresh one for each request. */
  token: string | (() => string | Promise<string>);
  /** Tries per request on 429 and 503 (honouring Retry-After) and network errors; default 4. A Retry-After longer than `maxDelayMs` is answered by throwing, not by retrying early. */
  attempts?: number;
  /** The longest wait between tries, in milliseconds; default 10,000. */
  maxDelayMs?: number;
  /** Per try until the answer's headers arrive, in milliseconds; default 10,000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Waits between tries (tests replace it). */
  sleep?: (ms: number) => Promise<void>;
}

const RETRIED = new Set([429, 503]);

/**
 * The client. A check is never sent twice without the same Idempotency-Key: each call gets
 * one (the caller's, or a random one), so a retry after a 503 whose outcome was unknown
 * returns the decision that was recorded instead of recording a second one.
 */
export class SargasClient {
  private readonly base: string;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** POST /v1/check: may this message go out (or what did the customer expose)? */
  async check(request: CheckRequest, options: { idempotencyKey?: string } = {}) {
    return (await this.json('POST', '/v1/check', {
      body: request,
      headers: { 'idempotency-key': options.idempotencyKey ?? crypto.randomUUID() },
    })) as CheckResponse;
  }

  /**
   * POST /v1/check/batch, in calls of at most 1,000 items and 6 MiB: one result per item, in
   * order, a check response or the item's error. Items without a key get one, and items the
   * service could not record (`audit_unavailable`) are sent again with the same keys, so
   * nothing is recorded twice. Give your own `idempotencyKey`s (e.g. the helpdesk's reply
   * id) to make a retry of the whole call safe as well. If a call fails for good, a
   * `BatchIncomplete` carries the results of the calls before it: their events are committed.
   */
  async checkBatch(items: readonly BatchItem[]): Promise<Array<CheckResponse | ItemError>> {
    const keyed = items.map((item) => ({
      ...item,
      idempotencyKey: item.idempotencyKey ?? crypto.randomUUID(),
    }));
    const results: Array<CheckResponse | ItemError> = [];
    for (const chunk of chunks(keyed)) {
      try {
        results.push(...(await this.batchCall(chunk)));
      } catch (err) {
        throw new BatchIncomplete(results, err);
      }
    }
    return results;
  }

  // one call, then the items not recorded again (same keys), as long as tries are left
  private async batchCall(items: BatchItem[]): Promise<Array<CheckResponse | ItemError>> {
    const answer = (await this.json('POST', '/v1/check/batch', { body: { items } })) as {
      results: Array<CheckResponse | ItemError>;
    };
    const results = answer.results;
    for (let attempt = 1; attempt < (this.options.attempts ?? 4); attempt++) {
      const again = results.flatMap((r, i) =>
        'error' in r && r.error.code === 'audit_unavailable' ? [i] : [],
      );
      if (again.length === 0) break;
      await this.sleep(this.backoff(attempt, '1'));
      const retried = (await this.json('POST', '/v1/check/batch', {
        body: { items: again.map((i) => items[i]!) },
      })) as { results: Array<CheckResponse | ItemError> };
      again.forEach((i, j) => {
        results[i] = retried.results[j]!;
      });
    }
    return results;
  }

  /** Every event matching `filter`, newest first, page after page. */
  async *events(filter: EventFilter = {}): AsyncGenerator<AuditEvent> {
    let cursor: string | undefined = filter.cursor;
    do {
      const page = (await this.json('GET', '/v1/audit/events', {
        query: { ...filter, ...(cursor ? { cursor } : {}) },
      })) as { events: AuditEvent[]; nextCursor: string | null };
      yield* page.events;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** GET /v1/audit/events/:id, with its reviews. */
  async event(id: string) {
    return (await this.json('GET', `/v1/audit/events/${encodeURIComponent(id)}`)) as AuditEvent & {
      reviews: Review[];
    };
  }

  /** POST /v1/audit/events/:id/reviews. */
  async review(id: string, review: ReviewRequest) {
    return (await this.json('POST', `/v1/audit/events/${encodeURIComponent(id)}/reviews`, {
      body: review,
      once: true,
    })) as Review;
  }

  /** GET /v1/audit/verify: whether the tenant's chain is intact. */
  async verify() {
    return (await this.json('GET', '/v1/audit/verify')) as VerifyReport;
  }

  /** GET /v1/audit/summary. */
  async summary(filter: Omit<EventFilter, 'cursor' | 'limit'> = {}) {
    return (await this.json('GET', '/v1/audit/summary', { query: filter })) as Summary;
  }

  /**
   * GET /v1/audit/export, streamed: the lines as they arrive (JSON Lines: one event per
   * line, the signed manifest last; CSV: the header first).
   */
  async *exportLines(query: ExportQuery = {}): AsyncGenerator<string> {
    const res = await this.send('GET', '/v1/audit/export', { query });
    if (!res.body) return;
    const decoder = new TextDecoder();
    let rest = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      rest += decoder.decode(chunk, { stream: true });
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line !== '') yield line;
    }
    rest += decoder.decode();
    if (rest !== '') yield rest;
  }

  /** GET /v1/policy. */
  async getPolicy(): Promise<Policy & { etag: string | null }> {
    const res = await this.send('GET', '/v1/policy', {});
    return { ...((await res.json()) as Policy), etag: res.headers.get('etag') };
  }

  /** PUT /v1/policy: a new version (with `ifMatch`, refused when the policy changed since). */
  async putPolicy(policy: PolicyDocument, options: { ifMatch?: string } = {}) {
    return (await this.json('PUT', '/v1/policy', {
      body: policy,
      headers: options.ifMatch ? { 'if-match': options.ifMatch } : {},
      once: true,
    })) as Policy;
  }

  /** POST /v1/policy/simulate: what a candidate policy would have decided on the history. */
  async simulatePolicy(policy: PolicyDocument, range: { from?: string; to?: string } = {}) {
    return (await this.json('POST', '/v1/policy/simulate', {
      body: { policy, ...range },
    })) as Simulation;
  }

  private async json(method: string, path: string, request: Request = {}): Promise<unknown> {
    return (await this.send(method, path, request)).json();
  }

  /**
   * One request, tried again on 429, 503 and network failures; a request marked `once`
   * (it changes something and carries no idempotency key) only on 429, which the service
   * answers before doing anything. The timeout covers each try until its headers arrive:
   * a streamed export may take as long as it takes.
   */
  private async send(method: string, path: string, request: Request): Promise<Response> {
    const attempts = this.options.attempts ?? 4;
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(request.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    for (let attempt = 1; ; attempt++) {
      const token =
        typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), this.options.timeoutMs ?? 10_000);
      let res: Response;
      try {
        res = await this.fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...request.headers,
          },
          ...(body !== undefined ? { body } : {}),
          signal: abort.signal,
        });
      } catch (err) {
        if (request.once || attempt >= attempts) throw err;
        await this.sleep(this.backoff(attempt, null));
        continue;
      } finally {
        clearTimeout(timer);
      }
      if (res.ok) return res;
      const retried = request.once ? res.status === 429 : RETRIED.has(res.status);
      if (retried && attempt < attempts) {
        const wait = this.backoff(attempt, res.headers.get('retry-after'));
        // the service asks for longer than this client may wait: say so, do not retry early
        if (wait <= (this.options.maxDelayMs ?? 10_000)) {
          await res.body?.cancel();
          await this.sleep(wait);
          continue;
        }
      }
      throw await errorOf(res);
    }
  }

  // Retry-After when the service gives it, else exponential with full jitter
  private backoff(attempt: number, retryAfter: string | null): number {
    const max = this.options.maxDelayMs ?? 10_000;
    const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    return Math.random() * Math.min(max, 200 * 2 ** attempt);
  }
}

/** A batch that failed part-way: the results of the calls that were answered (their events are committed), and why the rest failed. */
export class BatchIncomplete extends Error {
  constructor(
    readonly results: Array<CheckResponse | ItemError>,
    override readonly cause: unknown,
  ) {
    super(
      `checkBatch stopped after ${results.length} results: ${(cause as Error)?.message ?? cause}`,
    );
    this.name = 'BatchIncomplete';
  }
}

/** The largest batch body the client sends (the service takes 8 MiB unless configured). */
const MAX_BATCH_BYTES = 6 * 1024 * 1024;

// calls of at most 1,000 items and MAX_BATCH_BYTES each
function chunks(items: BatchItem[]): BatchItem[][] {
  const out: BatchItem[][] = [];
  let current: BatchItem[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = new TextEncoder().encode(JSON.stringify(item)).length + 1;
    if (
      current.length > 0 &&
      (current.length >= MAX_BATCH_ITEMS || bytes + size > MAX_BATCH_BYTES)
    ) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Request {
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Changes something without an idempotency key: retried only on 429. */
  once?: boolean;
}

async function errorOf(res: Response): Promise<SargasError> {
  const body = (await res.json().catch(() => null)) as ItemError | null;
  return new SargasError(
    res.status,
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? `HTTP ${res.status}`,
    body?.error?.details,
    body?.error?.requestId ?? null,
  );
}
