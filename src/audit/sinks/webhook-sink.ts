import { createHash, createHmac } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { retryAfterMs, SinkRefused, type Sink } from './sink.ts';

/**
 * The signature header's value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * The timestamp is signed with the body, so a receiver can refuse old replays.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * An HTTPS endpoint that receives batches as JSON Lines (application/x-ndjson) in POSTs,
 * signed in `Sargas-Signature`, and answers 2xx once it kept them. Through the service's
 * outbound dispatcher (src/net/safe-fetch.ts: the address policy, no redirects followed).
 */
export class WebhookSink implements Sink {
  readonly kind = 'webhook';
  readonly origin: string;

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly dispatcher: Dispatcher,
    private readonly timeoutMs = 10_000,
    readonly name = 'webhook',
  ) {
    // scheme, host and port only: the path or query may carry a receiver's token
    this.origin = new URL(url).origin;
  }

  async deliver(body: string): Promise<void> {
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await request(this.url, {
      method: 'POST',
      dispatcher: this.dispatcher,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      headers: {
        'content-type': 'application/x-ndjson',
        'sargas-signature': webhookSignature(this.secret, timestamp, body),
        // the same batch delivered again carries the same id
        'sargas-batch': createHash('sha256').update(body).digest('hex').slice(0, 32),
      },
      body,
    });
    // the answer is not read: only its status counts
    await res.body.dump().catch(() => {});
    if (res.statusCode >= 200 && res.statusCode < 300) return;
    const header = res.headers['retry-after'];
    throw new SinkRefused(res.statusCode, retryAfterMs(Array.isArray(header) ? header[0] : header));
  }
}
