import { spawnSync } from 'node:child_process';
import { selfSignedCertificate } from './support/https-receiver.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino from 'pino';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { publishedKeys } from '../src/audit/service-keys.ts';
import { readTreeHead } from '../src/audit/tree-head.ts';
import { DirectoryWitness, HttpsWitness, type WitnessRecord } from '../src/audit/witness.ts';
import { WitnessPublisher } from '../src/audit/witness-publisher.ts';
import { BACKENDS } from './support/database.ts';
import { useTempDirs } from './support/temp-dirs.ts';
import { useTestService } from './support/service.ts';

const tempDir = useTempDirs();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(BACKENDS)('witnesses on %s', (backend) => {
  const dir = tempDir('sargas-witness-');
  const env = useTestService(backend, { witnessDir: dir });

  it('get every checkpoint in an append-only file per tenant, and the newest one reads back', async () => {
    const token = await env.svc.token('w-dir', ['check']);
    for (let i = 0; i < 11; i++)
      await env.svc.check(token, {
        direction: 'inbound',
        text: `m ${i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    await env.svc.witnesses!.drain(2000);
    const [file] = readdirSync(dir).filter((f) => f.startsWith('w-dir-'));
    const lines = readFileSync(join(dir, file!), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as WitnessRecord);
    expect(lines.map((l) => l.seq)).toEqual([5, 10]);
    const keys = await publishedKeys(env.db.handle.db, env.svc.keys.service);
    expect(readTreeHead(lines[1]!.jws, keys)).toMatchObject({
      tenant: 'w-dir',
      seq: 10,
      treeSize: 10,
    });
    expect(await new DirectoryWitness(dir).latest('w-dir')).toBe(lines[1]!.jws);
    expect(await new DirectoryWitness(dir).latest('nobody')).toBeNull();
    const metrics = await (await env.svc.app.request('/metrics')).text();
    expect(metrics).toMatch(/^sargas_witness_delivered_total [1-9]/m);
    expect(metrics).toMatch(/^sargas_witness_pending 0$/m);
  });

  it('sweep keeps a quiet tenant’s newest seal as a checkpoint, once', async () => {
    const token = await env.svc.token('w-quiet', ['check', 'audit:read']);
    for (let i = 0; i < 3; i++)
      await env.svc.check(token, {
        direction: 'inbound',
        text: `m ${i}`,
        channel: { platform: 'x', visibility: 'public' },
      });
    const keys = await publishedKeys(env.db.handle.db, env.svc.keys.service);
    const promoted = await env.svc.witnesses!.sweep(env.db.handle, keys);
    expect(promoted).toBeGreaterThanOrEqual(1);
    expect(await env.svc.witnesses!.sweep(env.db.handle, keys)).toBe(0);
    await env.svc.witnesses!.drain(2000);
    const checkpoints = (
      await (
        await env.svc.app.request('/v1/audit/checkpoints', {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()
    ).checkpoints;
    expect(checkpoints.map((c: { seq: number }) => c.seq)).toEqual([3]);
    expect(readTreeHead((await new DirectoryWitness(dir).latest('w-quiet'))!, keys)).toMatchObject({
      seq: 3,
      treeSize: 3,
    });
  });
});

describe.skipIf(spawnSync('openssl', ['version']).status !== 0)('an HTTPS witness', () => {
  it('is retried until it takes the checkpoints, in order', async () => {
    const dir = tempDir('sargas-sink-');
    selfSignedCertificate(dir);
    const received: WitnessRecord[] = [];
    let refuse = 2;
    const server = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (req, res) => {
        let body = '';
        req.on('data', (d: Buffer) => (body += d.toString()));
        req.on('end', () => {
          if (refuse-- > 0) return void res.writeHead(503).end();
          received.push(...(JSON.parse(body) as { checkpoints: WitnessRecord[] }).checkpoints);
          res.writeHead(204).end();
        });
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/checkpoints`;
      const witness = new HttpsWitness(url, {
        dispatcher: new Agent({ connect: { ca: readFileSync(join(dir, 'cert.pem'), 'utf8') } }),
      });
      const publisher = new WitnessPublisher([witness], pino({ level: 'silent' }));
      const record = (seq: number): WitnessRecord => ({
        tenant: 't',
        seq,
        hash: 'h',
        createdAt: new Date().toISOString(),
        jws: `jws-${seq}`,
      });
      publisher.publish(record(5));
      publisher.publish(record(10));
      for (let i = 0; i < 100 && received.length < 2; i++) await sleep(25);
      expect(received.map((r) => r.seq)).toEqual([5, 10]);
      expect(publisher.stats).toMatchObject({ delivered: 2, failures: 2 });
    } finally {
      server.close();
    }
  });
});
