// Challenge tokens and webservice sessions, with Vtiger's lifetimes (configurable for tests).
import { createHash, randomBytes } from 'node:crypto';
import { VtigerFault } from './vtiger-fault.js';

export interface SimulatedUser {
  id: number;
  username: string;
  accessKey: string;
  isAdmin: boolean;
  firstName: string;
  lastName: string;
  email: string;
  timezone: string;
}

export interface AuthTimings {
  /** A challenge token's life (VT: AuthToken.php, 300 s). */
  challengeTtlMs: number;
  /** Idle time after which a session ends (VT: SessionManager.php, 1800 s). */
  sessionIdleMs: number;
  /** Longest life of a session (86400 s). */
  sessionLifetimeMs: number;
}

export const VTIGER_AUTH_TIMINGS: AuthTimings = { challengeTtlMs: 300_000, sessionIdleMs: 1_800_000, sessionLifetimeMs: 86_400_000 };

interface Session {
  user: SimulatedUser;
  startedAt: number;
  lastUsedAt: number;
}

export class AuthBook {
  /** One token per user: a new challenge replaces the old one; login does not consume it. */
  private readonly tokens = new Map<number, { token: string; expiresAt: number }>();
  private readonly sessions = new Map<string, Session>();
  logins = 0;

  constructor(
    private readonly users: readonly SimulatedUser[],
    private readonly timings: AuthTimings,
    private readonly now: () => number,
  ) {}

  challenge(username: string | undefined): { token: string; serverTime: number; expireTime: number } {
    if (!username) throw new VtigerFault('ACCESS_DENIED', 'No username given');
    const user = this.users.find((u) => u.username === username);
    if (!user) throw new VtigerFault('ACCESS_DENIED', 'username does not exists');
    // uniqid(): 13 lowercase hex characters.
    const token = randomBytes(7).toString('hex').slice(0, 13);
    const now = this.now();
    this.tokens.set(user.id, { token, expiresAt: now + this.timings.challengeTtlMs });
    return { token, serverTime: Math.floor(now / 1000), expireTime: Math.floor((now + this.timings.challengeTtlMs) / 1000) };
  }

  login(username: string | undefined, accessKey: string | undefined): { sessionName: string; user: SimulatedUser } {
    const user = this.users.find((u) => u.username === username);
    const token = user ? this.tokens.get(user.id) : undefined;
    if (!user || !token || token.expiresAt < this.now()) throw new VtigerFault('INVALID_AUTH_TOKEN', 'Specified token is invalid or expired');
    const expected = createHash('md5').update(token.token + user.accessKey).digest('hex');
    if (accessKey !== expected) throw new VtigerFault('INVALID_USER_CREDENTIALS', 'Invalid username or password');
    // A PHP session id: 21 lowercase hex characters.
    const sessionName = randomBytes(11).toString('hex').slice(0, 21);
    const now = this.now();
    this.sessions.set(sessionName, { user, startedAt: now, lastUsedAt: now });
    this.logins++;
    return { sessionName, user };
  }

  /** The session's user, touching its idle timer; AUTHENTICATION_REQUIRED / INVALID_SESSIONID otherwise. */
  use(sessionName: string | undefined): SimulatedUser {
    if (!sessionName) throw new VtigerFault('AUTHENTICATION_REQUIRED', 'Authencation required');
    const session = this.sessions.get(sessionName);
    const now = this.now();
    if (session && (now - session.lastUsedAt > this.timings.sessionIdleMs || now - session.startedAt > this.timings.sessionLifetimeMs)) {
      this.sessions.delete(sessionName);
    }
    const live = this.sessions.get(sessionName);
    if (!live) throw new VtigerFault('INVALID_SESSIONID', 'Session Identifier provided is Invalid');
    live.lastUsedAt = now;
    return live.user;
  }

  /** Ends every session, as a server restart or an admin's "log out everyone" would. */
  expireAllSessions(): void {
    this.sessions.clear();
  }

  end(sessionName: string): void {
    this.sessions.delete(sessionName);
  }
}
