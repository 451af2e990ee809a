import type { FindingKind, InternalFinding, Locale, SecretRequest } from '../detectors/index.ts';
import { redact } from '../detectors/index.ts';
import { factsOf, type KindFacts } from '../detectors/kinds.ts';
import { isAllowListed } from './allow-list.ts';
import { allowPhraseSpans, compiledPolicy } from './compile-policy.ts';
import { safeSpans } from './safe-texts.ts';
import {
  NOTICES,
  REPLIES,
  RULES,
  type KindCondition,
  type Notice,
  type Reply,
  type Rule,
} from './rules.ts';
import { fill, TEMPLATES, type Templates } from './templates/index.ts';
import {
  ACTION_ORDER,
  type Action,
  type Direction,
  type Effect,
  type IdentityStatus,
  type TenantPolicy,
  type Visibility,
} from './types.ts';

/** Everything a decision depends on. */
export interface EvaluationInput {
  direction: Direction;
  visibility: Visibility;
  identity: IdentityStatus;
  text: string;
  locale: Locale;
  findings: readonly InternalFinding[];
  secretRequests: readonly SecretRequest[];
  policy: TenantPolicy;
  /** How to tell the tenant's own identifiers; by default the finding's value against the allow-list. Simulation matches fingerprints. */
  allowListed?: ((f: InternalFinding) => boolean) | undefined;
}

/** Where in the text a violation comes from: a finding, or the phrase that reads as asking for a secret. */
export interface ViolationSpan {
  start: number;
  end: number;
  kind: FindingKind;
  /** For a request for a secret: why the phrase was not recognised as safe. */
  basis?: SecretRequest['basis'];
}

export interface Violation {
  rule: string;
  kinds: FindingKind[];
  message: string;
  /** The spans to rewrite, in the original text's offsets. */
  spans: ViolationSpan[];
}

/** The outcome of one check, before auditing. */
export interface Evaluation {
  decision: Effect;
  /** In monitor mode: whether enforce mode would have blocked. */
  wouldBlock: boolean;
  /** The effect before monitor mode softened it. */
  effectiveDecision: Effect;
  urgent: boolean;
  overridable: boolean;
  violations: Violation[];
  actions: Action[];
  /** Findings that matched the tenant's allow-list (or the tuning's allow entries) and were not counted. */
  allowListed: InternalFinding[];
  /** Findings of kinds the tuning monitors: reported, not counted. */
  monitored: InternalFinding[];
  counted: InternalFinding[];
  suggestion: {
    redactedText: string | null;
    privateChannelMessage: string | null;
    customerNotice: string | null;
  };
}

const SEVERITY: Record<Effect, number> = { allow: 0, warn: 1, block: 2 };

function ruleSpans(
  rule: Rule,
  findings: readonly InternalFinding[],
  requests: readonly SecretRequest[],
): Array<ViolationSpan & { facts: KindFacts }> {
  return rule.secretRequest
    ? requests.map((r) => ({
        start: r.start,
        end: r.end,
        kind: r.kind,
        basis: r.basis,
        facts: factsOf(r),
      }))
    : findings.flatMap((f) => {
        const facts = factsOf(f);
        return rule.classes.includes(facts.class)
          ? [{ start: f.start, end: f.end, kind: f.kind, facts }]
          : [];
      });
}

/** Whether the kinds a rule fired on meet an action's condition (rules.ts). */
function holds(condition: KindCondition, kinds: readonly KindFacts[]): boolean {
  return 'some' in condition
    ? kinds.some((k) => k[condition.some])
    : !kinds.every((k) => k[condition.notAll]);
}

function wording(
  policy: TenantPolicy,
  locale: Locale,
): Templates & { privateOverride?: string | undefined; noticeOverride?: string | undefined } {
  const custom = policy.wording?.[locale];
  return {
    ...TEMPLATES[locale],
    privateOverride: custom?.privateChannelMessage,
    noticeOverride: custom?.customerNotice,
  };
}

