import type { DatabaseHandle } from '../db/client.ts';

// Care metrics from the audit events alone: ids, times, directions, channels, kinds. No
// text is read (the store has none). docs/care.md defines each measure.

/** What the care metrics read of an event. */
export interface CareEvent {
  id: string;
  seq: number;
  createdAt: Date;
  type: 'check' | 'thread_action';
  direction: string | null;
  visibility: string | null;
  platform: string | null;
  decision: string | null;
  threadId: string;
  postId: string | null;
  kinds: string[];
  /** thread_action: what was done, and when the helpdesk says it was. */
  action: string | null;
  actionAt: Date | null;
}

const READ = `SELECT id, seq, created_at, type, direction, visibility, platform, decision, thread_id, post_id, kinds, details
  FROM audit_events WHERE tenant = $1 AND created_at >= $2 AND thread_id IS NOT NULL AND type IN ('check', 'thread_action')
  ORDER BY seq`;

/** The tenant's thread events from `from` on (later ones too: a follow-up may come after the period). */
export async function readCareEvents(
  database: DatabaseHandle,
  tenant: string,
  from: Date,
): Promise<CareEvent[]> {
  const rows = await database.query<{
    id: string;
    seq: string | number;
    created_at: Date | string;
    type: 'check' | 'thread_action';
    direction: string | null;
    visibility: string | null;
    platform: string | null;
    decision: string | null;
    thread_id: string;
    post_id: string | null;
    kinds: string[] | string;
    details: Record<string, unknown> | string | null;
  }>(READ, [tenant, from.toISOString()]);
  return rows.map((r) => {
    const details = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<
      string,
      unknown
    > | null;
    const at = r.type === 'thread_action' && typeof details?.at === 'string' ? details.at : null;
    return {
      id: r.id,
      seq: Number(r.seq),
      createdAt: new Date(r.created_at),
      type: r.type,
      direction: r.direction,
      visibility: r.visibility,
      platform: r.platform,
      decision: r.decision,
      threadId: r.thread_id,
      postId: r.post_id,
      kinds: typeof r.kinds === 'string' ? (JSON.parse(r.kinds) as string[]) : r.kinds,
      action: r.type === 'thread_action' ? String(details?.action ?? '') : null,
      actionAt: at ? new Date(at) : null,
    };
  });
}

export type FollowUpStatus = 'in_time' | 'late' | 'open' | 'overdue';

/** A public inbound post carrying the customer's own personal data, and the brand's follow-up. */
export interface Disclosure {
  eventId: string;
  seq: number;
  threadId: string;
  postId: string | null;
  platform: string;
  kinds: string[];
  disclosedAt: string;
  deadlineAt: string;
  followedUpAt: string | null;
  followUp: 'private_reply' | 'post_hidden' | 'customer_contacted' | null;
  /** Minutes from the disclosure to the follow-up. */
  followUpMinutes: number | null;
  status: FollowUpStatus;
}

export interface CareStats {
  threads: number;
  answeredThreads: number;
  inboundPosts: number;
  answeredPosts: number;
  /** answeredPosts / inboundPosts; null without inbound posts. */
  answeredShare: number | null;
  /** From a thread's first inbound post to its first reply, over the answered threads. */
  firstReplySeconds: {
    count: number;
    mean: number | null;
    median: number | null;
    p90: number | null;
    max: number | null;
  };
  disclosures: { total: number; inTime: number; late: number; open: number; overdue: number };
}

export interface CareSummary {
  from: string;
  to: string;
  platform: string | null;
  followUpMinutes: number;
  totals: CareStats;
  groups: Array<{ platform: string; channel: string } & CareStats>;
  /** Disclosures not followed up by their deadline, oldest first. */
  overdue: Disclosure[];
  /** Every disclosure of the period (at most `MAX_LISTED`, oldest first). */
  disclosures: Disclosure[];
  disclosuresTruncated: boolean;
}

const MAX_LISTED = 1000;

/** A reply the customer got: an outbound check the service did not block. */
const isReply = (e: CareEvent) =>
  e.type === 'check' && e.direction === 'outbound' && e.decision !== 'block';

interface Thread {
  id: string;
  platform: string;
  channel: string;
  firstInbound: CareEvent;
  events: CareEvent[];
}

