import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A self-signed certificate for 127.0.0.1 (or `names`) in `dir` (openssl): its key and cert as PEM, written to key.pem and cert.pem. */
export function selfSignedCertificate(
  dir: string,
  names: { cn: string; altNames: string } = { cn: '127.0.0.1', altNames: 'IP:127.0.0.1' },
): { key: string; cert: string } {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${names.cn}`,
      '-addext',
      `subjectAltName=${names.altNames}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  };
}

/** One POST the receiver took: its body, and whether its signature verified. */
export interface Received {
  body: string;
  signed: boolean;
  status: number;
}

/**
 * A webhook receiver on 127.0.0.1 over HTTPS that checks each batch's signature and answers
 * what `answer()` says (2xx: kept; 503 or 429 with Retry-After: refused).
 */
export async function startReceiver(
  tls: { key: string; cert: string },
  secret: string,
  answer: (body: string) => { status: number; retryAfter?: string; delayMs?: number },
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = String(req.headers['sargas-signature'] ?? '');
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
      const expected = m
        ? createHmac('sha256', secret).update(`${m[1]}.${body}`).digest('hex')
        : null;
      const signed = !!m && expected === m[2];
      const a = signed ? answer(body) : { status: 401 };
      received.push({ body, signed, status: a.status });
      const send = () =>
        res.writeHead(a.status, a.retryAfter ? { 'retry-after': a.retryAfter } : {}).end();
      // kept, but answered too late: the sender must deliver it again (a duplicate)
      if ('delayMs' in a && a.delayMs) setTimeout(send, a.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/sargas`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
