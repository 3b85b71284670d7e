// The webservice session: challenge + login once, shared by every caller, renewed transparently.
import { createHash } from 'node:crypto';
import { GatewayError, isGatewayError } from '../../src/errors/gateway-error.js';
import { parseResult } from './parse-result.js';
import { challengeSchema, loginSchema, type LoginResult } from './raw.js';
import { SESSION_ERROR_CODES } from './vtiger-error.js';
import type { VtigerWebservice, WebserviceCall } from './webservice.js';

export interface VtigerCredentials {
  username: string;
  accessKey: string;
}

function isSessionError(err: unknown): boolean {
  return err instanceof GatewayError && err.upstreamCode !== undefined && SESSION_ERROR_CODES.has(err.upstreamCode);
}

export class VtigerSession {
  private current: Promise<LoginResult> | null = null;
  private loginCount = 0;

  constructor(
    private readonly webservice: VtigerWebservice,
    private readonly credentials: VtigerCredentials,
  ) {}

  /** Logins performed so far (for tests and the benchmark: one per session lifetime is the goal). */
  get logins(): number {
    return this.loginCount;
  }

  /** The logged-in user's id ("19x1"), which owns what the gateway creates. */
  async userId(): Promise<string> {
    return (await this.session()).userId;
  }

  /**
   * Runs the call with the current sessionName. When Vtiger says the session is invalid, expired
   * or idle, logs in again once (shared with every caller that hit the same dead session) and
   * repeats the call; a second session error is thrown.
   */
  async call(request: WebserviceCall): Promise<unknown> {
    const session = this.session();
    const { sessionName } = await session;
    try {
      return await this.webservice.call({ ...request, params: { ...request.params, sessionName } });
    } catch (err) {
      if (!isSessionError(err)) throw err;
      this.forget(session);
      const renewed = await this.session();
      return this.webservice.call({ ...request, params: { ...request.params, sessionName: renewed.sessionName } });
    }
  }

  /** Drops the session so the next call logs in again (used by close and by tests). */
  reset(): void {
    this.current = null;
  }

  private session(): Promise<LoginResult> {
    if (this.current === null) {
      const attempt = this.login();
      this.current = attempt;
      // A failed login is not kept: the next caller tries again instead of reusing the failure.
      attempt.catch(() => this.forget(attempt));
    }
    return this.current;
  }

  /** Forgets `session` only if it is still the current one: concurrent failures share one new login. */
  private forget(session: Promise<LoginResult>): void {
    if (this.current === session) this.current = null;
  }

  private async login(): Promise<LoginResult> {
    this.loginCount++;
    try {
      return await this.challengeAndLogin();
    } catch (err) {
      // Vtiger keeps one challenge token per user: another client of the same user (a second
      // gateway, a script) asking for one between our challenge and our login replaces ours, and
      // the login fails as if the key were wrong. One fresh challenge tells that race from a wrong key.
      if (!(isGatewayError(err) && (err.upstreamCode === 'INVALID_USER_CREDENTIALS' || err.upstreamCode === 'INVALID_AUTH_TOKEN'))) throw err;
      return this.challengeAndLogin();
    }
  }

  private async challengeAndLogin(): Promise<LoginResult> {
    const { username, accessKey } = this.credentials;
    // VT: include/Webservices/AuthToken.php — a token per user, valid 300 s, not consumed by login.
    const challenge = parseResult(
      challengeSchema,
      await this.webservice.call({ operation: 'getchallenge', params: { username }, label: 'getchallenge' }),
      'getchallenge',
    );
    // VT: include/Webservices/Login.php — accessKey = md5(token . accesskey), lowercase hex.
    const key = createHash('md5').update(challenge.token + accessKey).digest('hex');
    const result = await this.webservice.call({ operation: 'login', params: { username, accessKey: key }, label: 'login' });
    return parseResult(loginSchema, result, 'login');
  }
}
