import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { publicFinding } from '../detectors/index.ts';
import { scanUnder } from '../policies/policy-file.ts';
import type { Locale } from '../detectors/types.ts';
import { decideOffline } from '../policies/offline.ts';
import { policyVersionLabel, type TenantPolicy } from '../policies/types.ts';
import { createOutput, type Format } from './output.ts';

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().min(1).max(20_000),
  locale: z.enum(['pl', 'lt', 'en']).optional(),
});
const checkLineSchema = lineSchema.extend({
  direction: z.enum(['inbound', 'outbound']),
  channel: z.object({ platform: z.string().optional(), visibility: z.enum(['public', 'private']) }),
  identityVerified: z.boolean().optional(),
});

export interface LinesOptions {
  command: 'scan' | 'check';
  files: string[];
  locale: Locale | undefined;
  region: string | undefined;
  policy: TenantPolicy;
  format: Format;
  /** A progress bar on standard error: 'auto' shows one for inputs over 1 MB when it is a terminal. */
  progress: 'auto' | 'always' | 'never';
  /** Exit 3 when a decision is at least this strict (check only). */
  failOn: 'warn' | 'block' | undefined;
  stdin: Readable;
  stdout: (s: string) => void;
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
}

/** What the summary on standard error counts. */
interface Tally {
  lines: number;
  invalid: number;
  decisions: Record<string, number>;
  kinds: Record<string, number>;
}

const SEVERITY = { allow: 0, warn: 1, block: 2 } as const;

/**
 * `sargas scan` and `sargas check` over files (or standard input): a result per line in the
 * chosen format on standard output, progress and a summary on standard error. Returns the
 * exit code: 0, 1 when a line was invalid, 3 when --fail-on was reached.
 */
export async function runLines(o: LinesOptions): Promise<number> {
  const out = createOutput(o.format, o.stdout);
  const sources = o.files.length === 0 ? ['-'] : o.files;
  const sizes = sources.map((s) => (s === '-' ? 0 : statSync(s).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  const showBar =
    o.progress === 'always' ||
    (o.progress === 'auto' && o.stderr.isTTY === true && total > 1024 * 1024);
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          stream: o.stderr as NodeJS.WriteStream,
          format: ' {bar} {percentage}% | {lines} lines | {value}/{total} bytes | ETA {eta}s',
          noTTYOutput: o.stderr.isTTY !== true,
          notTTYSchedule: 1000,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const tally: Tally = { lines: 0, invalid: 0, decisions: {}, kinds: {} };
  bar?.start(total || 1, 0, { lines: 0 });
  let read = 0;
  let failed = false;
  for (const source of sources) {
    const input = source === '-' ? o.stdin : createReadStream(source);
    input.on('data', (chunk: Buffer | string) => {
      read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    });
    const rl = createInterface({ input, crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of rl) {
      lineNo++;
      if (!line.trim()) continue;
      tally.lines++;
      const outcome = decideLine(o, line);
      if (outcome.invalid !== undefined) {
        tally.invalid++;
        out.error({ source, line: lineNo, id: outcome.id, message: outcome.invalid });
      } else {
        const decided = outcome.decided;
        const decision = decided.decision as keyof typeof SEVERITY | undefined;
        if (decision) {
          tally.decisions[decision] = (tally.decisions[decision] ?? 0) + 1;
          if (o.failOn && SEVERITY[decision] >= SEVERITY[o.failOn]) failed = true;
        }
        for (const f of decided.findings) tally.kinds[f.kind] = (tally.kinds[f.kind] ?? 0) + 1;
        out.result({ source, line: lineNo, json: decided });
      }
      if (bar && tally.lines % 200 === 0)
        bar.update(total ? read : tally.lines, { lines: tally.lines });
    }
  }
  bar?.update(total ? total : tally.lines, { lines: tally.lines });
  bar?.stop();
  out.end();
  o.stderr.write(`${summary(o.command, tally)}\n`);
  if (tally.invalid > 0) return 1;
  return failed ? 3 : 0;
}

type Decided = Record<string, unknown> & { findings: ReturnType<typeof publicFinding>[] };

type LineOutcome = { invalid?: undefined; decided: Decided } | { invalid: string; id?: unknown };

function decideLine(o: LinesOptions, line: string): LineOutcome {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { invalid: 'not valid JSON' };
  }
  const parsed = (o.command === 'scan' ? lineSchema : checkLineSchema).safeParse(json);
  const id = (json as { id?: unknown } | null)?.id;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { id, invalid: `${issue?.path.join('.') || '(line)'}: ${issue?.message}` };
  }
  const row = parsed.data;
  const result = scanUnder(o.policy, row.text, {
    locale: row.locale ?? o.locale,
    region: o.region ?? o.policy.defaultRegion,
    // as the service does: requests for a secret are looked for in what agents send
    findRequests: o.command === 'check' && (row as { direction?: string }).direction === 'outbound',
  });
  const findings = result.findings.map(publicFinding);
  if (o.command === 'scan') return { decided: { id: row.id, locale: result.locale, findings } };
  const c = row as z.infer<typeof checkLineSchema>;
  const evaluation = decideOffline(c.text, result, {
    direction: c.direction,
    visibility: c.channel.visibility,
    identityVerified: c.identityVerified,
    policy: o.policy,
  });
  return {
    decided: {
      id: c.id,
      decision: evaluation.decision,
      locale: result.locale,
      findings,
      violations: evaluation.violations,
      actions: evaluation.actions,
      suggestion: evaluation.suggestion,
      policyVersion: policyVersionLabel(o.policy),
    },
  };
}

function summary(command: string, t: Tally): string {
  const counts = (r: Record<string, number>) =>
    Object.entries(r)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  return [
    `sargas ${command}: ${t.lines} lines${t.invalid ? `, ${t.invalid} invalid` : ''}`,
    ...(command === 'check' ? [`  decisions: ${counts(t.decisions)}`] : []),
    `  findings by kind: ${counts(t.kinds)}`,
  ].join('\n');
}
