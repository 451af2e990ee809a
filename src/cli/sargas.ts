import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { publicFinding, scan } from '../detectors/index.ts';
import { LOCALES, type Locale } from '../detectors/types.ts';
import { decideOffline } from '../policies/offline.ts';
import { defaultPolicy, policyVersionLabel } from '../policies/types.ts';

const USAGE = `usage: sargas scan  [--locale pl|lt|en] [--region PL]   JSON Lines {"id","text"} in, {"id","findings"} out
       sargas check [--locale pl|lt|en] [--region PL]   JSON Lines {"id","text","direction","channel":{"visibility"}} in, decisions out
       sargas verify-proof --jwks <file> (--checkpoint|--receipt) <file> --proof <file>   an audit proof, checked offline
No database, no token: detection and the default policy only. In "check", a line's
"identityVerified": true stands in for a verified identity assertion (offline use).`;

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

if (process.argv[2] === 'verify-proof') {
  const { runVerifyProof } = await import('./verify-proof.ts');
  process.exit(runVerifyProof(process.argv.slice(3)));
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    locale: { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const command = positionals[0];
if (values.help || (command !== 'scan' && command !== 'check')) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (values.locale && !(LOCALES as readonly string[]).includes(values.locale)) {
  console.error(`--locale must be one of ${LOCALES.join(', ')}`);
  process.exit(2);
}
if (values.region && !/^[A-Z]{2}$/.test(values.region)) {
  console.error('--region must be a two-letter country code, e.g. PL');
  process.exit(2);
}

let failures = 0;
let lineNo = 0;
const policy = defaultPolicy('cli');
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  lineNo++;
  if (!line.trim()) continue;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    failures++;
    process.stdout.write(
      `${JSON.stringify({ line: lineNo, error: { code: 'invalid_request', message: 'not valid JSON' } })}\n`,
    );
    continue;
  }
  const parsed = (command === 'scan' ? lineSchema : checkLineSchema).safeParse(json);
  if (!parsed.success) {
    failures++;
    const issue = parsed.error.issues[0];
    const id = (json as { id?: unknown })?.id;
    process.stdout.write(
      `${JSON.stringify({ ...(id !== undefined ? { id } : { line: lineNo }), error: { code: 'invalid_request', message: `${issue?.path.join('.') || '(line)'}: ${issue?.message}` } })}\n`,
    );
    continue;
  }
  const row = parsed.data;
  const result = scan(row.text, {
    locale: (row.locale ?? values.locale) as Locale | undefined,
    region: values.region,
  });
  const findings = result.findings.map(publicFinding);
  if (command === 'scan') {
    process.stdout.write(`${JSON.stringify({ id: row.id, locale: result.locale, findings })}\n`);
    continue;
  }
  const c = row as z.infer<typeof checkLineSchema>;
  const evaluation = decideOffline(c.text, result, {
    direction: c.direction,
    visibility: c.channel.visibility,
    identityVerified: c.identityVerified,
    policy,
  });
  process.stdout.write(
    `${JSON.stringify({
      id: c.id,
      decision: evaluation.decision,
      locale: result.locale,
      findings,
      violations: evaluation.violations,
      actions: evaluation.actions,
      suggestion: evaluation.suggestion,
      policyVersion: policyVersionLabel(policy),
    })}\n`,
  );
}
process.exitCode = failures > 0 ? 1 : 0;
