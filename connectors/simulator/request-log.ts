// Records every request a simulator receives so tests can count upstream calls.
import type { RequestInfo } from './request-info.js';

export interface LoggedRequest extends RequestInfo {
  /** Milliseconds since the epoch when the request was recorded. */
  readonly at: number;
}

export interface RequestLogOptions {
  /** Clock for `at`; defaults to Date.now. */
  readonly now?: () => number;
}

/**
 * An append-only list of requests, in arrival order. Tests use `count` to assert
 * how many upstream calls a gateway operation made ("at most one request per entity
 * per nesting level").
 */
export class RequestLog {
  readonly #entries: LoggedRequest[] = [];
  readonly #now: () => number;

  constructor(options: RequestLogOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  record(request: RequestInfo): LoggedRequest {
    const entry: LoggedRequest = { ...request, at: this.#now() };
    this.#entries.push(entry);
    return entry;
  }

  /** A snapshot: later requests do not appear in an array already returned. */
  get entries(): readonly LoggedRequest[] {
    return [...this.#entries];
  }

  count(predicate?: (entry: LoggedRequest) => boolean): number {
    return predicate ? this.#entries.filter(predicate).length : this.#entries.length;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
