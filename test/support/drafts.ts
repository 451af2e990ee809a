import { blankDraft } from '../../src/audit/events.ts';
import type { EventDraft } from '../../src/audit/writer.ts';

/**
 * A raw event draft for the writer's tests: any type, any details, any column overridden. The
 * service builds its events from the typed definitions (src/audit/events.ts); the writer takes
 * whatever draft it is given, which these tests exercise.
 */
export function testDraft(
  tenant: string,
  type: string,
  now: Date,
  by: string,
  details: Record<string, unknown>,
  extra: Partial<EventDraft> = {},
): EventDraft {
  return { ...blankDraft(tenant, now, type, by), details, ...extra };
}
