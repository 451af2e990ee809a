import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SargasClient } from '../../src/client/index.ts';
import { useHttpServer } from '../../test/support/http-server.ts';
import { useTestService } from '../../test/support/service.ts';
import { type Graph, type Handled, presend, webhookApp } from './webhook.ts';

const SECRET = 'app-secret-for-the-test';

function signed(body: unknown) {
  const raw = JSON.stringify(body);
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`,
    },
    body: raw,
  };
}

const comment = (id: string, message: string) => ({
  field: 'feed',
  value: {
    item: 'comment',
    verb: 'add',
    comment_id: id,
    post_id: 'page_1_post_9',
    message,
    from: { id: `u-${id}` },
  },
});

// The example against a running Sargas (over HTTP, through the client); Meta's Graph API is
// the one stand-in, recording what the example asked of it.
describe('the Meta webhook example', () => {
  const env = useTestService('pglite');
  const http = useHttpServer(() => env.svc.app.fetch);
  const calls: string[] = [];
  const handled: Handled[] = [];
  const graph: Graph = {
    hideComment: async (id) => void calls.push(`hide ${id}`),
    privateReply: async (id, message) => void calls.push(`reply ${id}: ${message.slice(0, 12)}`),
  };
  const app = async () =>
    webhookApp({
      appSecret: SECRET,
      verifyToken: 'verify-me',
      sargas: new SargasClient({
        baseUrl: http.url,
        token: await env.svc.token('shop', ['check', 'audit:read']),
      }),
      graph,
      onHandled: (h) => handled.push(h),
    });

  it('answers the subscription handshake only with the verify token', async () => {
    const a = await app();
    expect(
      await (
        await a.request('/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42')
      ).text(),
    ).toBe('42');
    expect(
      (await a.request('/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42'))
        .status,
    ).toBe(403);
  });

  it('hides a comment that exposes personal data and warns its author privately, once', async () => {
    const a = await app();
    const delivery = {
      object: 'page',
      entry: [
        {
          changes: [
            comment(
              'c1',
              'Przelejcie zwrot na PL61 1090 1014 0000 0712 1981 2874, PIN do karty 4821',
            ),
            comment('c2', 'Kiedy otworzycie nowy salon w Gdańsku?'),
          ],
        },
      ],
    };
    expect((await a.request('/webhook', signed(delivery))).status).toBe(200);
    expect(calls.filter((c) => c.startsWith('hide'))).toEqual(['hide c1']);
    expect(calls.some((c) => c.startsWith('reply c1: '))).toBe(true);
    expect(handled.map((h) => [h.commentId, h.hidden])).toEqual(
      expect.arrayContaining([
        ['c1', true],
        ['c2', false],
      ]),
    );
    // Meta delivers again: the same decision, no second audit event, no second reply
    const replies = calls.length;
    await a.request('/webhook', signed(delivery));
    expect(calls.length).toBe(replies);
    const c = new SargasClient({
      baseUrl: http.url,
      token: await env.svc.token('shop', ['audit:read']),
    });
    expect((await c.verify()).events).toBe(2);
  });

  it('answers 503 when Sargas cannot check, so Meta delivers again', async () => {
    const a = webhookApp({
      appSecret: SECRET,
      verifyToken: 'verify-me',
      sargas: new SargasClient({ baseUrl: 'http://127.0.0.1:9', token: 'x', attempts: 1 }),
      graph,
    });
    const res = await a.request(
      '/webhook',
      signed({ entry: [{ changes: [comment('c9', 'PIN 4821')] }] }),
    );
    expect(res.status).toBe(503);
  });

  it('refuses a delivery whose signature does not match', async () => {
    const a = await app();
    const req = signed({ entry: [{ changes: [comment('c3', 'x')] }] });
    const res = await a.request('/webhook', { ...req, body: req.body.replace('x', 'y') });
    expect(res.status).toBe(401);
  });

  it('sends an agent reply only when it is allowed, and nothing when Sargas is unreachable', async () => {
    const c = new SargasClient({
      baseUrl: http.url,
      token: await env.svc.token('shop', ['check']),
    });
    const blocked = await presend(c, {
      text: 'Saldo Pana konta wynosi 2 500,00 zł.',
      agentId: 'a1',
      visibility: 'public',
    });
    expect(blocked).toMatchObject({ send: false, decision: 'block' });
    expect(blocked.instead).toMatch(/prywatnej/);
    expect(
      (
        await presend(c, {
          text: 'Dziękujemy, już sprawdzamy!',
          agentId: 'a1',
          visibility: 'public',
        })
      ).send,
    ).toBe(true);
    const down = new SargasClient({ baseUrl: 'http://127.0.0.1:9', token: 'x', attempts: 1 });
    expect(
      await presend(down, { text: 'Dziękujemy!', agentId: 'a1', visibility: 'public' }),
    ).toEqual({
      send: false,
      decision: 'unavailable',
    });
  });
});
