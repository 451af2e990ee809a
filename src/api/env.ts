import type { Logger } from 'pino';
import type { Caller } from '../auth/access-token.ts';

/** Variables the middleware sets on each request. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller;
    /** The caller of the console's session cookie, when the request has no Authorization header (src/console/session-cookie.ts). */
    sessionCaller: Caller;
    /** Whether the caller's credentials still hold (a long-lived answer, the audit stream, asks as it goes): the session is open, the token unexpired. */
    stillValid: () => boolean;
    log: Logger;
    /** The body size limit (limitBody). */
    maxBodyBytes: number;
    /** performance.now() when the request arrived (deadlines count from it). */
    startedAt: number;
  };
}
