import { accessSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../detectors/types.ts';
import { defaultPolicy, type TenantPolicy } from '../policies/types.ts';
import { runLines } from './lines-command.ts';
import { FORMATS, type Format } from './output.ts';
import { loadPolicyFile, PolicyFileError } from './policy-file.ts';

const LINES_OPTIONS = `options:
  --locale pl|lt|en         the language, when a line has none (detected otherwise)
  --region PL               the country for phone numbers without a prefix
  --policy FILE             a tenant policy document (the body of PUT /v1/policy)
  --format jsonl|table|sarif   jsonl (default): the API's shapes; table: for people; sarif: for code scanning
  --progress / --no-progress   a progress bar on standard error (default: for inputs over 1 MB on a terminal)
  -h, --help`;

const HELP: Record<string, string> = {
  scan: `usage: sargas scan [options] [FILE…]
Finds personal data in JSON Lines {"id", "text", "locale"?} (FILE…, or standard input when
none or "-") and writes {"id", "locale", "findings"} per line. Detection only: no database,
no token. A summary (lines, findings by kind) goes to standard error.
${LINES_OPTIONS}
exit: 0 done, 1 some lines were invalid (each answered by an error line), 2 bad usage`,
  check: `usage: sargas check [options] [--fail-on warn|block] [FILE…]
Decides JSON Lines {"id", "text", "direction", "channel": {"visibility"}, "identityVerified"?}
by the default policy or --policy, as POST /v1/check would, offline: a line's
"identityVerified": true stands in for a verified identity assertion. A summary (decisions,
findings by kind) goes to standard error.
${LINES_OPTIONS}
  --fail-on warn|block      exit 3 when any decision is at least this strict
exit: 0 done, 1 some lines were invalid, 2 bad usage, 3 --fail-on reached`,
  policy: `usage: sargas policy validate FILE
Validates a policy document as PUT /v1/policy would: exit 0 valid, 1 invalid (each problem
on standard error as "field: message"), 2 bad usage.`,
  'verify-proof': '',
};

const USAGE = `usage: sargas <command> [options]
commands:
  scan          find personal data in JSON Lines (offline)
  check         decide JSON Lines as the service would (offline)
  policy validate FILE   validate a policy document
  verify-proof  check an audit proof offline
"sargas <command> --help" for each.`;

/** A usage error: one line on standard error, exit 2. */
class Usage extends Error {}

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command === 'verify-proof') {
    const { runVerifyProof } = await import('./verify-proof.ts');
    return runVerifyProof(argv.slice(1));
  }
  if (command === undefined || command === '-h' || command === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (!(command in HELP)) throw new Usage(`unknown command "${command}"`);
  const { values, positionals } = parse(argv.slice(1));
  if (values.help) {
    process.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  if (command === 'policy') return validatePolicy(positionals);

  if (values.locale !== undefined && !(LOCALES as readonly string[]).includes(values.locale))
    throw new Usage(`--locale must be one of ${LOCALES.join(', ')}`);
  if (values.region !== undefined && !/^[A-Z]{2}$/.test(values.region))
    throw new Usage('--region must be a two-letter country code, e.g. PL');
  const format = (values.format ?? 'jsonl') as Format;
  if (!FORMATS.includes(format)) throw new Usage(`--format must be one of ${FORMATS.join(', ')}`);
  if (values['fail-on'] !== undefined && command !== 'check')
    throw new Usage('--fail-on is an option of "check"');
  if (values['fail-on'] !== undefined && !['warn', 'block'].includes(values['fail-on']))
    throw new Usage('--fail-on must be warn or block');
  let policy: TenantPolicy = defaultPolicy('cli');
  if (values.policy !== undefined) {
    try {
      policy = loadPolicyFile(values.policy);
    } catch (err) {
      if (err instanceof PolicyFileError) throw new Usage(`--policy ${err.message}`);
      throw err;
    }
  }
  const files = positionals.filter((f) => f !== '-');
  if (positionals.includes('-') && files.length > 0)
    throw new Usage('read either files or standard input ("-"), not both');
  for (const f of files) {
    try {
      accessSync(f);
    } catch {
      throw new Usage(`cannot read ${f}`);
    }
  }
  return runLines({
    command: command as 'scan' | 'check',
    files,
    locale: values.locale as Locale | undefined,
    region: values.region,
    policy,
    format,
    progress: values.progress ? 'always' : values['no-progress'] ? 'never' : 'auto',
    failOn: values['fail-on'] as 'warn' | 'block' | undefined,
    stdin: process.stdin,
    stdout: (s) => process.stdout.write(s),
    stderr: process.stderr,
  });
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        locale: { type: 'string' },
        region: { type: 'string' },
        policy: { type: 'string' },
        format: { type: 'string' },
        progress: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    // node's messages name the option ("Unknown option '--x'"); the rest of them is advice for programmers
    throw new Usage(
      (err as Error).message.split('. ')[0]!.replace(/^Unknown option/, 'unknown option'),
    );
  }
}

function validatePolicy(positionals: string[]): number {
  if (positionals[0] !== 'validate' || positionals.length !== 2)
    throw new Usage('usage: sargas policy validate FILE');
  try {
    loadPolicyFile(positionals[1]!);
    process.stdout.write(`${positionals[1]}: valid\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof PolicyFileError)) throw err;
    for (const p of err.problems) process.stderr.write(`${err.file}: ${p.field}: ${p.message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof Usage) {
      process.stderr.write(`sargas: ${err.message} (see "sargas --help")\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`sargas: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
