import type { Logger } from 'pino';
import type { Caller } from '../auth/access-token.ts';

/** Variables the middleware sets on each request. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller;
    /** The caller of the console's session cookie, when the request has no Authorization header (src/console/session-cookie.ts). */
    sessionCaller: Caller;
    /** With a console session (sessionCaller): whether it is still open, for a long-lived answer (the audit stream) to ask as it goes. */
    stillValid: () => boolean;
    log: Logger;
    /** The body size limit (limitBody). */
    maxBodyBytes: number;
    /** performance.now() when the request arrived (deadlines count from it). */
    startedAt: number;
  };
}
