export { StoreUnavailable } from '../db/unavailable.ts';

/** Too many audit events are waiting: the check fails at once rather than queueing without bound. */
export class QueueFull extends Error {
  constructor() {
    super('audit queue full');
    this.name = 'QueueFull';
  }
}

/** The event's deadline passed before it could be committed; it was not, and will not be, written. */
export class DeadlineExceeded extends Error {
  constructor() {
    super('audit deadline exceeded');
    this.name = 'DeadlineExceeded';
  }
}
