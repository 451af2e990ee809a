import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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
  /** A path relative to src/ for a relative import, else the package's name (`node:fs`, `pg`). */
  to: string;
  typeOnly: boolean;
  /** A package (Node's own modules included), not a file of src/. */
  pkg: boolean;
}

/**
 * Every import of a file as TypeScript's parser reads it: import and export declarations (type
 * only when the declaration says so or every name it takes does), `import('…')` calls and
 * `import('…')` types, so no form of import escapes the rules.
 */
function importsOf(file: string, text: string): Array<{ spec: string; typeOnly: boolean }> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const out: Array<{ spec: string; typeOnly: boolean }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const everyNameTyped =
        clause !== undefined &&
        clause.name === undefined &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      out.push({
        spec: node.moduleSpecifier.text,
        typeOnly: clause?.isTypeOnly === true || everyNameTyped,
      });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const named = node.exportClause;
      const everyNameTyped =
        named !== undefined &&
        ts.isNamedExports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      out.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || everyNameTyped });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push({ spec: node.argument.literal.text, typeOnly: true });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      out.push({ spec: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every import of every source file: relative ones as paths relative to src/, packages by name. */
function edges(): Edge[] {
  return files(SRC).flatMap((file) =>
    importsOf(file, readFileSync(file, 'utf8')).map(({ spec, typeOnly }) => ({
      from: relative(SRC, file),
      to: spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec,
      typeOnly,
      pkg: !spec.startsWith('.'),
    })),
  );
}

/** The part a file belongs to: its first folder (or the file itself at the top). */
function part(path: string): string {
  return path.includes('/') ? (path.split('/')[0] as string) : path.replace(/\.ts$/, '');
}

// the layers above the service, above the stores and the audit, and the parts that do I/O
const ABOVE_SERVICE = ['api', 'console', 'app', 'runtime', 'main'];
const ABOVE_STORES = ['service', ...ABOVE_SERVICE];
const INPUT_OUTPUT = ['db', 'audit', 'stores', 'auth', 'net'];

/**
 * Parts each part must not import (value or type), parts it may import only for types, and
 * files of those it may import values from all the same (data, not code that reads text).
 */
const FORBIDDEN: Record<string, { never: string[]; typesOnly?: string[]; dataFrom?: string[] }> = {
  detectors: { never: [...INPUT_OUTPUT, ...ABOVE_STORES, 'policies'] },
  policies: { never: [...INPUT_OUTPUT, ...ABOVE_STORES] },
  // the audit never runs detection (it never sees the text); it reads the kinds' descriptors
  audit: {
    never: ABOVE_STORES,
    typesOnly: ['detectors', 'policies'],
    dataFrom: ['detectors/kinds.ts'],
  },
  stores: { never: ABOVE_STORES },
  service: { never: ABOVE_SERVICE },
  validation: { never: ['db', 'audit', 'api', 'service', 'stores', 'policies', 'detectors'] },
};

/**
 * The packages the pure parts may import: libraries that compute and do no I/O. Node's own
 * modules, drivers, HTTP and logging are not among them; a new package comes here only once
 * it is known to do no I/O. jose fetches key sets, so only its types.
 */
const PURE_PARTS = ['detectors', 'policies', 'validation'];
const PURE_PACKAGES = ['iban', 'libphonenumber-js', 're2js', 'zod'];
const PURE_TYPES_ONLY = ['jose'];

/** A package's name without its subpath (`libphonenumber-js/max`, `@scope/name/sub`). */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return (spec.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Parts that import nothing else of src/ at all (the client is copied into banks' code as it is). */
const STANDALONE = ['client'];

describe('architecture', () => {
  const every = edges();
  // the imports between files of src/
  const all = every.filter((e) => !e.pkg);

  it('reads the imports of the real source', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('reads every form of import, and which are for types only', () => {
    const text = [
      "import { a } from './value.ts';",
      "import type { B } from './type.ts';",
      "import { type C, type D } from './names-typed.ts';",
      "import { type E, f } from './one-value.ts';",
      "import './effect.ts';",
      "export { g } from './re-export.ts';",
      "export type { H } from './re-export-type.ts';",
      "export * from './star.ts';",
      "type I = import('./inline-type.ts').I;",
      "const j = await import('./dynamic.ts');",
      "import {\n  k,\n  l,\n} from 'node:fs';",
    ].join('\n');
    expect(importsOf('sample.ts', text)).toEqual([
      { spec: './value.ts', typeOnly: false },
      { spec: './type.ts', typeOnly: true },
      { spec: './names-typed.ts', typeOnly: true },
      { spec: './one-value.ts', typeOnly: false },
      { spec: './effect.ts', typeOnly: false },
      { spec: './re-export.ts', typeOnly: false },
      { spec: './re-export-type.ts', typeOnly: true },
      { spec: './star.ts', typeOnly: false },
      { spec: './inline-type.ts', typeOnly: true },
      { spec: './dynamic.ts', typeOnly: false },
      { spec: 'node:fs', typeOnly: false },
    ]);
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

  it('lets detectors, policies and the text rules import no package that does I/O', () => {
    const broken = every
      .filter((e) => e.pkg && PURE_PARTS.includes(part(e.from)))
      .filter((e) => {
        const name = packageOf(e.to);
        return !(PURE_PACKAGES.includes(name) || (e.typeOnly && PURE_TYPES_ONLY.includes(name)));
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
    // no query builder, no table, and no statement of its own
    const text = files(join(SRC, 'api')).filter((f) =>
      /from 'drizzle-orm'|db\/schema|database\.query\b|['"`]\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH) /.test(
        readFileSync(f, 'utf8'),
      ),
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
