import { ulid as makeUlid } from 'ulid';

/** A ULID for an event or review: sortable by creation time, unguessable. */
export function ulid(now: Date): string {
  return makeUlid(now.getTime());
}
