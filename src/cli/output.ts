import type { Finding } from '../detectors/types.ts';

/** One decided (or scanned) line, as the JSON Lines output writes it. */
export interface LineResult {
  source: string;
  line: number;
  json: Record<string, unknown> & { id?: unknown; findings: Finding[] };
}

/** A line that could not be read or validated. */
export interface LineError {
  source: string;
  line: number;
  id?: unknown;
  message: string;
}

export interface Output {
  result(r: LineResult): void;
  error(e: LineError): void;
  end(): void;
}

export const FORMATS = ['jsonl', 'table', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

type Write = (s: string) => void;

/** JSON Lines: the API's shapes, one per input line; an error line names the line. */
function jsonl(write: Write): Output {
  return {
    result: (r) => write(`${JSON.stringify(r.json)}\n`),
    error: (e) =>
      write(
        `${JSON.stringify({ ...(e.id !== undefined ? { id: e.id } : { line: e.line }), ...(e.source !== '-' ? { source: e.source } : {}), error: { code: 'invalid_request', message: e.message } })}\n`,
      ),
    end: () => {},
  };
}

const cell = (s: string, width: number) =>
  s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width);

/** A table for people: where, id, decision, kinds and the masked previews (never the values). */
function table(write: Write): Output {
  write(
    `${cell('LINE', 14)} ${cell('ID', 12)} ${cell('DECISION', 8)} ${cell('KINDS', 24)} MASKED\n`,
  );
  const where = (source: string, line: number) =>
    source === '-' ? `${line}` : `${source}:${line}`;
  return {
    result: (r) => {
      const kinds = [...new Set(r.json.findings.map((f) => f.kind))].join(',');
      write(
        `${where(r.source, r.line)} ${cell(String(r.json.id ?? ''), 12)} ${cell(String(r.json.decision ?? '-'), 8)} ${cell(kinds || '-', 24)} ${r.json.findings.map((f) => f.masked).join(' | ')}\n`,
      );
    },
    error: (e) =>
      write(
        `${where(e.source, e.line)} ${cell(String(e.id ?? ''), 12)} ${cell('ERROR', 8)} ${e.message}\n`,
      ),
    end: () => {},
  };
}

const LEVEL: Record<string, 'error' | 'warning' | 'note'> = {
  block: 'error',
  warn: 'warning',
  allow: 'note',
};

/**
 * SARIF 2.1.0, for code-scanning tools: a result per finding (scan) or per violated rule
 * (check), located at its input line, with the masked preview in the message.
 */
function sarif(write: Write): Output {
  const results: unknown[] = [];
  const rules = new Map<string, string>();
  const location = (source: string, line: number) => ({
    physicalLocation: {
      artifactLocation: { uri: source === '-' ? 'stdin' : source },
      region: { startLine: line },
    },
  });
  return {
    result: (r) => {
      const violations = (r.json.violations ?? []) as Array<{
        rule: string;
        kinds: string[];
        message: string;
      }>;
      if (r.json.decision !== undefined) {
        for (const v of violations) {
          rules.set(v.rule, v.message);
          results.push({
            ruleId: v.rule,
            level: LEVEL[String(r.json.decision)] ?? 'warning',
            message: {
              text: `${v.message} (${v.kinds.join(', ')}: ${r.json.findings
                .filter((f) => v.kinds.includes(f.kind))
                .map((f) => f.masked)
                .join(' | ')})`,
            },
            locations: [location(r.source, r.line)],
            ...(r.json.id !== undefined ? { properties: { id: r.json.id } } : {}),
          });
        }
        return;
      }
      for (const f of r.json.findings) {
        rules.set(f.kind, `Personal data of kind ${f.kind}`);
        results.push({
          ruleId: f.kind,
          level: 'warning',
          message: { text: `${f.kind}: ${f.masked}` },
          locations: [location(r.source, r.line)],
          properties: { start: f.start, end: f.end, confidence: f.confidence, id: r.json.id },
        });
      }
    },
    error: (e) => {
      rules.set('invalid-line', 'A line that is not a valid request');
      results.push({
        ruleId: 'invalid-line',
        level: 'error',
        message: { text: e.message },
        locations: [location(e.source, e.line)],
      });
    },
    end: () =>
      write(
        `${JSON.stringify(
          {
            $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
            version: '2.1.0',
            runs: [
              {
                tool: {
                  driver: {
                    name: 'sargas',
                    rules: [...rules].map(([id, text]) => ({ id, shortDescription: { text } })),
                  },
                },
                results,
              },
            ],
          },
          null,
          2,
        )}\n`,
      ),
  };
}

export function createOutput(format: Format, write: Write): Output {
  return format === 'table' ? table(write) : format === 'sarif' ? sarif(write) : jsonl(write);
}
