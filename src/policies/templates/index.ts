import type { Locale } from '../../detectors/types.ts';
import { en } from './en.ts';
import { lt } from './lt.ts';
import { pl } from './pl.ts';
import type { Templates } from './types.ts';

export type { Templates } from './types.ts';

/** The default texts per language. */
export const TEMPLATES: Readonly<Record<Locale, Templates>> = { pl, lt, en };

/** Fills `{link}` and `{brand}`. */
export function fill(
  template: string,
  values: { link?: string | undefined; brand?: string | undefined },
): string {
  return template
    .replaceAll('{link}', values.link ? ` (${values.link})` : '')
    .replaceAll('{brand}', values.brand ?? '');
}
