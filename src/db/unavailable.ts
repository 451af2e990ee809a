/**
 * Errors that mean the database could not be reached or went away, as opposed to a
 * statement it refused: a refused statement says something about the data (a poison event
 * to isolate), an unreachable store says nothing about it (fail at once, open the breaker).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
// SQLSTATE: connection exceptions (not 08P01, a protocol violation PGlite also reports for
// a NUL in a parameter), shutdown and start-up, too many connections
const SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** Raised by the service itself when it knows the store is down or an outcome is unknown. */
export class StoreUnavailable extends Error {
  constructor(
    message: string,
    readonly reason: 'store_down' | 'outcome_unknown' | 'closed',
  ) {
    super(message);
    this.name = 'StoreUnavailable';
  }
}

/** Whether `err` (or an error it wraps, as drizzle does) means the database is unreachable. */
export function isUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    if (e instanceof StoreUnavailable) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code))) return true;
    // PGlite, once closed, throws a plain Error
    if (e instanceof Error && e.message === 'PGlite is closed') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Whether `err` is the server cancelling a statement at its `statement_timeout` (the deadline of its batch). */
export function isStatementTimeout(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    if ((e as { code?: unknown }).code === '57014') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// the connection went away with a statement possibly on its way or running (not: a
// connection that could not be made, nor the server's own error answer to the statement)
const LOST_IN_FLIGHT = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
]);

/** Whether `err` means the connection was lost while a statement was in flight: whether it committed is unknown. */
export function isLostInFlight(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && LOST_IN_FLIGHT.has(code)) return true;
    if (e instanceof StoreUnavailable && e.reason === 'outcome_unknown') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
