import type { Logger } from 'pino';
import type { Caller } from '../auth/access-token.ts';

/** Variables the middleware sets on each request. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller;
    /** The caller of the console's session cookie, when the request has no Authorization header (src/console/session-cookie.ts). */
    sessionCaller: Caller;
    log: Logger;
    /** The body size limit (limitBody). */
    maxBodyBytes: number;
    /** performance.now() when the request arrived (deadlines count from it). */
    startedAt: number;
  };
}
