/**
 * Sink delivery speed: BENCH_EVENTS events (default 20,000) over four tenants are appended
 * to a fresh PostgreSQL database (BENCH_DATABASE_URL) with the sinks stopped, then a
 * directory sink and a webhook (HTTPS on 127.0.0.1, answering 204) each catch up from
 * the start of the chains. Prints events/s per sink and its batches.
 *   npm run bench:sinks
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino from 'pino';
import { ephemeralKeys } from '../src/auth/keys.ts';
import { blankDraft } from '../src/audit/events.ts';
import { SinkDeliverer } from '../src/audit/sinks/deliverer.ts';
import { DirectorySink } from '../src/audit/sinks/directory-sink.ts';
import type { Sink } from '../src/audit/sinks/sink.ts';
import { WebhookSink } from '../src/audit/sinks/webhook-sink.ts';
import { AuditWriter } from '../src/audit/writer.ts';
import { systemClock } from '../src/clock.ts';
import { openPostgres } from '../src/db/client.ts';
import { AddressPolicy } from '../src/net/address-policy.ts';
import { safeDispatcher } from '../src/net/safe-fetch.ts';
import { selfSignedCertificate } from '../test/support/https-receiver.ts';
import { benchEnvironment } from './support.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const env = await benchEnvironment('sargas_bench_sinks');
const database = openPostgres(env.url.toString(), { max: 4 });
try {
  await database.migrate();
  const keys = await ephemeralKeys();
  const writer = new AuditWriter(database, systemClock, {
    checkpoint: { key: keys.service, every: 1000 },
    maxQueue: EVENTS,
  });
  const t0 = performance.now();
  const now = new Date();
  await Promise.all(
    Array.from({ length: EVENTS }, (_, i) =>
      writer.append({
        ...blankDraft(`bench-${i % 4}`, now, 'check', 'agent-1'),
        direction: 'inbound',
        visibility: 'public',
        platform: 'x',
        kinds: ['iban', 'phone'],
        findings: [
          {
            kind: 'iban',
            start: 0,
            end: 32,
            confidence: 0.99,
            masked: 'PL** **** 2874',
            fp: 'a'.repeat(22),
          },
          {
            kind: 'phone',
            start: 40,
            end: 55,
            confidence: 0.9,
            masked: '+48 *** *** 456',
            fp: 'b'.repeat(22),
          },
        ],
      }),
    ),
  );
  console.log(`appended ${EVENTS} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const tls = selfSignedCertificate(env.dataDir);
  let bytes = 0;
  const server = createServer(tls, (req, res) => {
    req.on('data', (d: Buffer) => (bytes += d.length));
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const sinks: Sink[] = [
    new DirectorySink(join(env.dataDir, 'sink'), { maxBytes: 64 * 1024 * 1024, maxSeconds: 3600 }),
    new WebhookSink(
      url,
      'bench-secret-0123456789abcdef0123456789',
      safeDispatcher(AddressPolicy.fromList('127.0.0.0/8'), { ca: tls.cert }),
    ),
  ];
  for (const sink of sinks) {
    const d = new SinkDeliverer(database, sink, pino({ level: 'silent' }), { pollMs: 20 });
    const started = performance.now();
    d.start();
    while (d.stats.delivered < EVENTS) await new Promise((r) => setTimeout(r, 10));
    const seconds = (performance.now() - started) / 1000;
    await d.stop();
    console.log(
      `${sink.name}: ${EVENTS} events in ${seconds.toFixed(2)} s = ${Math.round(EVENTS / seconds)} events/s, ${d.stats.batches} batches, ${d.stats.checkpoints} checkpoints`,
    );
  }
  console.log(`webhook received ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  server.close();
} finally {
  await database.close();
  await env.drop();
}
