import { KIND, KINDS } from '../detectors/kinds.ts';
import { RULES } from '../policies/rules.ts';

/** The kinds and rules the console offers as filters and explains, from their one declaration. */
export function catalog() {
  return {
    kinds: KINDS.map((name) => ({ name, class: KIND[name].class })),
    rules: RULES.map((r) => ({ id: r.id, effect: r.effect, direction: r.direction })),
  };
}
