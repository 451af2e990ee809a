import { fold, normalize } from '../detectors/normalize.ts';
import type { TenantPolicy } from './types.ts';

/** A text reduced to its words: folded (lower case, no diacritics), any run of other characters one space, with offsets back. */
export interface Words {
  text: string;
  /** For each character of `text`, the original offset it came from. */
  at: number[];
}

/** A text as words (folded, one space between), for `wordSpans`. */
export function words(original: string): Words {
  const norm = normalize(original);
  const folded = fold(norm.text);
  let text = '';
  const at: number[] = [];
  let gap = false;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i] as string;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      if (gap && text.length > 0) {
        text += ' ';
        at.push(norm.startMap[i] ?? 0);
      }
      text += ch;
      at.push(norm.startMap[i] ?? 0);
      gap = false;
    } else gap = true;
  }
  return { text, at };
}

// Compiled once per policy version: the safe texts as words.
const compiled = new WeakMap<TenantPolicy, string[]>();

function safeWords(policy: TenantPolicy): string[] {
  let list = compiled.get(policy);
  if (!list) {
    list = (policy.safeTexts ?? []).map((t) => words(t).text).filter((t) => t.length > 0);
    compiled.set(policy, list);
  }
  return list;
}

/**
 * Where a reply quotes one of the tenant's registered safe texts (its own fraud warnings,
 * "We will never ask for your PIN…"), in original offsets. Matching ignores case, diacritics,
 * punctuation and spacing, so a pasted warning matches however the helpdesk tool reflowed it.
 */
export function safeSpans(text: string, policy: TenantPolicy): Array<[number, number]> {
  return wordSpans(text, safeWords(policy));
}

/** Where `text` holds one of `list` (each already `words(…).text`), whole words only, in original offsets. */
export function wordSpans(text: string, list: readonly string[]): Array<[number, number]> {
  if (list.length === 0) return [];
  const w = words(text);
  const out: Array<[number, number]> = [];
  for (const safe of list) {
    for (let i = w.text.indexOf(safe); i >= 0; i = w.text.indexOf(safe, i + 1)) {
      const before = w.text[i - 1];
      const after = w.text[i + safe.length];
      // whole words only
      if ((before === undefined || before === ' ') && (after === undefined || after === ' ')) {
        const last = i + safe.length - 1;
        out.push([w.at[i] as number, (w.at[last] as number) + 1]);
      }
    }
  }
  return out;
}
