/** One difference between two policy documents, at a path of member names (custom kinds by name, other lists by index). */
export type PolicyDifference =
  | { path: string; before?: unknown; after?: unknown }
  | { path: string; added: unknown[]; removed: unknown[] };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function walk(path: string, a: unknown, b: unknown, out: PolicyDifference[]): void {
  if (same(a, b)) return;
  if (isObject(a) && isObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort())
      walk(join(path, key), a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    // lists of words, values and patterns: what was added and removed, whatever the order
    if (a.every(isPrimitive) && b.every(isPrimitive)) {
      const before = new Set(a.map((x) => JSON.stringify(x)));
      const after = new Set(b.map((x) => JSON.stringify(x)));
      const added = b.filter((x) => !before.has(JSON.stringify(x)));
      const removed = a.filter((x) => !after.has(JSON.stringify(x)));
      if (added.length > 0 || removed.length > 0) out.push({ path, added, removed });
      return;
    }
    const named = (xs: unknown[]) =>
      xs.every((x) => isObject(x) && typeof x.name === 'string')
        ? new Map(xs.map((x) => [(x as { name: string }).name, x]))
        : null;
    const na = named(a);
    const nb = named(b);
    if (na && nb) {
      for (const name of [...new Set([...na.keys(), ...nb.keys()])])
        walk(join(path, name), na.get(name), nb.get(name), out);
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(join(path, i), a[i], b[i], out);
    return;
  }
  out.push({
    path: path || '(document)',
    ...(a === undefined ? {} : { before: a }),
    ...(b === undefined ? {} : { after: b }),
  });
}

/** What changed from policy document `a` to `b`, path by path (docs/policy.md, "Policy as code"). */
export function diffPolicies(a: unknown, b: unknown): PolicyDifference[] {
  const out: PolicyDifference[] = [];
  walk('', a, b, out);
  return out;
}