/**
 * POLICY.md's matrix applied to one message: pure and total. Every matching rule
 * contributes its violation and actions; the most severe effect wins.
 */
export function evaluate(input: EvaluationInput): Evaluation {
  const { direction, visibility, identity, policy } = input;
  const compiled = compiledPolicy(policy);
  const listed = input.allowListed ?? ((f: InternalFinding) => isAllowListed(f, policy.allowList));
  const phrases = compiled.allowPhrases.length > 0 ? allowPhraseSpans(input.text, compiled) : [];
  const isOwn = (f: InternalFinding) =>
    listed(f) ||
    compiled.allowedValue?.(f) === true ||
    phrases.some(([a, b]) => f.start >= a && f.end <= b);
  const allowListed = input.findings.filter(isOwn);
  const monitored =
    compiled.monitored.size > 0
      ? input.findings.filter((f) => compiled.monitored.has(f.kind) && !allowListed.includes(f))
      : [];
  const counted = input.findings.filter((f) => !allowListed.includes(f) && !monitored.includes(f));
  // a phrase inside one of the tenant's registered safe texts asks for nothing
  const safe =
    direction === 'outbound' && input.secretRequests.length > 0
      ? safeSpans(input.text, policy)
      : [];
  const requests =
    direction === 'outbound'
      ? input.secretRequests.filter((r) => !safe.some(([a, b]) => r.start >= a && r.end <= b))
      : [];
  const verified = identity.status === 'verified';

  let effect: Effect = 'allow';
  let urgent = false;
  let overridable = true;
  const violations: Violation[] = [];
  const actions = new Set<Action>();
  const replies = new Set<Reply>();
  const notices = new Set<Notice>();
  for (const rule of RULES) {
    if (rule.direction !== direction || !rule.visibility.includes(visibility)) continue;
    if (rule.unverifiedOnly && verified) continue;
    const found = ruleSpans(rule, counted, requests);
    if (found.length === 0) continue;
    const kinds = [...new Set(found.map((sp) => sp.kind))];
    const spans = found.map(({ facts: _f, ...sp }) => sp);
    if (rule.effect !== 'allow')
      violations.push({ rule: rule.id, kinds, message: rule.message, spans });
    if (SEVERITY[rule.effect] > SEVERITY[effect]) effect = rule.effect;
    if (rule.effect !== 'allow' && !rule.overridable) overridable = false;
    urgent ||= rule.urgent === true;
    for (const action of rule.actions) {
      const when = rule.actionsWhen?.[action];
      if (!when || holds(when, [...new Set(found.map((sp) => sp.facts))])) actions.add(action);
    }
    if (rule.reply) replies.add(rule.reply);
    if (rule.notice) notices.add(rule.notice);
  }

  const monitor = policy.mode === 'monitor' && effect === 'block';
  const t = wording(policy, input.locale);
  const fillIn = (s: string) => fill(s, { link: policy.privateChannelLink, brand: policy.brand });
  // the rules that fired say which texts apply; the lists in rules.ts say which one is offered
  const reply = REPLIES.find((r) => replies.has(r.text));
  const notice = NOTICES.find((n) => notices.has(n));
  const privateChannelMessage = reply
    ? fillIn((reply.tenantWording ? t.privateOverride : undefined) ?? t[reply.text])
    : null;
  const customerNotice = notice ? fillIn(t.noticeOverride ?? t[notice]) : null;
  return {
    decision: monitor ? 'warn' : effect,
    wouldBlock: monitor,
    effectiveDecision: effect,
    urgent,
    overridable: effect !== 'allow' && overridable,
    violations,
    actions: ACTION_ORDER.filter((a) => actions.has(a)),
    allowListed,
    monitored,
    counted,
    suggestion: {
      redactedText: input.findings.length > 0 ? redact(input.text, input.findings) : null,
      privateChannelMessage,
      customerNotice,
    },
  };
}
