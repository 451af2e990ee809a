import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import type { Proof } from '../audit/held.ts';
import { checkProof } from '../audit/proof-check.ts';

const USAGE = `usage: sargas verify-proof --jwks <jwks.json> (--checkpoint <file> | --receipt <file>) --proof <verify-answer.json>
Checks offline what POST /v1/audit/verify answered about a checkpoint or receipt you hold:
the signatures against the key set (fetch /.well-known/jwks.json once and keep it), and the
RFC 6962 consistency (and, for a receipt, inclusion) proofs. Exit 0: the log held it.`;

/** `sargas verify-proof`: returns the exit code (0 proven, 1 not proven, 2 usage). */
export function runVerifyProof(argv: string[]): number {
  let values: {
    jwks?: string | undefined;
    checkpoint?: string | undefined;
    receipt?: string | undefined;
    proof?: string | undefined;
  };
  try {
    values = parseArgs({
      args: argv,
      options: {
        jwks: { type: 'string' },
        checkpoint: { type: 'string' },
        receipt: { type: 'string' },
        proof: { type: 'string' },
      },
    }).values;
  } catch {
    console.error(USAGE);
    return 2;
  }
  const heldFile = values.checkpoint ?? values.receipt;
  if (!values.jwks || !values.proof || !heldFile || (values.checkpoint && values.receipt)) {
    console.error(USAGE);
    return 2;
  }
  const kind = values.checkpoint ? 'checkpoint' : 'receipt';
  try {
    const jwks = JSON.parse(readFileSync(values.jwks, 'utf8')) as { keys: JWK[] };
    const jws = readFileSync(heldFile, 'utf8').trim();
    const answer = JSON.parse(readFileSync(values.proof, 'utf8')) as {
      held?: Array<{ kind: string; proof?: Proof }>;
    } & Partial<Proof>;
    // the whole answer of /v1/audit/verify, or the proof object alone
    const proof = answer.consistency
      ? (answer as Proof)
      : answer.held?.find((h) => h.kind === kind && h.proof)?.proof;
    if (!proof) {
      console.log(`not proven: the answer holds no proof for a ${kind}`);
      return 1;
    }
    const problems = checkProof({ kind, jws }, proof, jwks.keys);
    if (problems.length > 0) {
      for (const p of problems) console.log(`not proven: ${p}`);
      return 1;
    }
    console.log(
      `proven: the log held this ${kind} (tree of ${proof.held.treeSize} leaves) and had only grown since, to ${proof.current.treeSize} leaves at seq ${proof.current.seq}`,
    );
    return 0;
  } catch (err) {
    console.error(`cannot read the files: ${(err as Error).name}`);
    return 2;
  }
}
