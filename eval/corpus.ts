import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

export function loadCorpus(path = corpusPath()): CorpusRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusRow);
}
