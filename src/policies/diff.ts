/** One setting that differs between two policy documents. */
export interface PolicyChange {
  /** Where, as a dotted path (`identityProvider.issuer`, `customKinds[0].terms`). */
  path: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function flatten(value: unknown, path: string, out: Map<string, unknown>) {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else if (Array.isArray(value) && value.some((v) => isObject(v) || Array.isArray(v))) {
    // lists of objects (custom kinds, allow-list entries) compare entry by entry
    for (const [i, v] of value.entries()) flatten(v, `${path}[${i}]`, out);
  } else {
    // a list of words or numbers is one setting: it is shown whole, before and after
    out.set(path, value);
  }
}

/** The settings that differ between two policy documents, in path order. */
export function diffPolicies(before: unknown, after: unknown): PolicyChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: PolicyChange[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (!a.has(path)) changes.push({ path, change: 'added', before: null, after: y });
    else if (!b.has(path)) changes.push({ path, change: 'removed', before: x, after: null });
    else if (JSON.stringify(x) !== JSON.stringify(y))
      changes.push({ path, change: 'changed', before: x, after: y });
  }
  return changes;
}
