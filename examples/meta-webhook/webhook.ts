import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { BatchItem, CheckResponse, ItemError, SargasClient } from '../../src/client/index.ts';

// A Meta (Facebook/Instagram) webhook receiver in front of a page's public comments: every
// new comment is checked by Sargas; a comment in which the customer exposed personal data is
// hidden through the Graph API and the customer gets Sargas' ready notice in a private
// reply. Agents' own replies go through `presend()` before the helpdesk posts them.

/** What the example does on Meta's side (the Graph API), so a test or another helpdesk can swap it. */
export interface Graph {
  hideComment(commentId: string): Promise<void>;
  privateReply(commentId: string, message: string): Promise<void>;
}

/** The Graph API over HTTPS with a page access token (v21.0). */
export function graphApi(pageToken: string, base = 'https://graph.facebook.com/v21.0'): Graph {
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pageToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`Graph API ${path}: HTTP ${res.status}`);
  };
  return {
    hideComment: (id) => post(`/${id}`, { is_hidden: true }),
    privateReply: (id, message) =>
      post('/me/messages', { recipient: { comment_id: id }, message: { text: message } }),
  };
}

interface CommentChange {
  field: string;
  value: {
    item?: string;
    verb?: string;
    comment_id?: string;
    post_id?: string;
    message?: string;
    from?: { id?: string };
  };
}

/** What happened to each comment: for the helpdesk's own log (no text in it). */
export interface Handled {
  commentId: string;
  decision: string;
  hidden: boolean;
  notified: boolean;
}

export interface WebhookOptions {
  appSecret: string;
  verifyToken: string;
  sargas: SargasClient;
  graph: Graph;
  platform?: 'facebook' | 'instagram';
  onHandled?: (h: Handled) => void;
}

/** Meta's signature: HMAC-SHA256 of the raw body with the app secret, in X-Hub-Signature-256. */
export function validSignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function webhookApp(o: WebhookOptions) {
  const app = new Hono();

  // the subscription handshake
  app.get('/webhook', (c) =>
    c.req.query('hub.mode') === 'subscribe' && c.req.query('hub.verify_token') === o.verifyToken
      ? c.text(c.req.query('hub.challenge') ?? '')
      : c.text('forbidden', 403),
  );

  app.post('/webhook', async (c) => {
    const raw = await c.req.text();
    if (!validSignature(o.appSecret, raw, c.req.header('x-hub-signature-256')))
      return c.text('bad signature', 401);
    const body = JSON.parse(raw) as { entry?: Array<{ changes?: CommentChange[] }> };
    const comments = (body.entry ?? [])
      .flatMap((e) => e.changes ?? [])
      .filter((ch) => ch.field === 'feed' && ch.value.item === 'comment' && ch.value.verb === 'add')
      .map((ch) => ch.value)
      .filter((v) => v.comment_id && v.message);
    if (comments.length === 0) return c.text('ok');
    const items: BatchItem[] = comments.map((v) => ({
      direction: 'inbound',
      text: v.message!,
      channel: { platform: o.platform ?? 'facebook', visibility: 'public' },
      customer: v.from?.id ? { id: `fb:${v.from.id}` } : undefined,
      thread: { id: v.post_id, postId: v.comment_id },
      // Meta delivers at least once: a redelivered comment is not checked twice
      idempotencyKey: `meta-comment-${v.comment_id}`,
    }));
    let results: Array<CheckResponse | ItemError>;
    try {
      results = await o.sargas.checkBatch(items);
    } catch {
      // Sargas could not answer: Meta delivers again (the keys make that safe); nothing is
      // left unchecked
      return c.text('not checked', 503);
    }
    let unchecked = 0;
    await Promise.all(
      comments.map(async (v, i) => {
        const r = results[i]!;
        if ('error' in r) {
          // not recorded (the audit store) or a fault: fail closed, ask Meta to deliver again;
          // an invalid item would be invalid again, so it is only logged
          if (r.error.code === 'audit_unavailable' || r.error.code === 'internal') unchecked++;
          return;
        }
        const check = r as CheckResponse;
        // a redelivery of a comment already handled: Meta allows one private reply per comment
        if (check.replayed) return;
        const hide = check.actions.includes('hide_post');
        if (hide) await o.graph.hideComment(v.comment_id!);
        const notice = check.suggestion.customerNotice;
        if (notice) await o.graph.privateReply(v.comment_id!, notice);
        o.onHandled?.({
          commentId: v.comment_id!,
          decision: check.decision,
          hidden: hide,
          notified: notice !== null,
        });
      }),
    );
    // Meta retries a webhook that is not answered 200 quickly
    return unchecked > 0 ? c.text('not all checked', 503) : c.text('ok');
  });
  return app;
}

/**
 * The pre-send check of an agent's reply: what the helpdesk calls before posting. Only an
 * `allow` goes out as written; a block comes back with the redacted text and the ready
 * invitation to a private channel; a failed check sends nothing (fail closed).
 */
export async function presend(
  sargas: SargasClient,
  reply: {
    text: string;
    agentId: string;
    visibility: 'public' | 'private';
    threadId?: string;
    customerId?: string;
  },
): Promise<{
  send: boolean;
  decision: string;
  instead?: string | null;
  result?: CheckResponse | ItemError;
}> {
  try {
    const result = await sargas.check({
      direction: 'outbound',
      text: reply.text,
      channel: { platform: 'facebook', visibility: reply.visibility },
      agent: { id: reply.agentId },
      thread: reply.threadId ? { id: reply.threadId } : undefined,
      customer: reply.customerId ? { id: reply.customerId } : undefined,
    });
    return {
      send: result.decision === 'allow',
      decision: result.decision,
      instead: result.decision === 'allow' ? undefined : result.suggestion.privateChannelMessage,
      result,
    };
  } catch {
    return { send: false, decision: 'unavailable' };
  }
}
