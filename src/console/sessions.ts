import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller } from '../auth/access-token.ts';

/** One signed-in officer: who, for which tenant, with which scopes, and the CSRF token of the session. */
export interface Session {
  caller: Caller;
  csrf: string;
  /** How the officer signed in: through the bank's provider, or a pasted token (development). */
  via: 'oidc' | 'token';
  name: string | null;
  expiresAt: number;
}

/** A sign-in under way: the PKCE verifier, state and nonce, bound to the browser that started it. */
export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
  expiresAt: number;
}

const LIMIT = 10_000;
const token = () => randomBytes(32).toString('base64url');

/** Bounded in-memory maps with an expiry per entry: the oldest entry goes first when full. */
class Expiring<T extends { expiresAt: number }> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly now: () => number) {}
  put(id: string, value: T) {
    if (this.entries.size >= LIMIT) {
      for (const [k, v] of this.entries) if (v.expiresAt <= this.now()) this.entries.delete(k);
      if (this.entries.size >= LIMIT)
        this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(id, value);
  }
  get(id: string): T | null {
    const v = this.entries.get(id);
    if (!v) return null;
    if (v.expiresAt <= this.now()) {
      this.entries.delete(id);
      return null;
    }
    return v;
  }
  take(id: string): T | null {
    const v = this.get(id);
    this.entries.delete(id);
    return v;
  }
}

/**
 * The console's server-side sessions. The cookie carries only a random id; the caller and
 * its scopes stay here. In memory: a replica knows its own sessions only, so several
 * replicas need sticky sessions on the console (docs/console.md).
 */
export class SessionStore {
  private readonly sessions: Expiring<Session>;
  private readonly logins: Expiring<PendingLogin>;
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sessions = new Expiring(now);
    this.logins = new Expiring(now);
  }

  create(
    caller: Caller,
    via: Session['via'],
    name: string | null,
  ): { id: string; session: Session } {
    const id = token();
    // a pasted token's session ends when the token does
    const until = Math.min(
      this.now() + this.ttlMs,
      caller.expiresAt ? caller.expiresAt * 1000 : Number.POSITIVE_INFINITY,
    );
    const session: Session = { caller, csrf: token(), via, name, expiresAt: until };
    this.sessions.put(id, session);
    return { id, session };
  }
  get(id: string | undefined): Session | null {
    return id ? this.sessions.get(id) : null;
  }
  end(id: string | undefined) {
    if (id) this.sessions.take(id);
  }

  startLogin(login: Omit<PendingLogin, 'expiresAt'>): string {
    const id = token();
    this.logins.put(id, { ...login, expiresAt: this.now() + 10 * 60_000 });
    return id;
  }
  /** The sign-in started under this id, once: a second callback with it finds nothing. */
  finishLogin(id: string | undefined): PendingLogin | null {
    return id ? this.logins.take(id) : null;
  }
}

/** Whether a request's CSRF token is the session's (constant time). */
export function csrfMatches(session: Session, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