/** The care metrics of one tenant's events (as readCareEvents gives them, in chain order). */
export function careSummary(
  events: readonly CareEvent[],
  options: {
    from: Date;
    to: Date;
    now: Date;
    followUpMinutes: number;
    platform?: string | undefined;
  },
): CareSummary {
  const byThread = new Map<string, CareEvent[]>();
  for (const e of events) {
    const list = byThread.get(e.threadId);
    if (list) list.push(e);
    else byThread.set(e.threadId, [e]);
  }
  const threads: Thread[] = [];
  for (const [id, list] of byThread) {
    const firstInbound = list.find((e) => e.type === 'check' && e.direction === 'inbound');
    if (!firstInbound) continue;
    const t = firstInbound.createdAt.getTime();
    if (t < options.from.getTime() || t >= options.to.getTime()) continue;
    const platform = firstInbound.platform ?? '';
    if (options.platform !== undefined && platform !== options.platform) continue;
    threads.push({
      id,
      platform,
      channel: firstInbound.visibility ?? '',
      firstInbound,
      events: list,
    });
  }
  const deadlineMs = options.followUpMinutes * 60_000;
  const measured = threads.map((t) => measureThread(t, options, deadlineMs));
  const groups = new Map<string, typeof measured>();
  for (const m of measured) {
    const key = `${m.thread.platform}\u0000${m.thread.channel}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  const disclosures = measured.flatMap((m) => m.disclosures).sort((a, b) => a.seq - b.seq);
  return {
    from: options.from.toISOString(),
    to: options.to.toISOString(),
    platform: options.platform ?? null,
    followUpMinutes: options.followUpMinutes,
    totals: stats(measured),
    groups: [...groups.values()]
      .map((list) => ({
        platform: list[0]!.thread.platform,
        channel: list[0]!.thread.channel,
        ...stats(list),
      }))
      .sort((a, b) =>
        a.platform === b.platform
          ? a.channel.localeCompare(b.channel)
          : a.platform.localeCompare(b.platform),
      ),
    overdue: disclosures.filter((d) => d.status === 'overdue'),
    disclosures: disclosures.slice(0, MAX_LISTED),
    disclosuresTruncated: disclosures.length > MAX_LISTED,
  };
}

function measureThread(thread: Thread, options: { to: Date; now: Date }, deadlineMs: number) {
  const { events, firstInbound } = thread;
  const firstReply = events.find((e) => isReply(e) && e.seq > firstInbound.seq) ?? null;
  // an inbound post is answered by a reply after it in its thread
  let inboundPosts = 0;
  let answeredPosts = 0;
  let lastReplySeq = -1;
  for (const e of events) if (isReply(e)) lastReplySeq = e.seq;
  const disclosures: Disclosure[] = [];
  for (const e of events) {
    if (e.type !== 'check' || e.direction !== 'inbound') continue;
    if (e.createdAt.getTime() >= options.to.getTime()) continue;
    inboundPosts++;
    if (lastReplySeq > e.seq) answeredPosts++;
    if (e.visibility === 'public' && e.kinds.length > 0)
      disclosures.push(disclosure(thread, e, deadlineMs, options.now));
  }
  return {
    thread,
    inboundPosts,
    answeredPosts,
    firstReplySeconds: firstReply
      ? (firstReply.createdAt.getTime() - firstInbound.createdAt.getTime()) / 1000
      : null,
    disclosures,
  };
}

/** How long before it was recorded a thread action may say it was done and be counted so (docs/care.md). */
export const REPORTED_GRACE_MS = 15 * 60_000;

/** The first follow-up after a disclosure: a private reply in the thread, or the helpdesk's action. */
function disclosure(thread: Thread, post: CareEvent, deadlineMs: number, now: Date): Disclosure {
  const at = post.createdAt.getTime();
  type FollowUp = { at: number; how: NonNullable<Disclosure['followUp']> };
  let best: FollowUp | null = null;
  for (const e of thread.events) {
    if (e.seq <= post.seq) continue;
    let candidate: FollowUp | null = null;
    if (isReply(e) && e.visibility === 'private')
      candidate = { at: e.createdAt.getTime(), how: 'private_reply' };
    else if (e.type === 'thread_action' && e.actionAt)
      candidate = {
        // the reported time is the agent's word: it counts from the post at the earliest,
        // and from REPORTED_GRACE_MS before the action was recorded (the chain's own time),
        // so a follow-up recorded late cannot be backdated into the deadline
        at: Math.max(at, e.actionAt.getTime(), e.createdAt.getTime() - REPORTED_GRACE_MS),
        how: e.action === 'post_hidden' ? 'post_hidden' : 'customer_contacted',
      };
    if (candidate && (!best || candidate.at < best.at)) best = candidate;
  }
  const deadline = at + deadlineMs;
  const status: FollowUpStatus = best
    ? best.at <= deadline
      ? 'in_time'
      : 'late'
    : now.getTime() > deadline
      ? 'overdue'
      : 'open';
  return {
    eventId: post.id,
    seq: post.seq,
    threadId: thread.id,
    postId: post.postId,
    platform: thread.platform,
    kinds: post.kinds,
    disclosedAt: post.createdAt.toISOString(),
    deadlineAt: new Date(deadline).toISOString(),
    followedUpAt: best ? new Date(best.at).toISOString() : null,
    followUp: best?.how ?? null,
    followUpMinutes: best ? (best.at - at) / 60_000 : null,
    status,
  };
}

function stats(measured: ReturnType<typeof measureThread>[]): CareStats {
  const seconds = measured
    .flatMap((m) => (m.firstReplySeconds === null ? [] : [m.firstReplySeconds]))
    .sort((a, b) => a - b);
  const inboundPosts = measured.reduce((n, m) => n + m.inboundPosts, 0);
  const answeredPosts = measured.reduce((n, m) => n + m.answeredPosts, 0);
  const all = measured.flatMap((m) => m.disclosures);
  const count = (s: FollowUpStatus) => all.filter((d) => d.status === s).length;
  const n = seconds.length;
  return {
    threads: measured.length,
    answeredThreads: n,
    inboundPosts,
    answeredPosts,
    answeredShare: inboundPosts > 0 ? answeredPosts / inboundPosts : null,
    firstReplySeconds: {
      count: n,
      mean: n > 0 ? seconds.reduce((a, b) => a + b, 0) / n : null,
      median:
        n > 0
          ? n % 2
            ? seconds[(n - 1) / 2]!
            : (seconds[n / 2 - 1]! + seconds[n / 2]!) / 2
          : null,
      // nearest rank
      p90: n > 0 ? seconds[Math.ceil(0.9 * n) - 1]! : null,
      max: n > 0 ? seconds[n - 1]! : null,
    },
    disclosures: {
      total: all.length,
      inTime: count('in_time'),
      late: count('late'),
      open: count('open'),
      overdue: count('overdue'),
    },
  };
}
