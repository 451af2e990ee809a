import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface Labelled {
  id: string;
  direction: 'inbound' | 'outbound';
  channel: { platform: string; visibility: 'public' | 'private' };
  identityVerified?: boolean;
  text: string;
}

/**
 * Check requests made of the hand-written evaluation messages (realistic, then held-out),
 * `count` of them: what a bank trialling Sargas on last month's replies would send. Those
 * whose customer was identified carry `identified: true` (the caller adds an assertion).
 */
export function realisticRequests(
  count: number,
): Array<{ body: Record<string, unknown>; identified: boolean }> {
  const files = [
    ...readdirSync(`${FIXTURES}realistic`)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => `${FIXTURES}realistic/${f}`),
    `${FIXTURES}holdout/holdout.jsonl`,
  ];
  const all = files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Labelled),
  );
  return all.slice(0, count).map((m, i) => ({
    identified: m.identityVerified === true && m.channel.visibility === 'private',
    body: {
      direction: m.direction,
      text: m.text,
      channel: m.channel,
      customer: { id: `cust-${i % 97}` },
      ...(m.direction === 'outbound' ? { agent: { id: `agent-${i % 13}` } } : {}),
      thread: { id: `thread-${i % 211}`, postId: `post-${i}` },
    },
  }));
}
