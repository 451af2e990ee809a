import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The parts of src/ and what each may import (docs/architecture.md), read from the real imports.
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every relative import of every source file, as paths relative to src/. */
function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] as string;
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      out.push({
        from: relative(SRC, file),
        to: relative(SRC, target),
        typeOnly: m[2] !== undefined,
      });
    }
  }
  return out;
}

/** The part a file belongs to: its first folder (or the file itself at the top). */
function part(path: string): string {
  return path.includes('/') ? (path.split('/')[0] as string) : path.replace(/\.ts$/, '');
}

/**
 * Parts each part must not import (value or type), parts it may import only for types, and
 * files of those it may import values from all the same (data, not code that reads text).
 */
const FORBIDDEN: Record<string, { never: string[]; typesOnly?: string[]; dataFrom?: string[] }> = {
  detectors: {
    never: [
      'db',
      'audit',
      'api',
      'service',
      'stores',
      'policies',
      'auth',
      'console',
      'app',
      'runtime',
      'main',
    ],
  },
  policies: {
    never: ['db', 'audit', 'api', 'service', 'stores', 'console', 'app', 'runtime', 'main'],
  },
  // the audit never runs detection (it never sees the text); it reads the kinds' descriptors
  audit: {
    never: ['api', 'service', 'console', 'app', 'runtime', 'main'],
    typesOnly: ['detectors', 'policies'],
    dataFrom: ['detectors/kinds.ts'],
  },
  stores: { never: ['api', 'service', 'console', 'app', 'runtime', 'main'] },
  service: { never: ['api', 'console', 'app', 'runtime', 'main'] },
  validation: { never: ['db', 'audit', 'api', 'service', 'stores', 'policies', 'detectors'] },
};

/** Parts that import nothing else of src/ at all (the client is copied into banks' code as it is). */
const STANDALONE = ['client'];

describe('architecture', () => {
  const all = edges();

  it('reads the imports of the real source', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('keeps detectors and policies pure, and the audit away from the API', () => {
    const broken = all
      .filter((e) => {
        const rule = FORBIDDEN[part(e.from)];
        if (!rule) return false;
        const to = part(e.to);
        if (rule.never.includes(to)) return true;
        return (
          !e.typeOnly &&
          (rule.typesOnly ?? []).includes(to) &&
          !(rule.dataFrom ?? []).includes(e.to)
        );
      })
      .map((e) => `${e.from} -> ${e.to}${e.typeOnly ? ' (type)' : ''}`);
    expect(broken).toEqual([]);
  });

  it('keeps the client standalone', () => {
    const broken = all
      .filter((e) => STANDALONE.includes(part(e.from)) && part(e.to) !== part(e.from))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(broken).toEqual([]);
  });

  it('lets the API reach the database only through stores and the audit', () => {
    const text = files(join(SRC, 'api')).filter((f) =>
      /from 'drizzle-orm'|db\/schema/.test(readFileSync(f, 'utf8')),
    );
    expect(text.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('has no import circle, type imports included', () => {
    const graph = new Map<string, string[]>();
    for (const e of all) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string) => {
      state.set(node, 'open');
      stack.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open')
          circles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
    expect(circles).toEqual([]);
  });
});
