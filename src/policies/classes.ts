import { describeKind, KINDS, type DataClass, type Kind } from '../detectors/kinds.ts';

export type { DataClass } from '../detectors/kinds.ts';

/** Which class each kind belongs to, from its descriptor (detectors/kinds.ts). */
export const CLASS_OF: Readonly<Record<Kind, DataClass>> = Object.fromEntries(
  KINDS.map((k) => [k, describeKind(k).class]),
) as Record<Kind, DataClass>;
