import type { Finding, Locale } from '../detectors/index.ts';
import type { Action, Direction, Effect, Mode, Visibility } from '../policies/types.ts';
import type { Evaluation, Violation } from '../policies/evaluate.ts';

/** What a check is asked: the message and its channel, the people by reference. The API validates it (src/api/check-schema.ts) into this. */
export interface CheckInput {
  direction: Direction;
  text: string;
  channel: { platform: string; visibility: Visibility };
  customer?: { id?: string | undefined; identityToken?: string | undefined } | undefined;
  agent?: { id: string } | undefined;
  thread?: { id?: string | undefined; postId?: string | undefined } | undefined;
  locale?: Locale | undefined;
}

/** Where the event of a check stands in the log, for the caller to hold. */
export interface CheckAuditRef {
  id: string;
  seq: number;
  hash: string;
  treeHead?: { seq: number; treeSize: number | undefined; root: string; jws: string } | undefined;
}

/** The answer to a check (API.md's response): what was decided and why, and the receipt of its event. */
export interface CheckResponse {
  decision: Effect;
  mode: Mode;
  wouldBlock?: true;
  locale: Locale;
  findings: Array<Finding & { allowListed?: true; monitored?: true }>;
  violations: Violation[];
  actions: Action[];
  urgent?: true;
  suggestion: Evaluation['suggestion'];
  identity: { status: 'verified' | 'absent' } | { status: 'rejected'; reason: string };
  policyVersion: string;
  audit: CheckAuditRef;
  receipt: string;
  replayed?: true;
}

/** A check's answer and what metrics and logs may know of it: kinds found, never values. */
export interface CheckOutcome {
  body: CheckResponse;
  decision: Effect;
  kinds: string[];
  replayed: boolean;
}
