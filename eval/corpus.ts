import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kind, Locale } from '../src/detectors/types.ts';

/** One labelled message of ../shared/corpus (see its README). */
export interface CorpusRow {
  id: string;
  lang: Locale;
  direction: 'inbound' | 'outbound';
  channel: { platform: string; visibility: 'public' | 'private' };
  identityVerified: boolean;
  text: string;
  entities: Array<{ kind: Kind; start: number; end: number }>;
  secretRequest: boolean;
  expect: { decision: 'allow' | 'warn' | 'block' };
}

/** Where the shared corpus lives: beside the project, or where SARGAS_CORPUS points. */
export function corpusPath(): string {
  return process.env.SARGAS_CORPUS ?? resolve(import.meta.dirname, '../../shared/corpus/dev.jsonl');
}

/** The rows of a JSON Lines file, or of every `.jsonl` file in a directory (sorted by name). */
export function loadCorpus(path = corpusPath()): CorpusRow[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => join(path, f))
    : [path];
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as CorpusRow),
  );
}
