import { redact, scan } from '../detectors/index.ts';

/**
 * Free text people write into the audit log (review notes, override justifications) goes
 * through the same detectors first: whatever personal data it holds is stored masked.
 */
export function maskFreeText(text: string): string {
  const { findings } = scan(text);
  return findings.length > 0 ? redact(text, findings) : text;
}
